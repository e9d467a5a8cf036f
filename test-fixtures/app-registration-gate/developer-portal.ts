import express from 'express';
import { addBusinessDays, addDays } from 'date-fns';
import { Apps, reviewQueue, verifySoftwareStatement } from './portal';

const router = express.Router();

router.post('/developer/apps/register', async (req, res) => {
  // ruleid: app-registration-gate
  const app = await Apps.create({ ...req.body, status: 'PENDING_APPROVAL' });
  res.status(201).json(app);
});

router.post('/oauth/register', async (req, res) => {
  await verifySoftwareStatement(req.body.software_statement);
  const app = await Apps.create({ ...req.body, status: 'ACTIVE' });
  // ruleid: app-registration-gate
  await reviewQueue.add('app-review', { appId: app.id });
  res.status(201).json(app);
});

router.post('/developer/apps/:id/production', async (req, res) => {
  const app = await Apps.findById(req.params.id);
  // ruleid: app-registration-gate
  app.productionEnabledAt = addBusinessDays(new Date(), 15);
  await app.save();
  res.json(app);
});

router.post('/oauth/register/patient-apps', async (req, res) => {
  if (!req.body.securityQuestionnaire) { // ruleid: app-registration-gate
    return res.status(400).json({ error: 'Security questionnaire required' });
  }
  res.status(201).json(await Apps.create(req.body));
});

// Vetting for authenticity within five business days: allowed.
router.post('/developer/apps/verify', async (req, res) => {
  // ok: app-registration-gate
  const app = await Apps.create({ ...req.body, status: 'PENDING_VERIFICATION' });
  // ok: app-registration-gate
  app.reviewDueBy = addBusinessDays(new Date(), 5);
  await app.save();
  res.status(201).json(app);
});

router.post('/oauth/register/terms', async (req, res) => {
  // Accepting the published terms of use is not a business term.
  if (!req.body.acceptedTerms) { // ok: app-registration-gate
    return res.status(400).json({ error: 'Accept the API terms of use' });
  }
  // ok: app-registration-gate
  const secretExpiresAt = addDays(new Date(), 365);
  res.status(201).json(await Apps.create({ ...req.body, secretExpiresAt }));
});

export default router;
