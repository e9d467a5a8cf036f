import { Injectable } from '@nestjs/common';
import { DocumentReference } from 'fhir/r4';
import { NOT_RELEASED_NOTE_TYPES } from './note-types';
import { NotesRepository } from './notes.repository';

@Injectable()
export class PatientNotesService {
  constructor(private readonly repo: NotesRepository) {}

  async notesForPatient(patientId: string): Promise<DocumentReference[]> {
    const docs = await this.repo.findByPatient(patientId);
    return docs.filter((d) => {
      const code = d.type?.coding?.[0]?.code;
      return !code || !NOT_RELEASED_NOTE_TYPES.includes(code);
    });
  }
}
