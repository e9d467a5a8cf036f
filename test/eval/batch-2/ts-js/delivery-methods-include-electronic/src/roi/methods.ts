export const DELIVERY_METHODS = ['portal', 'direct', 'fhir-api', 'sftp', 'fax', 'mail'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const METHOD_LABELS: Record<DeliveryMethod, string> = {
  portal: 'Patient portal download',
  direct: 'Direct secure message',
  'fhir-api': 'FHIR API (app of your choice)',
  sftp: 'Secure file transfer',
  fax: 'Fax',
  mail: 'US mail (paper copy)',
};
