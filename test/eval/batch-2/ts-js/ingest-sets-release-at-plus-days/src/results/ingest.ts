import { addDays } from 'date-fns';
import { db } from '../db';

const PATHOLOGY_HOLD_DAYS = 5;

export async function ingestFinalReport(report: { id: string; patientId: string; kind: string; signedAt: string }) {
  await db.results.insert({
    id: report.id,
    patientId: report.patientId,
    kind: report.kind,
    releaseAt: report.kind === 'pathology' ? addDays(new Date(report.signedAt), PATHOLOGY_HOLD_DAYS) : new Date(report.signedAt),
  });
}
