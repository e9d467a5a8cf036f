import { Controller, ForbiddenException, Get, Param } from '@nestjs/common';
import { RecordsService } from './records.service';

@Controller('api/records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get(':patientId')
  async getRecord(@Param('patientId') patientId: string) {
    const record = await this.records.load(patientId);
    if (record.patient.ageYears < 18) {
      throw new ForbiddenException();
    }
    return record;
  }
}
