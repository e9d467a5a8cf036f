'use strict';
// Token service shared by the portal and the mobile app.
const express = require('express');
const { issue } = require('./issuer');

const app = express();
app.use(express.urlencoded({ extended: false }));

const ALLOWED_CLIENT_IDS = ['web-portal', 'ios-app', 'android-app'];
const ALLOWED_ORIGINS = ['https://portal.example.org'];

app.post('/oauth/token', (req, res) => {
  // ruleid: app-access-restriction
  if (!ALLOWED_CLIENT_IDS.includes(req.body.client_id)) {
    return res.status(401).json({ error: 'invalid_client' });
  }
  res.json(issue(req.body));
});

app.get('/profile/avatar', (req, res) => {
  // ok: app-access-restriction
  if (!ALLOWED_ORIGINS.includes(req.get('origin'))) {
    return res.status(403).end();
  }
  res.sendFile('avatar.png');
});

module.exports = app;
