import { Router } from 'express';
import { APPROVED_PATIENT_APPS } from './approved-apps';
import { renderConsent } from './consent';

export const authorizeRouter = Router();

authorizeRouter.get('/oauth2/authorize', async (req, res) => {
  const clientId = String(req.query.client_id);
  if (!APPROVED_PATIENT_APPS.includes(clientId)) {
    return res.status(403).json({ error: 'unauthorized_client', error_description: 'App not approved' });
  }
  return renderConsent(req, res);
});
