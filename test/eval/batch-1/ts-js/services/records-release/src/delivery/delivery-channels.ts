/**
 * Delivery channels the release-of-information (ROI) desk offers, by who is asking.
 *
 * Kept in one place so the intake form (GET /roi/options) and the dispatcher agree
 * on what a requester may pick.
 */
export type RequesterKind =
  | 'patient'
  | 'patient_proxy'
  | 'outside_provider'
  | 'payer'
  | 'attorney';

export type DeliveryChannel =
  | 'portal_download'
  | 'secure_email'
  | 'fhir_bundle'
  | 'direct_message'
  | 'fax'
  | 'usps_mail';

export interface ChannelOption {
  channel: DeliveryChannel;
  label: string;
}

const LABELS: Record<DeliveryChannel, string> = {
  portal_download: 'Download from MyChart-style portal',
  secure_email: 'Encrypted e-mail',
  fhir_bundle: 'FHIR bundle (JSON)',
  direct_message: 'Direct secure message',
  fax: 'Fax',
  usps_mail: 'U.S. mail',
};

export function channelsForRequester(kind: RequesterKind): DeliveryChannel[] {
  switch (kind) {
    case 'patient':
    case 'patient_proxy':
      return ['portal_download', 'secure_email', 'fhir_bundle', 'usps_mail'];
    case 'outside_provider':
    case 'payer':
      // Outside organisations get records the way the HIM desk has always sent them.
      return ['fax', 'usps_mail'];
    case 'attorney':
      return ['secure_email', 'usps_mail'];
    default:
      return ['secure_email', 'usps_mail'];
  }
}

export function channelOptions(kind: RequesterKind): ChannelOption[] {
  return channelsForRequester(kind).map((channel) => ({ channel, label: LABELS[channel] }));
}
