import { Queue } from 'bullmq';

const noteRelease = new Queue('patient-note-release', { connection: { host: 'redis' } });

export async function onNoteSigned(note: { id: string; patientId: string }) {
  await noteRelease.add('release-to-portal', { noteId: note.id, patientId: note.patientId }, { delay: 4 * 24 * 60 * 60 * 1000 });
}
