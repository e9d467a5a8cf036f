import { Controller, ForbiddenException, Get, Param, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PartnerTokenGuard } from '../auth/partner-token.guard';
import { OutsideRecordsService } from './outside-records.service';
import type { PartnerRequest } from '../auth/partner-request';

/**
 * Records lookup for outside organisations connected through the partner API
 * (hospitals, clinics, payers, care-management vendors).
 */
@ApiTags('partner-records')
@Controller('partner/v1/patients/:patientId/records')
@UseGuards(PartnerTokenGuard)
export class OutsideRecordsController {
  constructor(private readonly records: OutsideRecordsService) {}

  @Get()
  async list(
    @Req() req: PartnerRequest,
    @Param('patientId') patientId: string,
    @Query('category') category?: string,
  ) {
    if (req.partner.requesterType === 'payer') {
      throw new ForbiddenException();
    }
    return this.records.listForPartner(req.partner.organizationId, patientId, { category });
  }
}
