import { Controller, Get, Param, ForbiddenException } from '@nestjs/common';

@Controller('exchange/providers')
export class SudExchangeController {
  constructor(private readonly consents: any, private readonly docs: any) {}
  @Get('patients/:id/sud-records')
  async sud(@Param('id') id: string) {
    if (!(await this.consents.part2Signed(id))) {
      throw new ForbiddenException('42 CFR Part 2 written consent required for SUD program records');
    }
    return this.docs.part2Records(id);
  }
}
