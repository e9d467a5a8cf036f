import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ExchangeRequest, ExchangeRequestStatus } from './exchange-request.entity';
import { LegalOfficeClient } from '../legal/legal-office.client';
import { ProviderDirectoryService } from '../directory/provider-directory.service';

export interface IncomingExchangeRequest {
  requestingOrgOid: string;
  requestingNpi: string;
  patientIdentifier: string;
  purposeOfUse: 'TREATMENT' | 'PAYMENT' | 'OPERATIONS';
  documentTypes: string[];
}

/**
 * Provider-to-provider record requests received from other health systems
 * over the HIE query interface.
 */
@Injectable()
export class ExchangeRequestsService {
  private readonly logger = new Logger(ExchangeRequestsService.name);

  constructor(
    @InjectRepository(ExchangeRequest) private readonly requests: Repository<ExchangeRequest>,
    private readonly legalOffice: LegalOfficeClient,
    private readonly directory: ProviderDirectoryService,
  ) {}

  async receive(incoming: IncomingExchangeRequest): Promise<ExchangeRequest> {
    const org = await this.directory.findOrganization(incoming.requestingOrgOid);

    const request = await this.requests.save(
      this.requests.create({
        requestingOrgOid: incoming.requestingOrgOid,
        requestingOrgName: org?.name ?? 'unknown',
        requestingNpi: incoming.requestingNpi,
        patientIdentifier: incoming.patientIdentifier,
        purposeOfUse: incoming.purposeOfUse,
        documentTypes: incoming.documentTypes,
        status: ExchangeRequestStatus.Received,
        receivedAt: new Date(),
      }),
    );

    // Every outside request is looked at by the legal office before anything is released.
    await this.legalOffice.referForReview(request);

    this.logger.log(`exchange request ${request.id} from ${request.requestingOrgName} sent to legal`);
    return request;
  }
}
