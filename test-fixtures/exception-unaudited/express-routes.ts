import express from 'express';
import { searchObservations, searchConditions } from './fhir-store';
import { auditLog } from './audit';

const app = express();

app.get('/fhir/r4/Observation', async (req, res) => {
  // A documented delay that leaves no trace when it applies.
  // ruleid: exception-unaudited
  // ehi-exception: health-it-performance
  //   reason: Back-pressure while the results index is rebuilt
  //   kind: unplanned-maintenance
  //   max-duration: PT2H
  //   owner: fhir-platform-team
  //   review-by: 2027-06-30
  await sleep(1500);
  res.json(await searchObservations(req.query));
});

app.get('/fhir/r4/Condition', async (req, res) => {
  auditLog.record({ event: 'ehi-exception', rule: 'unjustified-throttle', exception: 'health-it-performance', reason: 'Back-pressure' });
  // ok: exception-unaudited
  // ehi-exception: health-it-performance
  //   reason: Back-pressure while the conditions index is rebuilt
  //   kind: unplanned-maintenance
  //   max-duration: PT2H
  //   owner: fhir-platform-team
  //   review-by: 2027-06-30
  await sleep(1500);
  res.json(await searchConditions(req.query));
});

// An invalid annotation is reported by exception-invalid, not here.
app.get('/fhir/r4/Encounter', async (req, res) => {
  // ok: exception-unaudited
  // ruleid: exception-invalid
  // ehi-exception: maintenance; reason: Nightly reindex of patient search; owner: fhir-platform-team; review-by: 2027-06-30
  await sleep(1500); // ruleid: unjustified-throttle
  res.json(await searchConditions(req.query));
});
