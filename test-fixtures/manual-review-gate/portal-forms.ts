import { Router } from 'express';
import { prisma } from '../db';
import { requirePatient, requireAdmin } from '../auth/guards';
import { legalQueue } from '../workflows';

export const portalForms = Router();

// Intake questionnaires a patient fills in are read by the care team: data coming in, not a request for EHI.
portalForms.post('/portal/questionnaires/:id/responses', requirePatient, async (req, res) => {
  // ok: manual-review-gate
  const response = await prisma.questionnaireResponse.create({ data: { patientId: req.patient.id, answers: req.body.answers, status: 'PENDING_REVIEW' } });
  res.status(201).json(response);
});

// Insurance card photos are checked by registration staff.
portalForms.post('/portal/insurance-cards', requirePatient, async (req, res) => {
  // ok: manual-review-gate
  const card = await prisma.insuranceCard.create({ data: { patientId: req.patient.id, imageKey: req.body.imageKey, status: 'PENDING_REVIEW' } });
  res.status(201).json(card);
});

// A new exchange partner's data use agreement goes to counsel before the connection is built.
portalForms.post('/admin/hie/partners', requireAdmin, async (req, res) => {
  const partner = await prisma.exchangePartner.create({ data: { name: req.body.name } });
  // ok: manual-review-gate
  await legalQueue.add('data-use-agreement-legal-review', { partnerId: partner.id });
  // ok: manual-review-gate
  await prisma.dataUseAgreement.create({ data: { partnerId: partner.id, status: 'PENDING_LEGAL_REVIEW' } });
  res.status(201).json(partner);
});

// A patient's request for their records from the portal.
portalForms.post('/portal/records-requests', requirePatient, async (req, res) => {
  const request = await prisma.recordsRequest.create({ data: { patientId: req.patient.id, status: 'RECEIVED' } });
  // ruleid: manual-review-gate
  await legalQueue.add('records-request-legal-review', { requestId: request.id });
  res.status(202).json({ id: request.id });
});

// A generated summary of the record waits for the clinician who signs it: clinical content, not a request.
portalForms.post('/api/records/:id/ai-summary', requirePatient, async (req, res) => {
  // ok: manual-review-gate
  const summary = await prisma.summary.create({ data: { recordId: req.params.id, state: 'AWAITING_CLINICIAN_REVIEW' } });
  res.json(summary);
});

// A comment on a request is moderated; the request itself goes on.
portalForms.post('/api/records-requests/:id/comments', requirePatient, async (req, res) => {
  // ok: manual-review-gate
  await prisma.requestComment.create({ data: { requestId: req.params.id, text: req.body.text, status: 'PENDING_REVIEW' } });
  res.sendStatus(201);
});
