import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateRecordsRequestDto {
  @IsString()
  patientId!: string;

  @IsString()
  @MaxLength(200)
  requesterName!: string;

  @IsIn(['fax', 'mail', 'pickup'])
  deliveryMethod!: 'fax' | 'mail' | 'pickup';

  @IsOptional()
  @IsISO8601()
  dateFrom?: string;
}
