import { Router } from 'express';
import { addHours, differenceInHours } from 'date-fns';
import LRU from 'lru-cache';
import { prisma } from '../db';
import { requirePatient, requireClinician } from '../auth/guards';
import type { LabResult } from '@prisma/client';

/** Patient portal: lab results for the signed-in patient. */

// ruleid: release-delay
export const RESULT_RELEASE_DELAY_HOURS = 72;
// ok: release-delay
export const RESULT_READY_EMAIL_DELAY_MINUTES = 15;
// ok: release-delay
const LAB_FEED_RETRY_DELAY_MS = 30_000;
// ok: release-delay
const resultCache = new LRU<string, LabResult[]>({ max: 500, ttl: 5 * 60 * 1000 });

export const portalResults = Router();

portalResults.get('/portal/results', requirePatient, async (req, res) => {
  const results = await prisma.labResult.findMany({ where: { patientId: req.patient.id, status: 'final' } });
  // ruleid: release-delay
  const visible = results.filter((r) => differenceInHours(new Date(), r.finalizedAt) >= RESULT_RELEASE_DELAY_HOURS);
  resultCache.set(req.patient.id, visible);
  res.json(visible);
});

portalResults.get('/portal/results/:id', requirePatient, async (req, res) => {
  const result = await prisma.labResult.findUnique({ where: { id: req.params.id } });
  if (!result || result.patientId !== req.patient.id) return res.sendStatus(404);
  // A clinician's documented determination for this one result, not a rule for every result.
  // ok: release-delay
  if (result.harmHoldId) {
    // ruleid: undocumented-denial
    return res.status(403).json({ error: 'Your care team will contact you about this result.', determination: result.harmHoldId });
  }
  res.json(result);
});

portalResults.get('/portal/notes', requirePatient, async (req, res) => {
  const notes = await prisma.clinicalNote.findMany({ where: { patientId: req.patient.id } });
  const out = [];
  for (const note of notes) {
    // ruleid: release-delay
    if (Date.now() - note.signedAt.getTime() < 3 * 24 * 60 * 60 * 1000) {
      continue;
    }
    out.push(note);
  }
  res.json(out);
});

portalResults.get('/portal/appointments', requirePatient, async (req, res) => {
  const appointments = await prisma.appointment.findMany({ where: { patientId: req.patient.id } });
  // Approved appointment requests: scheduling, not the release of results.
  // ok: release-delay
  res.json(appointments.filter((a) => a.status === 'approved'));
});

// The ordering clinician's inbox lists what still needs review: an internal work queue.
portalResults.get('/clinician/inbox/results', requireClinician, async (req, res) => {
  const results = await prisma.labResult.findMany({ where: { orderingProviderId: req.user.id } });
  // ok: release-delay
  res.json(results.filter((r) => !r.reviewedByProvider && differenceInHours(new Date(), r.finalizedAt) < 72));
});

export function onResultFinalized(result: LabResult): LabResult {
  // ruleid: release-delay
  result.releaseAt = addHours(result.finalizedAt, 72);
  // ok: release-delay
  result.escalateAt = addHours(result.finalizedAt, 24);
  return result;
}

export function signInLinkExpiry(): Date {
  // ok: release-delay
  const visibleUntil = addHours(new Date(), 1);
  return visibleUntil;
}
