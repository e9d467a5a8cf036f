import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { FhirReadController } from './fhir/fhir-read.controller';
import { FhirReadService } from './fhir/fhir-read.service';

/**
 * The throttler guard is global so that every new controller is protected by
 * default; clinical data routes opt out explicitly (see FhirReadController).
 */
@Module({
  imports: [
    ThrottlerModule.forRoot([
      { name: 'default', ttl: 60_000, limit: 60 },
    ]),
  ],
  controllers: [AuthController, FhirReadController],
  providers: [
    AuthService,
    FhirReadService,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
  ],
})
export class AppModule {}
