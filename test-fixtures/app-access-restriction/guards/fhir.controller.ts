import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { PartnerGuard, RevokedClientGuard } from './partner.guard';
import { store } from './store';

@Controller('fhir/Observation')
@UseGuards(PartnerGuard, RevokedClientGuard)
export class ObservationController {
  @Get(':id')
  read(@Param('id') id: string) {
    return store.read('Observation', id);
  }
}
