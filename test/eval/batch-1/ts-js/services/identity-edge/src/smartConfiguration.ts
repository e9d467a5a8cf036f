import { Router } from 'express';

const AUTH_BASE = process.env.AUTH_BASE_URL ?? 'https://auth.lakeshorehealth.org';

/** Endpoints shared by the SMART and the OIDC discovery documents. */
const endpoints = {
  issuer: AUTH_BASE,
  jwks_uri: `${AUTH_BASE}/.well-known/jwks.json`,
  authorization_endpoint: `${AUTH_BASE}/oauth2/authorize`,
  token_endpoint: `${AUTH_BASE}/oauth2/token`,
  registration_endpoint: `${AUTH_BASE}/oauth2/register`,
};

const pkce = { code_challenge_methods_supported: ['S256'] };

export const smartConfigurationRouter = Router();

smartConfigurationRouter.get('/fhir/r4/.well-known/smart-configuration', (_req, res) => {
  res.set('Cache-Control', 'public, max-age=3600');
  res.json({
    ...endpoints,
    ...pkce,
    grant_types_supported: ['authorization_code', 'client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt', 'none'],
    scopes_supported: ['openid', 'fhirUser', 'launch/patient', 'offline_access', 'patient/*.rs'],
    response_types_supported: ['code'],
    capabilities: [
      'launch-standalone',
      'client-public',
      'client-confidential-symmetric',
      'context-standalone-patient',
      'sso-openid-connect',
      'permission-patient',
      'permission-offline',
      'permission-v2',
    ],
  });
});
