import { BadRequestException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ExportJobs } from './jobs';

const SUPPORTED_OUTPUT_FORMATS = ['application/vnd.medcore.archive+zip'];

@Controller('fhir/r4/Patient')
export class PatientExportController {
  constructor(private readonly jobs: ExportJobs) {}

  @Get('$export')
  async kickoff(@Query('_outputFormat') outputFormat = 'application/vnd.medcore.archive+zip', @Res() res: Response) {
    if (!SUPPORTED_OUTPUT_FORMATS.includes(outputFormat)) {
      throw new BadRequestException(`_outputFormat ${outputFormat} is not supported`);
    }
    const job = await this.jobs.start(outputFormat);
    res.status(202).location(job.statusUrl).end();
  }
}
