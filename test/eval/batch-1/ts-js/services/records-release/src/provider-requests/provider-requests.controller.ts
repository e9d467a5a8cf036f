import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { CreateProviderRecordsRequestDto } from './dto/create-provider-request.dto';
import { ProviderRequestsService } from './provider-requests.service';

@ApiTags('provider-records-requests')
@Controller('provider-records-requests')
@UseGuards(JwtAuthGuard)
export class ProviderRequestsController {
  constructor(private readonly requests: ProviderRequestsService) {}

  /**
   * Intake for records requests from outside clinics and hospitals
   * (continuity of care, referrals, second opinions).
   */
  @Post()
  @HttpCode(202)
  async create(@Body() dto: CreateProviderRecordsRequestDto) {
    const created = await this.requests.open({
      npi: dto.requestingProvider.npi,
      organizationName: dto.requestingProvider.organizationName,
      patientMrn: dto.patientMrn,
      from: dto.serviceDateFrom,
      to: dto.serviceDateTo,
      purposeOfUse: dto.purposeOfUse,
      deliveryMethod: dto.deliveryMethod,
      destination: dto.requestingProvider.faxNumber ?? dto.requestingProvider.mailingAddress,
    });
    return { id: created.id, status: created.status, deliveryMethod: created.deliveryMethod };
  }
}
