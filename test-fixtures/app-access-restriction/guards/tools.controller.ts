import { Controller, Get, UseGuards } from '@nestjs/common';
import { ToolsGuard } from './partner.guard';
import { reports } from './reports';

@Controller('admin/reports')
@UseGuards(ToolsGuard)
export class ReportsController {
  @Get('usage')
  usage() {
    return reports.usage();
  }
}
