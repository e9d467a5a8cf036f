import { Router, type Request, type Response } from 'express';
import { clientStore } from './clients/clientStore';
import { loginTransactions } from './login/transactions';

export const authorizeRouter = Router();

const FHIR_AUDIENCE = process.env.FHIR_BASE_URL ?? 'https://fhir.lakeshorehealth.org/r4';

function errorRedirect(res: Response, redirectUri: string, error: string, state?: string) {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error);
  if (state) url.searchParams.set('state', state);
  return res.redirect(302, url.toString());
}

/**
 * SMART App Launch authorization endpoint. Any registered client may start a
 * launch; we check only that the client exists, that the redirect URI is one
 * it registered, and that the audience is our FHIR server.
 */
authorizeRouter.get('/oauth2/authorize', async (req: Request, res: Response) => {
  const clientId = String(req.query.client_id ?? '');
  const redirectUri = String(req.query.redirect_uri ?? '');
  const state = req.query.state ? String(req.query.state) : undefined;

  const client = await clientStore.find(clientId);
  if (!client) {
    return res.status(400).json({ error: 'invalid_client', error_description: 'Unknown client_id' });
  }
  if (!client.redirectUris.includes(redirectUri)) {
    return res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri is not registered' });
  }
  if (req.query.aud !== FHIR_AUDIENCE) {
    return errorRedirect(res, redirectUri, 'invalid_request', state);
  }
  if (req.query.code_challenge_method !== 'S256' || !req.query.code_challenge) {
    return errorRedirect(res, redirectUri, 'invalid_request', state);
  }

  const txn = await loginTransactions.start({
    clientId,
    redirectUri,
    state,
    scopes: String(req.query.scope ?? '').split(' ').filter(Boolean),
    codeChallenge: String(req.query.code_challenge),
  });
  return res.redirect(302, `/login?txn=${encodeURIComponent(txn.id)}`);
});
