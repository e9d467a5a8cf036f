import { Router, Request, Response } from 'express';
import { clientStore } from './client-store';
import { issueCode } from './codes';

export const oauthRouter = Router();

// Only our own portal and mobile apps may use the patient API.
const APPROVED_APPS = ['acme-mychart-web', 'acme-mychart-ios', 'acme-mychart-android'];
const ADMIN_CLIENT_IDS = ['acme-ops-console'];

oauthRouter.get('/oauth2/authorize', async (req: Request, res: Response) => {
  const clientId = String(req.query.client_id ?? '');
  const scope = String(req.query.scope ?? '');
  // ruleid: app-access-restriction
  if (!APPROVED_APPS.includes(clientId)) {
    return res.status(403).json({ error: 'unauthorized_client', error_description: 'This app is not approved' });
  }
  // ok: app-access-restriction
  if (scope.split(' ').some((s) => s.startsWith('system/')) && !ADMIN_CLIENT_IDS.includes(clientId)) {
    return res.status(403).json({ error: 'invalid_scope' });
  }
  const client = await clientStore.find(clientId);
  // ok: app-access-restriction
  if (!client || !client.redirectUris.includes(String(req.query.redirect_uri))) {
    return res.status(400).json({ error: 'invalid_client' });
  }
  res.redirect(await issueCode(client, scope, req));
});

// node-oidc-provider configuration for the SMART on FHIR authorization server.
export const providerConfiguration = {
  scopes: ['openid', 'fhirUser', 'launch/patient', 'patient/*.rs', 'offline_access'],
  features: {
    // ruleid: app-access-restriction
    registration: { enabled: false },
    introspection: { enabled: true },
  },
  ttl: {
    // ok: app-access-restriction
    AccessToken: 3600,
    // ruleid: app-access-restriction
    RefreshToken: 7 * 24 * 60 * 60,
  },
};

oauthRouter.get('/.well-known/smart-configuration', (req: Request, res: Response) => {
  res.json({
    issuer: 'https://auth.acme-health.example',
    authorization_endpoint: 'https://auth.acme-health.example/oauth2/authorize',
    token_endpoint: 'https://auth.acme-health.example/oauth2/token',
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    // ruleid: app-access-restriction
    capabilities: ['launch-ehr', 'client-confidential-symmetric', 'context-ehr-patient', 'permission-user', 'permission-offline', 'sso-openid-connect'],
  });
});
