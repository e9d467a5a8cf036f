import { Router } from 'express';
import { auditLog } from '../audit';
import { geneticResults } from '../data/genetic';

export const geneticRouter = Router();

geneticRouter.get('/portal/api/genetic-results', async (req, res) => {
  const results = await geneticResults.forPatient(req.session.patientId);
  auditLog.record({ event: 'ehi-exception', rule: 'release-delay', exception: 'required-by-law', patient: req.session.patientId });
  // ehi-exception: required-by-law
  //   reason: State genetic testing statute requires the ordering provider to disclose results before portal release
  //   law: Example State Genetic Privacy Act section 12-407(c)
  //   owner: compliance-office
  //   review-by: 2026-12-22
  const released = results.filter((r) => r.disclosedByProviderAt != null);
  res.json(released);
});
