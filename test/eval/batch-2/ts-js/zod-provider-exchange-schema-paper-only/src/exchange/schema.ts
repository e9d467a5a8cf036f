import { z } from 'zod';

export const OutsideProviderRequest = z.object({
  requestingNpi: z.string().regex(/^\d{10}$/),
  patientMrn: z.string().min(1),
  purpose: z.enum(['treatment', 'care-coordination']),
  deliverVia: z.enum(['fax', 'certified_mail']),
  faxNumber: z.string().optional(),
  mailingAddress: z.string().optional(),
});

export type OutsideProviderRequest = z.infer<typeof OutsideProviderRequest>;
