import { Router } from 'express';
import { prisma } from '../db';
import { requireClinician, requireAdmin, requirePatient } from '../auth/guards';
import { auditLog, complianceAudit, reviewQueue, moderationQueue } from '../workflows';

export const clinical = Router();

// Pharmacist verification of a medication order before it is dispensed: clinical work, not an EHI request.
clinical.post('/fhir/MedicationRequest', requireClinician, async (req, res) => {
  // ok: manual-review-gate
  const order = await prisma.medicationOrder.create({ data: { ...req.body, status: 'PENDING_REVIEW' } });
  // ok: manual-review-gate
  await reviewQueue.add('pharmacist-verification', { orderId: order.id });
  res.status(201).json(order);
});

// Attending sign-off on a resident's order.
clinical.post('/orders/:id/submit', requireClinician, async (req, res) => {
  // ok: manual-review-gate
  await prisma.labOrder.update({ where: { id: req.params.id }, data: { state: 'AWAITING_APPROVAL' } });
  res.sendStatus(204);
});

// New staff accounts wait for an administrator.
clinical.post('/admin/staff-accounts', requireAdmin, async (req, res) => {
  // ok: manual-review-gate
  const account = await prisma.staffAccount.create({ data: { email: req.body.email, role: req.body.role, status: 'PENDING_APPROVAL' } });
  res.status(201).json(account);
});

// Posts on the patient community board are moderated: not EHI.
clinical.post('/portal/community/posts', requirePatient, async (req, res) => {
  // ok: manual-review-gate
  const post = await prisma.communityPost.create({ data: { body: req.body.text, authorId: req.patient.id, status: 'PENDING_REVIEW' } });
  // ok: manual-review-gate
  await moderationQueue.add({ postId: post.id });
  res.status(202).json(post);
});

// Patient records requests are fulfilled at once; the audit trail records each one.
clinical.post('/records-requests', requirePatient, async (req, res) => {
  const request = await prisma.recordsRequest.create({ data: { patientId: req.patient.id, status: 'FULFILLING' } });
  // ok: manual-review-gate
  await auditLog.send('records-request-received', { requestId: request.id, reviewer: 'compliance' });
  // ok: manual-review-gate
  await complianceAudit.submit({ requestId: request.id, event: 'records-request' });
  res.status(202).json({ id: request.id });
});

// The patient's request for an amendment of their record is reviewed (HIPAA 164.526).
clinical.post('/records/amendment-requests', requirePatient, async (req, res) => {
  // ok: manual-review-gate
  const amendment = await prisma.amendmentRequest.create({ data: { patientId: req.patient.id, text: req.body.text, status: 'PENDING_REVIEW' } });
  res.status(202).json(amendment);
});
