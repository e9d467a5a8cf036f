import { Controller, Get, Param, ForbiddenException } from '@nestjs/common';

@Controller('exchange/providers')
export class ProviderExchangeController {
  constructor(private readonly consents: any, private readonly docs: any) {}

  @Get('patients/:id/documents')
  async documents(@Param('id') id: string) {
    if (!(await this.consents.hasActiveConsent(id))) {
      throw new ForbiddenException('Patient consent on file is required before records are shared');
    }
    return this.docs.forPatient(id);
  }
}
