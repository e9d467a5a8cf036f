import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RoiRequest, RoiStatus } from './roi-request.entity';
import { PartnerNetworkService } from '../directory/partner-network.service';
import { FulfilmentService } from './fulfilment.service';
import { RequesterNotifier } from './requester-notifier';

/**
 * Records requests from organisations other than the patient (other providers,
 * care managers), received with the patient's signed authorization.
 */
@Injectable()
export class ThirdPartyRequestsService {
  private readonly logger = new Logger(ThirdPartyRequestsService.name);

  constructor(
    @InjectRepository(RoiRequest) private readonly requests: Repository<RoiRequest>,
    private readonly network: PartnerNetworkService,
    private readonly fulfilment: FulfilmentService,
    private readonly notifier: RequesterNotifier,
  ) {}

  async process(requestId: string): Promise<RoiStatus> {
    const request = await this.requests.findOneByOrFail({ id: requestId });

    const inNetwork = await this.network.isAffiliated(request.requestingOrgId);
    if (!inNetwork) {
      await this.requests.update(request.id, { status: RoiStatus.Denied, closedAt: new Date() });
      await this.notifier.statusChanged(request.id, RoiStatus.Denied);
      return RoiStatus.Denied;
    }

    await this.requests.update(request.id, { status: RoiStatus.InFulfilment });
    await this.fulfilment.start(request.id);
    this.logger.log(`third-party request ${request.id} in fulfilment`);
    return RoiStatus.InFulfilment;
  }
}
