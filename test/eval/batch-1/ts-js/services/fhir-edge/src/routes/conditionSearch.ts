import type { FastifyInstance } from 'fastify';
import type { Bundle } from 'fhir/r4';

interface ConditionQuery {
  patient: string;
  category?: string;
  'clinical-status'?: string;
  _count?: number;
}

/** Problem list and health concerns for patient apps (US Core Condition). */
export default async function conditionSearchRoutes(app: FastifyInstance) {
  app.route<{ Querystring: ConditionQuery }>({
    method: 'GET',
    url: '/fhir/r4/Condition',
    preHandler: [app.verifySmartToken],
    config: {
      rateLimit: {
        max: 10,
        timeWindow: '1 minute',
      },
    },
    schema: {
      querystring: {
        type: 'object',
        required: ['patient'],
        properties: {
          patient: { type: 'string' },
          category: { type: 'string' },
          'clinical-status': { type: 'string' },
          _count: { type: 'integer', minimum: 1, maximum: 500 },
        },
      },
    },
    handler: async (request, reply) => {
      const bundle: Bundle = await app.upstream.search('Condition', request.query);
      reply.header('content-type', 'application/fhir+json');
      return bundle;
    },
  });

  app.get<{ Params: { id: string } }>('/fhir/r4/Condition/:id', { preHandler: [app.verifySmartToken] }, async (request, reply) => {
    const condition = await app.upstream.read('Condition', request.params.id);
    reply.header('content-type', 'application/fhir+json');
    return condition;
  });
}
