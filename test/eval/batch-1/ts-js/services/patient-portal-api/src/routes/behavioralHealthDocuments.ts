import { Router } from 'express';
import type { Bundle, DocumentReference } from 'fhir/r4';
import { requireSession } from '../middleware/session';
import { upstreamFhir } from '../fhir/upstreamClient';

export const behavioralHealthDocumentsRouter = Router();

/**
 * Local document-type code the behavioral health EHR module stamps on
 * psychotherapy session notes kept separate from the medical record.
 */
const PSYCHOTHERAPY_NOTE_TYPE = {
  system: 'urn:oid:2.16.840.1.113883.3.9921.7.12',
  code: 'PSYCHOTHERAPY-NOTE',
};

/**
 * Psychotherapy notes (45 CFR 164.501) are not part of the designated record
 * set, so they are not electronic health information (45 CFR 171.102). All
 * other behavioral health documents (intake assessments, treatment plans,
 * medication management notes) are returned.
 */
function isPsychotherapyNote(doc: DocumentReference): boolean {
  return (doc.type?.coding ?? []).some(
    (c) => c.system === PSYCHOTHERAPY_NOTE_TYPE.system && c.code === PSYCHOTHERAPY_NOTE_TYPE.code,
  );
}

behavioralHealthDocumentsRouter.get('/api/patient/behavioral-health/documents', requireSession, async (req, res, next) => {
  try {
    const bundle: Bundle = await upstreamFhir.get(
      `DocumentReference?patient=${encodeURIComponent(req.session.patientId)}&category=behavioral-health`,
    );
    const documents = (bundle.entry ?? [])
      .map((e) => e.resource as DocumentReference)
      .filter((doc) => doc && !isPsychotherapyNote(doc));

    res.json({ total: documents.length, documents });
  } catch (err) {
    next(err);
  }
});
