import { Router } from 'express';
import { verifyAccessToken } from '../middleware/smartToken';
import { performanceIncidents } from '../services/performanceIncidents';
import { upstreamFhir } from '../fhir/upstreamClient';
import { complianceAudit } from '../audit/complianceAudit';

export const appBackPressureRouter = Router();

/**
 * Encounter search for apps. When the SRE on call opens a performance incident
 * against one client (an app whose polling is degrading the EHR), that client
 * alone is asked to back off until the incident is closed.
 */
appBackPressureRouter.get('/fhir/r4/Encounter', verifyAccessToken, async (req, res, next) => {
  try {
    const clientId = req.auth.clientId;
    const incident = await performanceIncidents.activeFor(clientId);

    // ehi-exception: health-it-performance
    //   reason: Back-pressure on one app while an open incident shows its traffic degrading EHR response times
    //   kind: third-party-app-impact
    //   max-duration: P3D
    //   ticket: SRE-INC-2026-311
    //   owner: fhir-platform-team
    //   review-by: 2027-09-30
    if (incident) {
      complianceAudit.log({
        event: 'ehi-exception',
        rule: 'unjustified-throttle',
        exception: 'health-it-performance',
        reason: `performance incident ${incident.id} against client ${clientId}`,
      });
      res.set('Retry-After', '60');
      return res.status(429).json({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'throttled', diagnostics: `Temporarily limited under incident ${incident.id}` }],
      });
    }

    const bundle = await upstreamFhir.search('Encounter', { ...req.query, patient: req.auth.patient });
    res.type('application/fhir+json').send(bundle);
  } catch (err) {
    next(err);
  }
});
