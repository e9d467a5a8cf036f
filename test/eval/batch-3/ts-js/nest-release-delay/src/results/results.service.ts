import { Injectable } from '@nestjs/common';
import { LAB_RESULT_PORTAL_DELAY_HOURS } from './release.constants';
import { ResultsRepo } from './results.repo';

@Injectable()
export class PortalResultsService {
  constructor(private readonly repo: ResultsRepo) {}

  async forPatient(patientId: string) {
    const all = await this.repo.finalResults(patientId);
    const cutoff = Date.now() - LAB_RESULT_PORTAL_DELAY_HOURS * 3600 * 1000;
    return all.filter((r) => r.finalizedAt.getTime() <= cutoff);
  }
}
