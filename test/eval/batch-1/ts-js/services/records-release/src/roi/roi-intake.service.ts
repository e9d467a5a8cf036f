import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConfigType } from '@nestjs/config';
import workflowConfig from '../config/workflow.config';
import { RoiRequest, RoiStatus } from './roi-request.entity';
import { FulfilmentService } from './fulfilment.service';
import { ApprovalsQueue } from './approvals.queue';
import { CreateRoiRequestDto } from './dto/create-roi-request.dto';

@Injectable()
export class RoiIntakeService {
  constructor(
    @Inject(workflowConfig.KEY) private readonly workflow: ConfigType<typeof workflowConfig>,
    @InjectRepository(RoiRequest) private readonly requests: Repository<RoiRequest>,
    private readonly fulfilment: FulfilmentService,
    private readonly approvals: ApprovalsQueue,
  ) {}

  /** Records requests from patients and from parties the patient authorised. */
  async submit(dto: CreateRoiRequestDto): Promise<RoiRequest> {
    const request = await this.requests.save(
      this.requests.create({
        patientId: dto.patientId,
        requesterName: dto.requesterName,
        requesterType: dto.requesterType,
        authorizationDocumentId: dto.authorizationDocumentId,
        scope: dto.scope,
        status: RoiStatus.Received,
      }),
    );

    if (this.workflow.recordsRequests.autoFulfilRequests) {
      await this.fulfilment.start(request.id);
      return request;
    }

    request.status = RoiStatus.AwaitingApproval;
    await this.requests.save(request);
    await this.approvals.enqueue(request.id, this.workflow.recordsRequests.approvers.group);
    return request;
  }
}
