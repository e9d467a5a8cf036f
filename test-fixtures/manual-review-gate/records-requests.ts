import { Router } from 'express';
import { addBusinessDays } from 'date-fns';
import { prisma } from '../db';
import { requirePatient } from '../auth/guards';
import { legalReviewQueue, fulfilment } from '../workflows';

export const recordsRequests = Router();

recordsRequests.post('/records-requests', requirePatient, async (req, res) => {
  const request = await prisma.recordsRequest.create({
    data: {
      patientId: req.patient.id,
      recipient: req.body.recipient,
      format: req.body.format ?? 'fhir-bundle',
      // ruleid: manual-review-gate
      status: 'PENDING_REVIEW',
    },
  });
  res.status(202).json({ id: request.id });
});

recordsRequests.post('/records-requests/third-party', requirePatient, async (req, res) => {
  const request = await prisma.recordsRequest.create({ data: { patientId: req.patient.id, recipient: req.body.recipient, status: 'RECEIVED' } });
  if (!req.body.signedAuthorizationId) {
    // A third party needs the patient's signed authorization first: a precondition, not routine.
    // ok: manual-review-gate
    await legalReviewQueue.add({ requestId: request.id });
  } else {
    // ok: manual-review-gate
    await fulfilment.start(request.id);
  }
  res.status(202).json({ id: request.id });
});

recordsRequests.post('/records-requests/:id/escalate', requirePatient, async (req, res) => {
  const request = await prisma.recordsRequest.findUniqueOrThrow({ where: { id: req.params.id } });
  // ruleid: manual-review-gate
  await routeToLegal(request);
  res.sendStatus(204);
});

recordsRequests.get('/records-requests/pending', requirePatient, async (req, res) => {
  // ok: manual-review-gate
  const pending = await prisma.recordsRequest.findMany({ where: { patientId: req.patient.id, status: 'PENDING_REVIEW' } });
  res.json(pending);
});

// Patient-facing app registration (45 CFR 170.404): vetted for authenticity within five business days.
recordsRequests.post('/developer/apps/register', async (req, res) => {
  const app = await prisma.appRegistration.create({
    data: {
      name: req.body.client_name,
      redirectUris: req.body.redirect_uris,
      // ok: manual-review-gate
      status: 'PENDING_REVIEW',
      // ok: manual-review-gate
      reviewDueBy: addBusinessDays(new Date(), 5),
    },
  });
  res.status(201).json({ client_id: app.clientId, status: app.status });
});

recordsRequests.post('/billing/refunds', async (req, res) => {
  // ok: manual-review-gate
  const refund = await prisma.refund.create({ data: { amount: req.body.amount, status: 'PENDING_REVIEW' } });
  res.json(refund);
});

async function routeToLegal(request: { id: string }): Promise<void> {
  await legalReviewQueue.add({ requestId: request.id });
}
