import { Router } from 'express';
import { requireSession } from '../middleware/session';
import { LabResultModel, type LabResult } from '../models/LabResult';

export const labResultsRouter = Router();

type ReviewStatus = 'UNREVIEWED' | 'REVIEWED_BY_ORDERING_PROVIDER' | 'ACKNOWLEDGED_BY_NURSE';

function toPortalView(result: LabResult) {
  return {
    id: result.id,
    test: result.testName,
    loinc: result.loincCode,
    value: result.valueText,
    unit: result.unit,
    referenceRange: result.referenceRange,
    abnormal: result.abnormalFlag,
    collectedAt: result.collectedAt,
    resultedAt: result.finalizedAt,
    providerComment: result.providerComment ?? null,
  };
}

/** Lab results tab of the patient portal. */
labResultsRouter.get('/api/patient/lab-results', requireSession, async (req, res, next) => {
  try {
    const results = await LabResultModel.find({
      patientId: req.session.patientId,
      status: 'final',
    })
      .sort({ finalizedAt: -1 })
      .limit(500)
      .lean<LabResult[]>();

    const releasable = results.filter(
      (r) => (r.reviewStatus as ReviewStatus) === 'REVIEWED_BY_ORDERING_PROVIDER',
    );

    res.json({ total: releasable.length, results: releasable.map(toPortalView) });
  } catch (err) {
    next(err);
  }
});
