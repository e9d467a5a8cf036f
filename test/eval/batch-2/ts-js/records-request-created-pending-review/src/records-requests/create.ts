import { Router } from 'express';
import { RecordsRequest } from '../models/RecordsRequest';
import { notifyHim } from '../him/notify';

export const recordsRequests = Router();

recordsRequests.post('/portal/api/records-requests', async (req, res) => {
  const request = await RecordsRequest.create({
    patientId: req.session.patientId,
    scope: req.body.scope,
    format: req.body.format ?? 'ccda',
    status: 'PENDING_REVIEW',
  });
  await notifyHim(request.id);
  res.status(202).json({ id: request.id, status: request.status });
});
