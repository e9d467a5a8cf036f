import { Body, Controller, ForbiddenException, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { IsArray, IsString } from 'class-validator';
import { PartnerTokenGuard } from '../auth/partner-token.guard';
import { CareManagerRequestsService } from './care-manager-requests.service';
import type { PartnerRequest } from '../auth/partner-request';

class CareSummaryRequestDto {
  @IsString()
  patientIdentifier!: string;

  @IsArray()
  @IsString({ each: true })
  sections!: string[];

  @IsString()
  authorizationDocumentId!: string;
}

/**
 * Care-summary requests from care-management organisations the patient has
 * enrolled with (authorization attached to each request).
 */
@Controller('partner/v1/care-summaries')
@UseGuards(PartnerTokenGuard)
export class CareManagerRequestsController {
  constructor(private readonly service: CareManagerRequestsService) {}

  @Post()
  @HttpCode(202)
  async request(@Req() req: PartnerRequest, @Body() dto: CareSummaryRequestDto) {
    if (req.partner.requesterType === 'care_management_vendor') {
      throw new ForbiddenException(
        'Records cannot be shared with outside organizations for privacy reasons.',
      );
    }
    const created = await this.service.open(req.partner.organizationId, dto);
    return { id: created.id, status: created.status };
  }
}
