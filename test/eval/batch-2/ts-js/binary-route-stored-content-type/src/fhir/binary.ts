import { Router } from 'express';
import { blobs } from '../blobs';

export const binary = Router();

binary.get('/fhir/r4/Binary/:id', async (req, res) => {
  const blob = await blobs.get(req.params.id);
  if (req.accepts('application/fhir+json') && !req.accepts(blob.contentType)) {
    return res.type('application/fhir+json').json({ resourceType: 'Binary', id: blob.id, contentType: blob.contentType, data: blob.data.toString('base64') });
  }
  res.type(blob.contentType).send(blob.data);
});
