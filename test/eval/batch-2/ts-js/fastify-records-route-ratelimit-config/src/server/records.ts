import type { FastifyInstance } from 'fastify';
import { loadRecordsPacket } from '../records/packet';

const RECORDS_RATE = { max: 3, timeWindow: '1 hour' };

export default async function recordsRoutes(app: FastifyInstance) {
  await app.register(import('@fastify/rate-limit'), { global: false });

  app.get<{ Params: { patientId: string } }>(
    '/api/patients/:patientId/records',
    { config: { rateLimit: RECORDS_RATE } },
    async (req, reply) => {
      const packet = await loadRecordsPacket(req.params.patientId, req.user);
      return reply.type('application/fhir+json').send(packet);
    },
  );
}
