'use strict';

const express = require('express');
const crypto = require('node:crypto');
const appsRepo = require('../repos/appsRepo');
const mailer = require('../notify/mailer');
const logger = require('../logger');

const router = express.Router();

const COMMITTEE_MAILBOX = 'app-governance-committee@harborclinics.org';

/**
 * Developer portal: a developer registers a patient-facing app to use our
 * SMART on FHIR API (standalone launch, patient/*.read scopes).
 */
router.post('/developer/apps', express.json(), async (req, res, next) => {
  try {
    const { name, redirectUris, homepage, privacyPolicyUrl, scopes, contactEmail } = req.body;
    if (!name || !Array.isArray(redirectUris) || redirectUris.length === 0) {
      return res.status(400).json({ error: 'invalid_client_metadata' });
    }

    const app = await appsRepo.insert({
      clientId: crypto.randomUUID(),
      name,
      redirectUris,
      homepage,
      privacyPolicyUrl,
      scopes: scopes || ['launch/patient', 'patient/*.read', 'openid', 'fhirUser', 'offline_access'],
      contactEmail,
      status: 'PENDING_COMMITTEE_REVIEW',
      submittedAt: new Date(),
    });

    await mailer.send({
      to: COMMITTEE_MAILBOX,
      subject: `New patient app for review: ${name}`,
      text: `Please review ${name} (${homepage}) at the next governance committee meeting.`,
    });

    logger.info({ clientId: app.clientId }, 'app registration submitted for committee review');
    return res.status(202).json({ client_id: app.clientId, status: app.status });
  } catch (err) {
    return next(err);
  }
});

module.exports = router;
