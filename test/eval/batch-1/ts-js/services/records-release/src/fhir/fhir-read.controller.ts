import { Controller, Get, Header, Param, Query, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { SmartScopesGuard } from '../auth/smart-scopes.guard';
import { FhirReadService } from './fhir-read.service';

/**
 * Read and search for patient-authorised apps and connected providers.
 * Not throttled: access to EHI must not be slowed (45 CFR 171.102 "interfere").
 */
@SkipThrottle()
@Controller('fhir/r4')
@UseGuards(SmartScopesGuard)
export class FhirReadController {
  constructor(private readonly fhir: FhirReadService) {}

  @Get(':resourceType/:id')
  @Header('Content-Type', 'application/fhir+json')
  read(@Param('resourceType') resourceType: string, @Param('id') id: string) {
    return this.fhir.read(resourceType, id);
  }

  @Get(':resourceType')
  @Header('Content-Type', 'application/fhir+json')
  search(@Param('resourceType') resourceType: string, @Query() query: Record<string, string>) {
    return this.fhir.search(resourceType, query);
  }
}
