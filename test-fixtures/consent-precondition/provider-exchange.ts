import express from 'express';
import { Consent, documents, auditLog, part2Documents } from './store';

const router = express.Router();

router.get('/exchange/providers/patients/:id/documents', async (req, res) => {
  const consent = await Consent.findOne({ patient: req.params.id, status: 'active' });
  if (!consent) { // ruleid: consent-precondition
    return res.status(403).json({ error: 'Patient consent required' });
  }
  res.json(await documents(req.params.id));
});

router.get('/portal/me/records', async (req, res) => {
  if (!req.user.patient.signedReleaseForm) { // ruleid: consent-precondition
    return res.status(400).json({ error: 'Sign the records release form first' });
  }
  res.json(await documents(req.user.patient.id));
});

// Tied to the law that requires consent: 42 CFR Part 2 records.
router.get('/exchange/providers/patients/:id/part2-documents', async (req, res) => {
  const consent = await Consent.findOne({ patient: req.params.id, scope: 'part2' });
  if (!consent) { // ok: consent-precondition
    auditLog.record({ rule: 'consent-precondition', exception: 'required-by-law', reason: '42 CFR Part 2 requires written consent' });
    return res.status(403).json({ error: 'Written consent under 42 CFR Part 2 is not on file' });
  }
  res.json(await part2Documents(req.params.id));
});

// Managing the consent records themselves: a missing one is a 404.
router.get('/api/patients/:id/consents/:consentId', async (req, res) => {
  const consent = await Consent.findById(req.params.consentId);
  if (!consent) { // ok: consent-precondition
    return res.status(404).end();
  }
  res.json(consent);
});

// The OAuth consent screen is the patient authorising an app.
router.get('/oauth/authorize', async (req, res) => {
  if (!req.session.consentGiven) { // ok: consent-precondition
    return res.redirect('/oauth/consent');
  }
  res.redirect(req.query.redirect_uri as string);
});

export default router;
