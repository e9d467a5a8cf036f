import { Router } from 'express';
import type { DocumentReference } from 'fhir/r4';
import { verifyAccessToken } from '../middleware/smartToken';
import { upstreamFhir } from '../fhir/upstreamClient';

export const fhirDocumentsRouter = Router();

const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

function isRestricted(doc: DocumentReference): boolean {
  return (doc.meta?.security ?? []).some(
    (label) => label.system === CONFIDENTIALITY_SYSTEM && (label.code === 'R' || label.code === 'V'),
  );
}

/** DocumentReference read for patient-authorised apps. */
fhirDocumentsRouter.get('/fhir/r4/DocumentReference/:id', verifyAccessToken, async (req, res, next) => {
  try {
    const doc: DocumentReference | undefined = await upstreamFhir.read('DocumentReference', req.params.id);
    if (!doc) {
      return res.status(404).json({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'not-found' }],
      });
    }

    if (doc.subject?.reference !== `Patient/${req.auth.patient}`) {
      return res.status(403).json({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'Outside the patient compartment of this token' }],
      });
    }

    if (isRestricted(doc)) {
      return res.status(403).json({ error: 'forbidden' });
    }

    res.type('application/fhir+json').send(doc);
  } catch (err) {
    next(err);
  }
});
