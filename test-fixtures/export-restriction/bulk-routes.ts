import { Router, Request, Response } from 'express';
import { exportJobs } from '../services/export-jobs';
import { operationOutcome } from '../fhir/outcome';

export const fhirRouter = Router();

const SUPPORTED_TYPES = new Set(['Patient', 'Observation', 'Condition', 'Encounter']);

// System-level export was never finished; the population endpoint answers 501.
fhirRouter.get('/fhir/$export', (req: Request, res: Response) => {
  // ruleid: export-restriction
  res.status(501).json(operationOutcome('not-supported', 'System-level export is not available'));
});

fhirRouter.get('/fhir/Group/:id/$export', async (req: Request, res: Response) => {
  const types = String(req.query._type ?? '').split(',').filter(Boolean);
  // ok: export-restriction
  if (types.some((t) => !SUPPORTED_TYPES.has(t))) {
    return res.status(400).json(operationOutcome('invalid', 'Unknown _type'));
  }
  const outputFormat = String(req.query._outputFormat ?? 'application/fhir+ndjson');
  // ruleid: export-restriction
  if (outputFormat !== 'application/vnd.acme.bulk+xml') {
    return res.status(400).json(operationOutcome('not-supported', `Unsupported _outputFormat ${outputFormat}`));
  }
  const job = await exportJobs.start({ group: req.params.id, types, outputFormat });
  res.status(202).location(job.statusUrl).end();
});

const NDJSON_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

fhirRouter.get('/fhir/Patient/$export', async (req: Request, res: Response) => {
  const _outputFormat = String(req.query._outputFormat ?? 'application/fhir+ndjson');
  // ok: export-restriction
  if (!NDJSON_FORMATS.includes(_outputFormat)) {
    return res.status(400).json(operationOutcome('not-supported', 'Only NDJSON output is produced'));
  }
  const job = await exportJobs.start({ level: 'patient', outputFormat: _outputFormat });
  res.status(202).location(job.statusUrl).end();
});

fhirRouter.get('/fhir/bulkstatus/:jobId', async (req: Request, res: Response) => {
  const job = await exportJobs.find(req.params.jobId);
  // ok: export-restriction
  if (!job) return res.status(404).json(operationOutcome('not-found', 'No such export job'));
  res.json(job.manifest());
});

fhirRouter.get('/fhir/Patient/:id/$everything', async (req: Request, res: Response) => {
  // ok: export-restriction
  const bundle = await exportJobs.everything(req.params.id);
  res.type('application/fhir+json').json(bundle);
});

// Gateway-level switch in front of the FHIR server.
export function exportKillSwitch(req: Request, res: Response, next: () => void) {
  // ruleid: export-restriction
  if (req.path.endsWith('/$export')) {
    return res.status(403).json(operationOutcome('forbidden', 'Bulk export is switched off'));
  }
  // ok: export-restriction
  if (req.path.endsWith('/$export') && !req.headers.prefer?.includes('respond-async')) {
    return res.status(400).json(operationOutcome('invalid', 'Prefer: respond-async is required'));
  }
  next();
}
