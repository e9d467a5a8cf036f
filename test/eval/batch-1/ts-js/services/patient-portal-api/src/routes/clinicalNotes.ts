import { Router } from 'express';
import type { Bundle, DocumentReference } from 'fhir/r4';
import { portalConfig } from '../config/portalConfig';
import { requireSession } from '../middleware/session';
import { upstreamFhir } from '../fhir/upstreamClient';

export const clinicalNotesRouter = Router();

const LOINC = 'http://loinc.org';

function loincType(doc: DocumentReference): string | undefined {
  return doc.type?.coding?.find((c) => c.system === LOINC)?.code;
}

/** Notes tab of the patient portal. */
clinicalNotesRouter.get('/api/patient/notes', requireSession, async (req, res, next) => {
  try {
    const hidden = new Set<string>(portalConfig.portal.notes.hiddenNoteTypes);
    const page = Number(req.query.page ?? 1);
    const size = portalConfig.portal.notes.pageSize;

    const bundle: Bundle = await upstreamFhir.get(
      `DocumentReference?patient=${encodeURIComponent(req.session.patientId)}&category=clinical-note&_sort=-date`,
    );

    const notes = (bundle.entry ?? [])
      .map((e) => e.resource as DocumentReference)
      .filter((doc) => doc?.resourceType === 'DocumentReference')
      .filter((doc) => !hidden.has(loincType(doc) ?? ''));

    res.json({
      page,
      total: notes.length,
      items: notes.slice((page - 1) * size, page * size).map((doc) => ({
        id: doc.id,
        title: doc.type?.text ?? doc.description,
        date: doc.date,
        author: doc.author?.[0]?.display,
        attachmentUrl: doc.content?.[0]?.attachment?.url,
      })),
    });
  } catch (err) {
    next(err);
  }
});
