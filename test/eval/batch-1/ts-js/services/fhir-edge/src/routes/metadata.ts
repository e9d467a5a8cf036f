import type { FastifyInstance } from 'fastify';
import { US_CORE_RESOURCES } from '../conformance/usCoreTypes';

const SMART_SERVICE = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }],
  text: 'OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)',
};

/** CapabilityStatement for the app-facing FHIR edge. */
export default async function metadataRoutes(app: FastifyInstance) {
  app.get('/fhir/r4/metadata', async (_request, reply) => {
    reply.header('content-type', 'application/fhir+json');
    return {
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: '2026-11-02',
      kind: 'instance',
      software: { name: 'lakeshore-fhir-edge', version: process.env.APP_VERSION ?? 'dev' },
      implementation: { description: 'Lakeshore Health FHIR API', url: app.publicBaseUrl },
      fhirVersion: '4.0.0',
      format: ['json', 'application/fhir+json'],
      implementationGuide: ['http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core|6.1.0'],
      rest: [
        {
          mode: 'server',
          security: { cors: true, service: [SMART_SERVICE] },
          resource: US_CORE_RESOURCES.map(({ type, profiles }) => ({
            type,
            supportedProfile: profiles,
            interaction: [{ code: 'read' }, { code: 'search-type' }],
          })),
        },
      ],
    };
  });
}
