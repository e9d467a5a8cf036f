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
    // jsonwebtoken reads numbers as seconds: 90 days.
    // ok: app-access-restriction
    offlineRefreshTokenExpiresIn: 7776000,
  },
};

// Resource-server side: the FHIR API accepts tokens only from the vendor's own apps.
const express = require('express');
const fhir = express.Router();
const PERMITTED_APPS = ['harbor-portal'];

function requirePermittedApp(req, res, next) {
  // ruleid: app-access-restriction
  if (PERMITTED_APPS.indexOf(req.auth.azp) === -1) {
    return res.status(403).json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] });
  }
  next();
}

function requireKnownOrigin(req, res, next) {
  // ok: app-access-restriction
  if (!PERMITTED_APPS.includes(req.headers.origin)) {
    return res.status(403).end();
  }
  next();
}

fhir.use('/fhir', requirePermittedApp, requireKnownOrigin);
module.exports.fhir = fhir;
