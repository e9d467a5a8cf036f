import { Router } from 'express';
import { exportJobs } from './jobs';

const EXPORTABLE = new Set(['Patient', 'Observation', 'Condition', 'Encounter', 'DocumentReference', 'MedicationRequest', 'Procedure', 'Immunization', 'AllergyIntolerance', 'DiagnosticReport']);
const FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

export const groupExport = Router();

groupExport.get('/fhir/r4/Group/:id/$export', async (req, res) => {
  const fmt = String(req.query._outputFormat ?? 'application/fhir+ndjson');
  if (!FORMATS.includes(fmt)) return res.status(400).json({ error: `unsupported _outputFormat ${fmt}` });
  const types = String(req.query._type ?? '').split(',').filter(Boolean);
  if (types.some((t) => !EXPORTABLE.has(t))) return res.status(400).json({ error: 'unknown _type' });
  const job = await exportJobs.start(req.params.id, types, fmt);
  res.status(202).location(job.statusUrl).end();
});
