'use strict';

const { loadJwks } = require('./keys');
const { findAccount } = require('../accounts/findAccount');
const adapter = require('./redisAdapter');

/**
 * node-oidc-provider configuration for the SMART on FHIR authorization server
 * used by patient apps (standalone launch) and EHR-launched clinician apps.
 */
module.exports = async function buildConfiguration() {
  return {
    adapter,
    findAccount,
    jwks: await loadJwks(),
    scopes: [
      'openid',
      'fhirUser',
      'profile',
      'launch',
      'launch/patient',
      'offline_access',
      'patient/*.rs',
      'patient/Observation.rs',
      'patient/Condition.rs',
      'user/*.rs',
    ],
    claims: {
      openid: ['sub'],
      fhirUser: ['fhirUser'],
      profile: ['name', 'family_name', 'given_name'],
    },
    pkce: { required: () => true, methods: ['S256'] },
    features: {
      registration: { enabled: true, initialAccessToken: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      resourceIndicators: { enabled: true, defaultResource: () => process.env.FHIR_BASE_URL },
    },
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      RefreshToken: 8 * 60 * 60,
      Session: 12 * 60 * 60,
    },
    issueRefreshToken: async (ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    rotateRefreshToken: true,
  };
};
