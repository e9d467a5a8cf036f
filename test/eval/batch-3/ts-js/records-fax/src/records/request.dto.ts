import { IsIn, IsString } from 'class-validator';
import { RECORDS_DELIVERY_METHODS } from './delivery';

export class OutsideProviderRecordsRequest {
  @IsString() patientId!: string;
  @IsIn(RECORDS_DELIVERY_METHODS as unknown as string[]) deliveryMethod!: string;
}
