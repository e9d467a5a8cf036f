export enum DeliveryChannel {
  Portal = 'portal',
  Direct = 'direct',
  Fax = 'fax',
  PostalMail = 'postal_mail',
}

/** What outside offices may be sent. */
// ruleid: fax-only-manner
export const OUTSIDE_OFFICE_CHANNELS = [DeliveryChannel.Fax, DeliveryChannel.PostalMail];

// ok: fax-only-manner
export const PATIENT_CHANNELS = [DeliveryChannel.Portal, DeliveryChannel.Direct, DeliveryChannel.Fax];
