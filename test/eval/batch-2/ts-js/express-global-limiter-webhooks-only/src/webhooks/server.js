const express = require('express');
const rateLimit = require('express-rate-limit');
const { handleStripeEvent } = require('./stripe');
const { handleTwilioStatus } = require('./twilio');

const app = express();
app.use(rateLimit({ windowMs: 60 * 1000, max: 300 }));
app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), handleStripeEvent);
app.post('/webhooks/twilio/status', express.urlencoded({ extended: false }), handleTwilioStatus);
app.get('/status', (_req, res) => res.send('ok'));
app.listen(process.env.PORT || 4000);
