import { Router } from 'express';
import { differenceInDays, differenceInHours } from 'date-fns';
import { db } from '../db';

export const portalHistory = Router();

portalHistory.get('/portal/results/summary', async (req, res) => {
  const results = await db.labResults.forPatient(req.patient.id);
  // ok: release-delay
  const stale = results.filter((r) => differenceInHours(new Date(), r.finalizedAt) >= 72);
  res.json({ results, staleCount: stale.length });
});

portalHistory.get('/portal/results/archive', async (req, res) => {
  const results = await db.labResults.forPatient(req.patient.id);
  // ok: release-delay
  res.json(results.filter((r) => differenceInDays(new Date(), r.issued) > 30));
});

portalHistory.get('/portal/results/last-year', async (req, res) => {
  const results = await db.labResults.forPatient(req.patient.id);
  // ok: release-delay
  res.json(results.filter((r) => differenceInDays(new Date(), r.finalizedAt) >= 365));
});

portalHistory.get('/portal/results/visible', async (req, res) => {
  const results = await db.labResults.forPatient(req.patient.id);
  // ruleid: release-delay
  res.json(results.filter((r) => differenceInDays(new Date(), r.finalizedAt) >= 7));
});

portalHistory.get('/portal/documents', async (req, res) => {
  const docs = await db.documents.forPatient(req.patient.id);
  // Uploaded documents checked by registration staff (a scan of an ID card, not a clinical result).
  // ok: release-delay
  res.json(docs.filter((d) => d.approved));
});

portalHistory.get('/portal/reports', async (req, res) => {
  const reports = await db.imagingReports.forPatient(req.patient.id);
  // ruleid: release-delay
  res.json(reports.filter((d) => d.radiologistApproved));
});
