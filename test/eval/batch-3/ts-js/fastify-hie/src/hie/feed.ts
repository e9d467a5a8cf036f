import type { FastifyInstance } from 'fastify';
import { HIE_SHARED_TYPES } from './types';

export default async function hieFeed(app: FastifyInstance) {
  app.get('/hie/patients/:id/bundle', async (req: any) => {
    const bundle = await app.fhir.everything(req.params.id);
    bundle.entry = bundle.entry.filter((e: any) => HIE_SHARED_TYPES.has(e.resource.resourceType));
    return bundle;
  });
}
