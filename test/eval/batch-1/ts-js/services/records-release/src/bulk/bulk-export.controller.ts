import {
  Controller,
  Get,
  Headers,
  NotImplementedException,
  Param,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SmartScopesGuard } from '../auth/smart-scopes.guard';

interface ExportQuery {
  _outputFormat?: string;
  _since?: string;
  _type?: string;
}

/**
 * FHIR Bulk Data Access (population-level export for provider organisations
 * and payers with a backend-services client).
 */
@ApiTags('bulk-data')
@Controller('fhir/r4')
@UseGuards(SmartScopesGuard)
export class BulkExportController {
  @Get('Group/:groupId/\\$export')
  kickOffGroupExport(
    @Param('groupId') groupId: string,
    @Query() query: ExportQuery,
    @Headers('prefer') prefer?: string,
  ): never {
    throw new NotImplementedException({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'not-supported',
          diagnostics: `Bulk export of Group/${groupId} is not available`,
        },
      ],
    });
  }
}
