/**
 * Release-of-information delivery options, shown on the request form and
 * accepted by the intake controller. Order is the order on the form.
 */
export interface ReleaseOption {
  id: 'fhir_api' | 'direct' | 'portal_download' | 'encrypted_email' | 'fax' | 'mail';
  label: string;
  electronic: boolean;
  requires: Array<'directAddress' | 'email' | 'faxNumber' | 'postalAddress' | 'portalAccount'>;
}

export const RELEASE_OPTIONS: readonly ReleaseOption[] = [
  { id: 'fhir_api', label: 'App of your choice (FHIR API)', electronic: true, requires: ['portalAccount'] },
  { id: 'direct', label: 'Direct secure message to a provider', electronic: true, requires: ['directAddress'] },
  { id: 'portal_download', label: 'Download (C-CDA or PDF)', electronic: true, requires: ['portalAccount'] },
  { id: 'encrypted_email', label: 'Encrypted e-mail', electronic: true, requires: ['email'] },
  { id: 'fax', label: 'Fax', electronic: false, requires: ['faxNumber'] },
  { id: 'mail', label: 'Paper copy by mail', electronic: false, requires: ['postalAddress'] },
] as const;

export function optionById(id: string): ReleaseOption | undefined {
  return RELEASE_OPTIONS.find((o) => o.id === id);
}

export function missingFields(option: ReleaseOption, provided: Record<string, unknown>): string[] {
  return option.requires.filter((field) => provided[field] === undefined || provided[field] === '');
}
