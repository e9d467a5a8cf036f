'use strict';

const fastify = require('fastify')({ logger: true });
const { verifyClientAssertion, issueTokens } = require('./tokens');

const SUPPORTED_SCOPES = ['openid', 'fhirUser', 'launch/patient', 'patient/*.rs', 'offline_access'];
const trustedClientIds = new Set(['harbor-portal', 'harbor-kiosk']);
const BACKEND_SERVICE_CLIENTS = ['population-health-etl'];

fastify.post('/auth/token', async function token(request, reply) {
  const { client_id: clientId, grant_type: grantType, scope = '' } = request.body;
  // ruleid: app-access-restriction
  if (!trustedClientIds.has(clientId)) {
    return reply.code(401).send({ error: 'invalid_client' });
  }
  // ok: app-access-restriction
  if (grantType === 'client_credentials' && !BACKEND_SERVICE_CLIENTS.includes(clientId)) {
    return reply.code(400).send({ error: 'unauthorized_client' });
  }
  // ok: app-access-restriction
  if (!(await verifyClientAssertion(request.body))) {
    return reply.code(401).send({ error: 'invalid_client' });
  }
  return issueTokens(clientId, scope.split(' '), { patientScopes: scope.includes('patient/') });
});

module.exports = {
  fastify,
  SUPPORTED_SCOPES,
  smart: {
    // ok: app-access-restriction
    refreshTokenLifetimeDays: 365,
    // ruleid: app-access-restriction
    refreshTokenExpiresIn: '12h',
    // ok: app-access-restriction
    accessTokenExpiresIn: '1h',
  },
};
