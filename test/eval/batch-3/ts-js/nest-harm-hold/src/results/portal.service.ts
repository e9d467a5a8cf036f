import { Injectable } from '@nestjs/common';

@Injectable()
export class PortalService {
  constructor(private readonly repo: any) {}
  async visibleResults(patientId: string) {
    const results = await this.repo.finalResults(patientId);
    // individual hold placed by the ordering clinician (harm determination on file)
    return results.filter((r: any) => !r.harmHold);
  }
}
