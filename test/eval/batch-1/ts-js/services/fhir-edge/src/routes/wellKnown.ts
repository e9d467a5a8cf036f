import type { FastifyInstance } from 'fastify';

const AUTH_BASE = process.env.AUTH_BASE_URL ?? 'https://auth.lakeshorehealth.org';

/**
 * SMART App Launch discovery document for the edge's FHIR base
 * (/fhir/r4/.well-known/smart-configuration).
 */
export default async function wellKnownRoutes(app: FastifyInstance) {
  app.get('/fhir/r4/.well-known/smart-configuration', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return reply.send({
      issuer: AUTH_BASE,
      jwks_uri: `${AUTH_BASE}/.well-known/jwks.json`,
      authorization_endpoint: `${AUTH_BASE}/oauth2/authorize`,
      token_endpoint: `${AUTH_BASE}/oauth2/token`,
      revocation_endpoint: `${AUTH_BASE}/oauth2/revoke`,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt', 'none'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      scopes_supported: ['openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access', 'patient/*.rs', 'user/*.rs'],
      response_types_supported: ['code'],
      capabilities: [
        'launch-standalone',
        'launch-ehr',
        'client-public',
        'client-confidential-symmetric',
        'context-standalone-patient',
        'context-ehr-patient',
        'sso-openid-connect',
        'permission-patient',
        'permission-user',
        'permission-offline',
        'permission-v2',
      ],
    });
  });
}
