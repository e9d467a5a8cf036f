import { Router } from 'express';
import { requireSession } from '../middleware/session';
import { himWorkQueue } from '../queues/himWorkQueue';
import { HealthSummaryRequestModel } from '../models/HealthSummaryRequest';

export const healthSummaryRequestsRouter = Router();

/**
 * "Request my complete health record" in the portal. The patient picks a date
 * range and a format (C-CDA, FHIR bundle, PDF).
 */
healthSummaryRequestsRouter.post('/api/patient/health-summary-requests', requireSession, async (req, res, next) => {
  try {
    const { from, to, format } = req.body ?? {};
    if (!['ccda', 'fhir', 'pdf'].includes(format)) {
      return res.status(400).json({ error: 'format must be ccda, fhir or pdf' });
    }

    const request = await HealthSummaryRequestModel.create({
      patientId: req.session.patientId,
      from,
      to,
      format,
      status: 'SUBMITTED',
      submittedAt: new Date(),
    });

    await himWorkQueue.submitForReview({
      requestId: request.id,
      patientId: req.session.patientId,
      kind: 'complete-record',
    });

    res.status(202).json({
      id: request.id,
      status: request.status,
      message: 'Your request was received. You will be notified when your record is ready.',
    });
  } catch (err) {
    next(err);
  }
});
