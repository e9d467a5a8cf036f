import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Bundle, BundleEntry, Observation } from 'fhir/r4';
import {
  APP_VISIBLE_OBSERVATION_CATEGORIES,
  DEFAULT_SEARCH_COUNT,
  MAX_SEARCH_COUNT,
  OBSERVATION_CATEGORY_SYSTEM,
} from '../config/shareable';

interface ObservationQuery {
  patient: string;
  category?: string;
  date?: string;
  _count?: number;
}

function hasVisibleCategory(obs: Observation): boolean {
  return (obs.category ?? []).some((cc) =>
    (cc.coding ?? []).some(
      (c) => c.system === OBSERVATION_CATEGORY_SYSTEM && APP_VISIBLE_OBSERVATION_CATEGORIES.includes(c.code ?? ''),
    ),
  );
}

export default async function observationSearchRoutes(app: FastifyInstance) {
  app.get<{ Querystring: ObservationQuery }>(
    '/fhir/r4/Observation',
    { preHandler: [app.verifySmartToken] },
    async (request: FastifyRequest<{ Querystring: ObservationQuery }>, reply: FastifyReply) => {
      const count = Math.min(request.query._count ?? DEFAULT_SEARCH_COUNT, MAX_SEARCH_COUNT);
      const upstream: Bundle = await app.upstream.search('Observation', { ...request.query, _count: count });

      const entries = (upstream.entry ?? []).filter((entry: BundleEntry) =>
        entry.resource?.resourceType === 'Observation' ? hasVisibleCategory(entry.resource) : true,
      );

      reply.header('content-type', 'application/fhir+json');
      return { ...upstream, total: entries.length, entry: entries };
    },
  );
}
