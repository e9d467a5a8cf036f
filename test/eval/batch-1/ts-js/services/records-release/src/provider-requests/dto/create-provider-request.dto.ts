import { Type } from 'class-transformer';
import {
  IsDateString,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

/** How records go back to a requesting clinic or hospital. */
export enum ProviderDeliveryMethod {
  Fax = 'FAX',
  CertifiedMail = 'CERTIFIED_MAIL',
}

export class RequestingProviderDto {
  @Matches(/^\d{10}$/)
  npi!: string;

  @IsString()
  organizationName!: string;

  @IsOptional()
  @Matches(/^\+?[0-9\-() ]{7,20}$/)
  faxNumber?: string;

  @IsOptional()
  @IsString()
  mailingAddress?: string;
}

export class CreateProviderRecordsRequestDto {
  @ValidateNested()
  @Type(() => RequestingProviderDto)
  requestingProvider!: RequestingProviderDto;

  @IsString()
  @Length(6, 20)
  patientMrn!: string;

  @IsDateString()
  serviceDateFrom!: string;

  @IsDateString()
  serviceDateTo!: string;

  @IsString()
  purposeOfUse!: string;

  @IsEnum(ProviderDeliveryMethod)
  deliveryMethod!: ProviderDeliveryMethod;
}
