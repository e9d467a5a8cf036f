import type { FastifyInstance } from 'fastify';
import type { Bundle } from 'fhir/r4';

interface PatientQuery {
  identifier?: string;
  family?: string;
  given?: string;
  birthdate?: string;
  _count?: number;
}

/** Patient search for connected apps and provider directories. */
export default async function patientSearchRoutes(app: FastifyInstance) {
  // ehi-exception: security
  //   reason: Demographic search was used to enumerate patients in March 2025; limit search volume per client
  //   risk: patient enumeration through demographic search
  //   basis: policy
  //   ticket: SEC-RISK-118
  //   owner: security-office
  //   review-by: 2026-06-30
  app.get<{ Querystring: PatientQuery }>(
    '/fhir/r4/Patient',
    {
      preHandler: [app.verifySmartToken],
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const bundle: Bundle = await app.upstream.search('Patient', {
        ...request.query,
        _count: Math.min(request.query._count ?? 20, 100),
      });
      reply.header('content-type', 'application/fhir+json');
      return bundle;
    },
  );

  app.get<{ Params: { id: string } }>('/fhir/r4/Patient/:id', { preHandler: [app.verifySmartToken] }, async (request, reply) => {
    reply.header('content-type', 'application/fhir+json');
    return app.upstream.read('Patient', request.params.id);
  });
}
