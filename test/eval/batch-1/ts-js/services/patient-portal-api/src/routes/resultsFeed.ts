import { Router } from 'express';
import { requireSession } from '../middleware/session';
import { ResultModel, type PortalResult } from '../models/Result';
import { auditTrail } from '../audit/auditTrail';

export const resultsFeedRouter = Router();

/**
 * A hold placed by the ordering clinician on one result for one patient, after
 * an individual determination that release would endanger the patient
 * (45 CFR 164.524(a)(3)(i); 171.201). The clinician must record the reason;
 * holds without a recorded determination are ignored.
 */
interface IndividualHold {
  active: boolean;
  determinedBy: string;     // licensed clinician's user id
  determination: string;    // the clinician's documented reason
  placedAt: string;
}

function hasDocumentedHold(result: PortalResult): boolean {
  const hold = result.individualHold as IndividualHold | undefined;
  return Boolean(hold?.active && hold.determinedBy && hold.determination);
}

/** Results feed of the portal: every final result, as soon as it is final. */
resultsFeedRouter.get('/api/patient/results', requireSession, async (req, res, next) => {
  try {
    const results = await ResultModel.find({ patientId: req.session.patientId, status: 'final' })
      .sort({ finalizedAt: -1 })
      .lean<PortalResult[]>();

    const visible: PortalResult[] = [];
    for (const result of results) {
      if (hasDocumentedHold(result)) {
        auditTrail.record({
          event: 'ehi-exception',
          rule: 'release-delay',
          exception: 'preventing-harm',
          resultId: result.id,
          determinedBy: result.individualHold.determinedBy,
        });
        continue;
      }
      visible.push(result);
    }

    res.json({ total: visible.length, results: visible });
  } catch (err) {
    next(err);
  }
});
