import { Router } from 'express';

const base = process.env.PUBLIC_BASE_URL ?? 'https://fhir.riverbend.example';
export const wellKnown = Router();

wellKnown.get('/fhir/r4/.well-known/smart-configuration', (_req, res) => {
  res.json({
    issuer: base,
    authorization_endpoint: `${base}/oauth2/authorize`,
    token_endpoint: `${base}/oauth2/token`,
    capabilities: ['launch-standalone', 'client-public', 'context-standalone-patient', 'permission-patient', 'permission-offline', 'sso-openid-connect'],
    code_challenge_methods_supported: ['plain'],
  });
});
