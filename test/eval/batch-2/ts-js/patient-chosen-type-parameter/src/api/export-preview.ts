import { Router } from 'express';
import { loadPatientRecord } from '../records';

export const previewRouter = Router();

// The patient ticks which sections they want in the printable summary.
previewRouter.get('/portal/api/summary', async (req, res) => {
  const requested = String(req.query._type ?? '').split(',').filter(Boolean);
  const record = await loadPatientRecord(req.session.patientId);
  const entries = requested.length
    ? record.entry.filter((e) => requested.includes(e.resource.resourceType))
    : record.entry;
  res.json({ ...record, entry: entries });
});
