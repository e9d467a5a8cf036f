import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { CatalogModule } from './catalog/catalog.module';

@Module({
  // A default for every route of an app with no EHI module.
  // ok: unjustified-throttle
  imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 100 }]), CatalogModule],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class ShopModule {}
