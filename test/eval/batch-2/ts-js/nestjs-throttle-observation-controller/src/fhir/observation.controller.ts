import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { SmartAuthGuard } from '../auth/smart-auth.guard';
import { ObservationService } from './observation.service';

@Controller('fhir/r4/Observation')
@UseGuards(SmartAuthGuard, ThrottlerGuard)
export class ObservationController {
  constructor(private readonly observations: ObservationService) {}

  // patient apps poll this a lot; keep them in check
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Get()
  search(@Query() query: Record<string, string>) {
    return this.observations.search(query);
  }

  @Get(':id')
  read(@Param('id') id: string) {
    return this.observations.read(id);
  }
}
