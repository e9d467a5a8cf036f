import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';

@Controller('fhir/Observation')
// ruleid: unjustified-throttle
@UseGuards(ThrottlerGuard)
export class ObservationController {
  @Get()
  search(@Query('patient') patient: string) {
    return this.store.search('Observation', patient);
  }
}

@Controller('auth')
// ok: unjustified-throttle
@UseGuards(ThrottlerGuard)
export class SessionController {
  @Get('session')
  session() {
    return this.sessions.current();
  }
}

@Controller('fhir/Encounter')
@SkipThrottle()
// ok: unjustified-throttle
@UseGuards(ThrottlerGuard)
export class EncounterController {
  @Get()
  search(@Query('patient') patient: string) {
    return this.store.search('Encounter', patient);
  }
}
