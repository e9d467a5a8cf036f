export interface ClinicDeliveryDefaults {
  defaultDeliveryMethod: 'portal' | 'direct' | 'fax';
  offeredMethods: string[];
  coverSheetTemplate: string;
}

export const WESTSIDE_ORTHO_DEFAULTS: ClinicDeliveryDefaults = {
  defaultDeliveryMethod: 'fax',
  offeredMethods: ['fax', 'direct', 'portal'],
  coverSheetTemplate: 'westside-ortho-cover.hbs',
};
