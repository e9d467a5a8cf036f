import { Router } from 'express';
import { requireSession } from '../middleware/session';
import { proxyGrants } from '../services/proxyGrants';
import { chartSummary } from '../services/chartSummary';
import { t } from '../i18n';

export const proxyAccessRouter = Router();

/**
 * Family access: a caregiver views the chart summary of a patient who granted
 * them proxy access.
 */
proxyAccessRouter.get('/api/proxy/patients/:patientId/summary', requireSession, async (req, res, next) => {
  try {
    const locale = req.session.locale ?? 'en';
    const grant = await proxyGrants.find(req.session.userId, req.params.patientId);

    if (!grant || grant.revokedAt) {
      return res.status(403).json({ message: t(locale, 'proxy.accessDenied') });
    }
    if (grant.expiresAt && grant.expiresAt < new Date()) {
      return res.status(403).json({ message: t(locale, 'proxy.accessRevoked') });
    }

    const summary = await chartSummary.build(req.params.patientId, { scope: grant.scope });
    res.json(summary);
  } catch (err) {
    next(err);
  }
});
