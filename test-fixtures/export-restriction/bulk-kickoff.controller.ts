import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { bulkJobs, everythingService } from './services';

const FORMAT_ALIASES: Record<string, string> = {
  'application/fhir+ndjson': 'application/fhir+ndjson',
  'application/ndjson': 'application/fhir+ndjson',
  ndjson: 'application/fhir+ndjson',
};

@Controller('fhir')
export class BulkKickoffController {
  @Get('Patient/$export')
  patientExport(@Query('_outputFormat') outputFormat = 'application/fhir+ndjson') {
    // ruleid: export-restriction
    if (outputFormat !== 'application/fhir+ndjson') {
      throw new BadRequestException('Unsupported _outputFormat');
    }
    return bulkJobs.start('patient', outputFormat);
  }

  @Get('Group/:id/$export')
  groupExport(@Param('id') id: string, @Query('_outputFormat') requested = 'ndjson') {
    // The abbreviations are mapped onto the full media type before the check.
    const outputFormat = FORMAT_ALIASES[requested] ?? requested;
    // ok: export-restriction
    if (outputFormat !== 'application/fhir+ndjson') {
      throw new BadRequestException('Unsupported _outputFormat');
    }
    return bulkJobs.start(id, outputFormat);
  }

  @Get('Patient/:id/$everything')
  async everything(@Param('id') id: string) {
    const entries = await everythingService.entries(id);
    // ruleid: export-restriction
    return { resourceType: 'Bundle', type: 'searchset', entry: entries.slice(0, 500) };
  }

  @Get('Encounter/:id/$everything')
  async encounterEverything(@Param('id') id: string, @Query('_count') count = 100, @Query('_offset') offset = 0) {
    const entries = await everythingService.encounterEntries(id);
    // ok: export-restriction
    const page = entries.slice(0, 100);
    return { resourceType: 'Bundle', type: 'searchset', entry: page, link: [{ relation: 'next', url: `?_offset=${Number(offset) + Number(count)}` }] };
  }

  @Get('Patient/:id/$everything/summary')
  async summary(@Param('id') id: string) {
    const bundle = await everythingService.bundle(id);
    // ruleid: export-restriction
    bundle.link = bundle.link.filter((l: { relation: string }) => l.relation !== 'next');
    return bundle;
  }

  @Get('Group/:id/$export/preview')
  async preview(@Param('id') id: string) {
    const job = await bulkJobs.preview(id);
    // ok: export-restriction
    return { id: job.id.slice(0, 12), status: job.status };
  }
}
