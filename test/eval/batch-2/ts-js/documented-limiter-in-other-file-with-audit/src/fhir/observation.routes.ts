import { Router } from 'express';
import { auditLog } from '../audit';
import { replayGuardLimiter } from './limiters';
import { searchObservations } from './observation.search';

export const observationRoutes = Router();

observationRoutes.get('/fhir/r4/Observation', replayGuardLimiter, async (req, res) => {
  auditLog.record({ event: 'ehi-exception', rule: 'unjustified-throttle', exception: 'security', client: req.auth?.clientId });
  res.json(await searchObservations(req.query));
});
