import { Router } from 'express';
import { auditLog } from '../audit';
import { reindexWindow } from '../ops/windows';
import { searchPatients } from './patient-search';

export const patientSearch = Router();

// ehi-exception: health-it-performance
//   reason: Weekly Elasticsearch reindex makes Patient search return partial results for about 25 minutes
//   kind: planned-maintenance
//   max-duration: PT40M
//   agreement: Hosting SLA 2026 schedule B, maintenance window Sunday 02:00-03:00 ET
//   owner: fhir-platform-team
//   review-by: 2027-09-30
patientSearch.get('/fhir/r4/Patient', async (req, res) => {
  if (reindexWindow.isOpen()) {
    auditLog.record({ event: 'ehi-exception', rule: 'unjustified-throttle', exception: 'health-it-performance', reason: 'weekly reindex' });
    res.set('Retry-After', '1500');
    return res.status(503).json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'Patient search is being reindexed' }] });
  }
  res.json(await searchPatients(req.query));
});
