'use strict';

const express = require('express');
const { APPROVED_PATIENT_APPS } = require('../config/approvedApps');
const clientsRepo = require('../repos/clientsRepo');
const { startLoginTransaction } = require('../login/transactions');

const router = express.Router();

function redirectError(res, redirectUri, error, state) {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error);
  if (state) url.searchParams.set('state', state);
  return res.redirect(302, url.toString());
}

/** SMART App Launch authorization endpoint (standalone patient launch). */
router.get('/oauth2/authorize', async (req, res, next) => {
  try {
    const { client_id: clientId, redirect_uri: redirectUri, state, scope, aud } = req.query;

    const client = await clientsRepo.findById(clientId);
    if (!client || !client.redirectUris.includes(redirectUri)) {
      return res.status(400).json({ error: 'invalid_client' });
    }

    if (!APPROVED_PATIENT_APPS.includes(clientId)) {
      return redirectError(res, redirectUri, 'unauthorized_client', state);
    }

    if (aud !== process.env.FHIR_BASE_URL) {
      return redirectError(res, redirectUri, 'invalid_request', state);
    }

    const txn = await startLoginTransaction({
      clientId,
      redirectUri,
      state,
      scope: String(scope || '').split(' '),
      codeChallenge: req.query.code_challenge,
      codeChallengeMethod: req.query.code_challenge_method,
    });
    return res.redirect(302, `/login?txn=${encodeURIComponent(txn.id)}`);
  } catch (err) {
    return next(err);
  }
});

module.exports = router;
