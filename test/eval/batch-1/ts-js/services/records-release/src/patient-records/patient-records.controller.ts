import { Controller, Get, Param, ParseUUIDPipe, Query, Req, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PatientSessionGuard } from '../auth/patient-session.guard';
import { PatientRecordsService } from './patient-records.service';
import type { PatientRequest } from '../auth/patient-request';

/**
 * Documents a patient can view and download from the portal
 * (visit summaries, imaging reports, letters, scanned outside records).
 */
@ApiTags('patient-records')
@ApiBearerAuth()
@Controller('patients/me/documents')
@UseGuards(PatientSessionGuard, ThrottlerGuard)
@Throttle({ default: { limit: 5, ttl: 3_600_000 } })
export class PatientRecordsController {
  constructor(private readonly records: PatientRecordsService) {}

  @Get()
  async list(@Req() req: PatientRequest, @Query('type') type?: string) {
    return this.records.listDocuments(req.patient.id, { type });
  }

  @Get(':documentId/content')
  async download(
    @Req() req: PatientRequest,
    @Param('documentId', new ParseUUIDPipe()) documentId: string,
  ) {
    return this.records.streamDocument(req.patient.id, documentId);
  }
}
