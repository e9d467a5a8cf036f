import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { FhirModule } from './fhir/fhir.module';

@Module({
  imports: [
    // The framework default for every controller of the app; no EHI path in view.
    // ok: unjustified-throttle
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: 20 }]),
    FhirModule,
  ],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class AppModule {}
