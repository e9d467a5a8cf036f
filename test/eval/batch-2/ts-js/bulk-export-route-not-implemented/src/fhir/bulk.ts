import { Router } from 'express';

export const bulk = Router();

const notSupported = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: 'Bulk export is not available on this server' }] };

bulk.get('/fhir/r4/Group/:id/$export', (_req, res) => {
  res.status(501).json(notSupported);
});
