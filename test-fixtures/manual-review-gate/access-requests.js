'use strict';

const express = require('express');
const AccessRequest = require('./models/access-request');
const { manualReviewQueue, exportService } = require('./services');

const config = {
  patientAccessRequests: {
    // ruleid: manual-review-gate
    requireManualApproval: true,
    // ok: manual-review-gate
    notifyPatientOnReceipt: true,
  },
  contentModeration: {
    // ok: manual-review-gate
    requireManualApproval: true,
  },
};

const router = express.Router();

router.post('/patient/access-requests', async (req, res) => {
  const request = new AccessRequest({ patient: req.user.patientId, scope: req.body.scope });
  if (req.body.subjectAge < 18) {
    // A minor's record: state law decides what a parent may see.
    // ok: manual-review-gate
    request.status = 'MANUAL_REVIEW';
  } else {
    // ok: manual-review-gate
    request.status = 'APPROVED';
  }
  await request.save();
  res.status(201).json(request);
});

router.post('/patient/exports', async (req, res) => {
  const job = await exportService.create({ patient: req.user.patientId, format: 'ndjson' });
  // ruleid: manual-review-gate
  await manualReviewQueue.push({ exportId: job.id, reason: 'patient export' });
  res.status(202).json({ id: job.id });
});

router.post('/patient/exports/:id/identity-check', async (req, res) => {
  // ok: manual-review-gate
  await manualReviewQueue.push({ exportId: req.params.id, reason: 'identity mismatch' });
  res.sendStatus(202);
});

module.exports = { router, config };
