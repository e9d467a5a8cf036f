'use strict';

const express = require('express');
const { verifyClientAssertion } = require('../backend/clientAssertion');
const { issueAccessToken } = require('../backend/tokens');

const router = express.Router();

/**
 * SMART Backend Services token endpoint (client_credentials with a signed JWT
 * assertion). Only our own back-office integrations use it: the population
 * health warehouse, the billing extract and the HIE bridge. Patient apps use
 * the authorization-code flow on /oauth2/token instead.
 */
const BACKEND_SERVICE_CLIENTS = new Set([
  'lakeshore-population-health',
  'lakeshore-billing-extract',
  'lakeshore-hie-bridge',
]);

router.post('/oauth2/backend/token', express.urlencoded({ extended: false }), async (req, res, next) => {
  try {
    const { grant_type: grantType, scope, client_assertion: assertion } = req.body;
    if (grantType !== 'client_credentials') {
      return res.status(400).json({ error: 'unsupported_grant_type' });
    }
    const requested = String(scope || '').split(' ').filter(Boolean);
    if (requested.length === 0 || !requested.every((s) => s.startsWith('system/'))) {
      return res.status(400).json({ error: 'invalid_scope', error_description: 'only system/ scopes are issued here' });
    }

    const claims = await verifyClientAssertion(assertion);
    if (!BACKEND_SERVICE_CLIENTS.has(claims.iss)) {
      return res.status(401).json({ error: 'invalid_client' });
    }

    const token = await issueAccessToken({ clientId: claims.iss, scopes: requested, ttlSeconds: 300 });
    return res.json({ access_token: token, token_type: 'bearer', expires_in: 300, scope: requested.join(' ') });
  } catch (err) {
    return next(err);
  }
});

module.exports = router;
