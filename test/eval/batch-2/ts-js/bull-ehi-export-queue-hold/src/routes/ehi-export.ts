import { Router } from 'express';
import { ehiExportQueue, EXPORT_HOLD_MS } from '../queues/export.queue';

export const exportRoutes = Router();

exportRoutes.post('/fhir/r4/Patient/:id/$export', async (req, res) => {
  const job = await ehiExportQueue.add(
    { patientId: req.params.id, requestedBy: req.auth.sub },
    { delay: EXPORT_HOLD_MS, attempts: 3 },
  );
  res.status(202).location(`/export-status/${job.id}`).end();
});
