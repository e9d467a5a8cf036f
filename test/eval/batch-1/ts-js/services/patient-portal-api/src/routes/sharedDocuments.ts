import { Router } from 'express';
import { requireSession } from '../middleware/session';
import { documents } from '../services/documentsService';
import { restrictionRequests } from '../services/restrictionRequests';
import { auditTrail } from '../audit/auditTrail';

export const sharedDocumentsRouter = Router();

/**
 * Documents a proxy (caregiver) sees for the patient they care for. A patient
 * can ask that some documents not be shared with their proxies; those requests
 * are stored as restriction requests and honoured here.
 */
sharedDocumentsRouter.get('/api/proxy/patients/:patientId/documents/:docId', requireSession, async (req, res, next) => {
  try {
    const doc = await documents.get(req.params.patientId, req.params.docId);
    if (!doc) return res.status(404).end();

    const restriction = await restrictionRequests.findForDocument(req.params.patientId, doc.id, req.session.userId);
    if (restriction) {
      auditTrail.write({
        event: 'ehi-exception',
        rule: 'undocumented-denial',
        exception: 'privacy',
        subException: 'individual-request',
        restrictionId: restriction.id,
        documentId: doc.id,
        requester: req.session.userId,
      });
      return res.status(403).json({
        error: 'withheld',
        message:
          'Not shown: the patient asked that this document not be shared with caregivers (45 CFR 171.202(e)). The patient can change this in their sharing settings.',
      });
    }

    res.json(doc);
  } catch (err) {
    next(err);
  }
});
