import Provider, { type Configuration } from 'oidc-provider';
import { accounts } from '../accounts/accounts';
import { jwks } from './keys';
import { RedisAdapter } from './redisAdapter';

const DAY = 24 * 60 * 60;

/**
 * Authorization server for SMART on FHIR patient apps (standalone launch,
 * patient/*.rs scopes, offline_access). Apps register themselves through
 * dynamic client registration (RFC 7591).
 */
const configuration: Configuration = {
  adapter: RedisAdapter,
  findAccount: accounts.findAccount,
  jwks,
  scopes: ['openid', 'fhirUser', 'launch/patient', 'offline_access', 'patient/*.rs', 'patient/*.read'],
  claims: { fhirUser: ['fhirUser'], openid: ['sub'] },
  pkce: { required: () => true },
  features: {
    registration: { enabled: true, initialAccessToken: false },
    registrationManagement: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: { enabled: true, defaultResource: () => process.env.FHIR_BASE_URL! },
  },
  ttl: {
    AccessToken: 60 * 60,
    AuthorizationCode: 60,
    IdToken: 60 * 60,
    RefreshToken: 120 * DAY,
    Session: 14 * DAY,
  },
  issueRefreshToken: async (_ctx, client, code) =>
    client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
};

export function createProvider(issuer: string): Provider {
  const provider = new Provider(issuer, configuration);
  provider.proxy = true;
  return provider;
}
