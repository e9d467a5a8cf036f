import { Controller, Get, Req } from '@nestjs/common';
import { ClinicalNotesRepo } from '../notes/repo';

@Controller('portal/notes')
export class PortalNotesController {
  constructor(private readonly notes: ClinicalNotesRepo) {}

  @Get()
  async list(@Req() req: { user: { patientId: string } }) {
    const notes = await this.notes.signedForPatient(req.user.patientId);
    // don't show anything the provider hasn't gone over with the patient yet
    return notes.filter((n) => n.reviewedWithPatientAt != null || n.providerReleased === true);
  }
}
