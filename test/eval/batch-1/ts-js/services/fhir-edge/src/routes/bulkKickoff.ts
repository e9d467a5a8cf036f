import type { FastifyInstance } from 'fastify';
import { bulkJobs } from '../export/bulkJobs';

interface KickoffQuery {
  _outputFormat?: string;
  _since?: string;
  _type?: string;
}

const ACCEPTED_OUTPUT_FORMATS = new Set(['application/fhir+json']);

function outcome(diagnostics: string) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'not-supported', diagnostics }],
  };
}

/** Bulk Data kick-off for backend-services clients (Group-level export). */
export default async function bulkKickoffRoutes(app: FastifyInstance) {
  app.get<{ Params: { groupId: string }; Querystring: KickoffQuery }>(
    '/fhir/r4/Group/:groupId/$export',
    { preHandler: [app.verifyBackendServicesToken] },
    async (request, reply) => {
      const format = request.query._outputFormat ?? 'application/fhir+json';
      if (!ACCEPTED_OUTPUT_FORMATS.has(format)) {
        return reply.code(400).send(outcome(`_outputFormat ${format} is not supported; use application/fhir+json`));
      }

      const job = await bulkJobs.create({
        groupId: request.params.groupId,
        since: request.query._since,
        types: request.query._type?.split(','),
        format,
        clientId: request.smart!.clientId,
      });

      return reply
        .code(202)
        .header('content-location', `${app.publicBaseUrl}/bulk-status/${job.id}`)
        .send();
    },
  );
}
