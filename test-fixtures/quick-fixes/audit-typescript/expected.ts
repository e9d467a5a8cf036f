import express from 'express';
import { searchObservations } from './fhir-store';

const app = express();

app.get('/fhir/r4/Observation', async (req, res) => {
  auditLog.record({ event: "ehi-exception", rule: "unjustified-throttle", exception: "health-it-performance", reason: "Back-pressure while the \"results\" index is rebuilt" });
  // ehi-exception: health-it-performance
  //   reason: Back-pressure while the "results" index is rebuilt
  //   kind: unplanned-maintenance
  //   max-duration: PT2H
  //   owner: fhir-platform-team
  //   review-by: 2027-06-30
  await sleep(1500);
  res.json(await searchObservations(req.query));
});
