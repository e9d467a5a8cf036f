import { Injectable } from '@nestjs/common';
import { differenceInYears } from 'date-fns';
import { RoiRequest } from './roi-request.entity';
import { FulfilmentService } from './fulfilment.service';
import { ReviewQueue } from './review.queue';
import { PatientsService } from '../patients/patients.service';

export type TriageOutcome = 'fulfil' | 'review';

/**
 * Routes a records request either straight to automatic fulfilment or, for
 * the exceptional cases listed below, to an ROI specialist.
 */
@Injectable()
export class RoiTriage {
  constructor(
    private readonly patients: PatientsService,
    private readonly fulfilment: FulfilmentService,
    private readonly review: ReviewQueue,
  ) {}

  async triage(request: RoiRequest): Promise<TriageOutcome> {
    const patient = await this.patients.get(request.patientId);
    const isMinor = differenceInYears(new Date(), new Date(patient.birthDate)) < 18;

    const needsSpecialist =
      !request.identityVerified ||
      (request.requesterType === 'third_party' && !request.authorizationDocumentId) ||
      request.includesPart2Records ||
      (isMinor && request.requesterType !== 'patient') ||
      request.subpoenaOrCourtOrder;

    if (needsSpecialist) {
      await this.review.add(request.id, {
        reasons: {
          identityUnverified: !request.identityVerified,
          missingAuthorization: request.requesterType === 'third_party' && !request.authorizationDocumentId,
          part2: request.includesPart2Records,
          minor: isMinor,
          legalProcess: request.subpoenaOrCourtOrder,
        },
      });
      return 'review';
    }

    await this.fulfilment.start(request.id);
    return 'fulfil';
  }
}
