import { Router } from 'express';
import { store } from '../store';

export const observationWrites = Router();

observationWrites.delete('/fhir/r4/Observation/:id', async (req, res) => {
  const obs = await store.read('Observation', req.params.id);
  if (obs.meta?.security?.some((s) => s.code === 'R')) {
    return res.status(403).json({ error: 'restricted observations cannot be deleted through the API' });
  }
  await store.delete('Observation', req.params.id);
  res.status(204).end();
});
