import { IsEnum, IsIn } from 'class-validator';
import { Router } from 'express';
import { z } from 'zod';

export type RequesterKind = 'patient' | 'outside_provider' | 'payer' | 'attorney';

export function channelsForRequester(kind: RequesterKind): string[] {
  switch (kind) {
    case 'patient':
      // ok: fax-only-manner
      return ['portal_download', 'secure_email', 'fhir_bundle', 'usps_mail'];
    case 'outside_provider':
    // ruleid: fax-only-manner
    case 'payer':
      return ['fax', 'usps_mail'];
    default:
      return ['secure_email', 'usps_mail'];
  }
}

export function channelsForMethod(method: string): string[] {
  // A switch over the requested manner dispatches what was asked for.
  switch (method) {
    // ok: fax-only-manner
    case 'fax':
      return ['fax'];
    default:
      return [method];
  }
}

/** How records go back to a requesting clinic. */
// ruleid: fax-only-manner
export enum ProviderDeliveryMethod {
  Fax = 'FAX',
  CertifiedMail = 'CERTIFIED_MAIL',
}

export class CreateProviderRequestDto {
  @IsEnum(ProviderDeliveryMethod)
  method!: ProviderDeliveryMethod;

  // ruleid: fax-only-manner
  @IsIn(['fax', 'certified_mail'])
  deliveryMethod!: string;

  // ok: fax-only-manner
  @IsIn(['fax', 'direct', 'fhir'])
  returnDeliveryMethod!: string;

  // ruleid: fax-only-manner
  copyDeliveryMethod!: 'fax' | 'mail';
}

export const requestSchema = z.object({
  // ruleid: fax-only-manner
  deliveryMethod: z.enum(['fax', 'mail']),
  // ok: fax-only-manner
  returnDeliveryMethod: z.enum(['fax', 'direct', 'portal']),
});

const ELECTRONIC_METHODS = new Set(['email', 'direct', 'portal', 'api', 'fhir']);
const INSECURE_METHODS = new Set(['email']);

export const recordsRouter = Router();
recordsRouter.post('/api/patient/records-requests', (req, res) => {
  const body = req.body as { deliveryMethod: string };
  // ruleid: fax-only-manner
  if (ELECTRONIC_METHODS.has(body.deliveryMethod.toLowerCase())) {
    return res.status(422).json({ error: 'Records requests are fulfilled by fax or mail only' });
  }
  // Unencrypted e-mail is refused; Direct, the portal and the API remain.
  // ok: fax-only-manner
  if (INSECURE_METHODS.has(body.deliveryMethod.toLowerCase())) {
    return res.status(422).json({ error: 'Choose Direct, the portal or the API instead of e-mail' });
  }
  return res.status(201).end();
});

export const DELIVERY_OPTIONS_BY_REQUESTER: Record<string, string[]> = {
  // ok: fax-only-manner
  patient: ['portal', 'fhir', 'direct', 'fax'],
  // ruleid: fax-only-manner
  outside_provider: ['fax', 'usps_mail'],
  // ok: fax-only-manner
  payer: ['direct', 'fax'],
};

// ruleid: fax-only-manner
export const RELEASE_DELIVERY_METHODS = Object.freeze(['fax', 'postal_mail']);
