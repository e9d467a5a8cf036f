import { Router } from 'express';
import { differenceInHours } from 'date-fns';
import { portalConfig } from '../config/portal';
import { labResults } from '../data/labResults';

export const resultsRouter = Router();

resultsRouter.get('/portal/api/results', async (req, res) => {
  const all = await labResults.forPatient(req.session.patientId);
  const releasable = all.filter(
    (r) => differenceInHours(new Date(), new Date(r.finalizedAt)) >= portalConfig.labResultReleaseDelayHours,
  );
  res.json(releasable);
});
