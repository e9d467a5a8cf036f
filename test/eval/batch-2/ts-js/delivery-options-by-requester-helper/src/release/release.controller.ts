import { Body, Controller, Get, Query } from '@nestjs/common';
import { deliveryOptionsFor } from './delivery-options';

@Controller('release')
export class ReleaseController {
  @Get('options')
  options(@Query('requester') requester: 'patient' | 'attorney' | 'outside_provider') {
    return { methods: deliveryOptionsFor(requester) };
  }
}
