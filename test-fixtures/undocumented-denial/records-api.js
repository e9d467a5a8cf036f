'use strict';

const express = require('express');
const { RecordsRequest } = require('./models');
const { charts, auditTrail, store } = require('./services');
const { buildHttpOutcome, sendOutcome } = require('./fhir-common');
const { addBusinessDays } = require('./dates');

const app = express();
app.use(express.json());

// Abuse protection: requests from listed addresses are refused before they reach the FHIR routes.
function ipBlocklist(addresses) {
  const blocked = new Set(addresses.split(',').map((a) => a.trim()));
  return (req, res, next) => {
    const ip = (req.headers['x-forwarded-for'] || req.socket.remoteAddress || '').split(',').pop().trim();
    if (blocked.has(ip)) {
      // ok: undocumented-denial
      return res.status(403).end('Forbidden');
    }
    next();
  };
}
app.use('/fhir', ipBlocklist(process.env.BLOCKED_IPS || ''));

app.get('/api/patients/:id/records', async (req, res) => {
  const chart = await charts.load(req.params.id);
  if (!chart) {
    // A missing chart answered with 403 is a not-found, not a decision to withhold.
    // ok: undocumented-denial
    return res.sendStatus(403);
  }
  if (chart.isVip) {
    // ruleid: undocumented-denial
    return res.sendStatus(403);
  }
  res.json(chart.records);
});

app.get('/portal/records/summary', async (req, res) => {
  const patient = await charts.patient(req.query.patient);
  // A per-patient switch that turns portal access off, with nothing recording why.
  if (!patient.portalEnabled) {
    // ruleid: undocumented-denial
    return res.status(403).json({ error: 'Portal access is not enabled for this patient' });
  }
  res.json(await charts.summary(patient.id));
});

app.get('/fhir/Observation', (req, res) => {
  if (req.query.category === 'social-history') {
    // ruleid: undocumented-denial
    return sendOutcome(res, buildHttpOutcome(403, 'error', 'forbidden', 'Not available through the API'));
  }
  store.search('Observation', req.query).then((bundle) => res.json(bundle));
});

// Refusing to delete a sealed record is not refusing access to it.
app.delete('/api/patients/:id/records/:recordId', async (req, res) => {
  const record = await charts.record(req.params.id, req.params.recordId);
  if (record.sealed) {
    // ok: undocumented-denial
    return res.status(403).json({ error: 'Sealed records cannot be deleted' });
  }
  await charts.deleteRecord(record);
  res.status(204).end();
});

// The imaging tab of the portal has never been switched on.
// ruleid: undocumented-denial
app.get('/portal/records/imaging', (req, res) => res.status(403).send('Imaging is not available in the portal'));

app.get('/api/patients/:id/notes', async (req, res) => {
  if (req.get('x-csrf-token') !== req.session.csrfToken) {
    // ok: undocumented-denial
    return res.status(403).json({ error: 'bad csrf token' });
  }
  const notes = await charts.notes(req.params.id);
  if (notes.some((n) => n.restricted)) {
    auditTrail.write('ehi-exception', { exception: 'privacy', subException: 'individual-request', patient: req.params.id });
    // ok: undocumented-denial
    return res.status(403).json({ error: 'Some notes are withheld at your request' });
  }
  res.json(notes);
});

app.post('/api/records-requests/:id/decision', async (req, res) => {
  const request = await RecordsRequest.findById(req.params.id);
  if (req.body.decision === 'reject') {
    // ruleid: undocumented-denial
    await RecordsRequest.updateOne({ _id: request.id }, { status: 'rejected', reviewer: req.user.id });
    return res.status(204).end();
  }
  if (req.body.decision === 'cannot-segment') {
    // ok: undocumented-denial
    request.status = 'denied';
    request.exception = 'infeasibility: segmentation';
    request.writtenResponseDue = addBusinessDays(new Date(), 10);
    await request.save();
    return res.status(204).end();
  }
  request.status = 'approved';
  await request.save();
  res.status(204).end();
});

// Error middleware maps errors raised elsewhere.
app.use((err, req, res, next) => {
  if (err.code === 'EACCESS_POLICY') {
    // ok: undocumented-denial
    return res.status(403).json({ error: err.message });
  }
  next(err);
});

module.exports = app;
