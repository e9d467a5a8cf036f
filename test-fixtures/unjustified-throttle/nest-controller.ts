import { Controller, Get, Param, Post, Body } from '@nestjs/common';
import { SkipThrottle, Throttle } from '@nestjs/throttler';

@Controller('fhir/Patient')
export class PatientController {
  constructor(private readonly patients: PatientService) {}

  // ruleid: unjustified-throttle
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Get(':id')
  read(@Param('id') id: string) {
    return this.patients.read(id);
  }

  @SkipThrottle()
  // ok: unjustified-throttle
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Get(':id/$everything')
  everything(@Param('id') id: string) {
    return this.patients.everything(id);
  }
}

@Controller('auth')
export class AuthController {
  // ok: unjustified-throttle
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('login')
  login(@Body() body: LoginDto) {
    return this.auth.login(body);
  }
}
