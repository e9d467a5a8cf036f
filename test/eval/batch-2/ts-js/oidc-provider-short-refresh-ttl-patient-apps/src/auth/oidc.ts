import Provider from 'oidc-provider';
import { adapter } from './adapter';

export const oidc = new Provider(process.env.ISSUER!, {
  adapter,
  scopes: ['openid', 'fhirUser', 'launch/patient', 'offline_access', 'patient/*.read'],
  features: { registration: { enabled: true } },
  ttl: {
    AccessToken: 3600,
    RefreshToken: 7 * 24 * 60 * 60,
  },
});
