import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Bundle } from 'fhir/r4';

/**
 * Medication list for connected apps. Medication data is only opened to apps
 * from our pharmacy and PBM partners.
 */
const PARTNER_CLIENT_IDS: ReadonlySet<string> = new Set([
  'lakeshore-mobile',
  'rxpartner-adherence',
  'northwind-pbm-connect',
]);

async function partnerAppsOnly(request: FastifyRequest, reply: FastifyReply) {
  const clientId = request.smart?.clientId;
  if (!clientId || !PARTNER_CLIENT_IDS.has(clientId)) {
    return reply.code(403).send({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'This app is not enabled for medication data' }],
    });
  }
}

export default async function medicationRequestRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { patient: string; status?: string } }>(
    '/fhir/r4/MedicationRequest',
    { preHandler: [app.verifySmartToken, partnerAppsOnly] },
    async (request, reply) => {
      const bundle: Bundle = await app.upstream.search('MedicationRequest', request.query);
      reply.header('content-type', 'application/fhir+json');
      return bundle;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/fhir/r4/MedicationRequest/:id',
    { preHandler: [app.verifySmartToken, partnerAppsOnly] },
    async (request, reply) => {
      reply.header('content-type', 'application/fhir+json');
      return app.upstream.read('MedicationRequest', request.params.id);
    },
  );
}
