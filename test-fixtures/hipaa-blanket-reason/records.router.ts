import { Router } from 'express';
import { ApiResponse } from '@nestjs/swagger';
import { logger } from '../logging';
import { charts } from '../charts';

export const recordsRouter = Router();

// ruleid: hipaa-blanket-reason
const HIPAA_DENIAL = 'Access denied due to HIPAA';

// ok: hipaa-blanket-reason
const PRIVACY_NOTICE = 'See our HIPAA Notice of Privacy Practices for how we use your information.';

recordsRouter.get('/api/patients/:id/chart', async (req, res) => {
  const chart = await charts.load(req.params.id);
  if (chart.restricted) {
    // ok: hipaa-blanket-reason
    logger.warn(`HIPAA: restricted chart ${req.params.id} requested by ${req.ip}`);
    return res.status(403).json({ error: HIPAA_DENIAL, notice: PRIVACY_NOTICE });
  }
  if (chart.containsBehavioralHealth) {
    return res.status(403).json({
      resourceType: 'OperationOutcome',
      // ruleid: hipaa-blanket-reason
      issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'We cannot release this information for privacy reasons.' }],
    });
  }
  if (chart.requestedByThirdParty) {
    // ruleid: hipaa-blanket-reason
    return res.status(403).json({ error: `Records for patient ${req.params.id} cannot be shared because of HIPAA.` });
  }
  if (chart.sensitivity === 'very-restricted') {
    // The body of a 403 is a refusal whatever its wording.
    // ruleid: hipaa-blanket-reason
    return res.status(403).send('HIPAA violation');
  }
  if (chart.patientRestrictionOnFile) {
    // ok: hipaa-blanket-reason
    return res.status(403).json({ error: 'Withheld at the patient’s request under 45 CFR 171.202(e).' });
  }
  res.json(chart);
});

export class RecordsDocs {
  // ok: hipaa-blanket-reason
  @ApiResponse({ status: 403, description: 'Access denied due to HIPAA when the chart is restricted' })
  read() {}
}

export function describeOutage(): string {
  // Not a refusal and not the body of one: a notice that mentions HIPAA.
  // ok: hipaa-blanket-reason
  return 'HIPAA violation reports can be filed with the Privacy Office.';
}

export function isHipaaDenial(err: Error): boolean {
  // ok: hipaa-blanket-reason
  return err.message === 'Access denied due to HIPAA';
}
