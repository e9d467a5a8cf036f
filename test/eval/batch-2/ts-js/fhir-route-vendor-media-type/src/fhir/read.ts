import { Router } from 'express';
import { store } from '../store';

export const reads = Router();

reads.get('/fhir/r4/Patient/:id', async (req, res) => {
  const patient = await store.read('Patient', req.params.id);
  res.type('application/vnd.riverbend.fhir+json').send(JSON.stringify(patient));
});
