import type { TenantSettings } from './types';

export const lakesideSettings: TenantSettings = {
  tenantId: 'lakeside-med',
  timezone: 'America/Chicago',
  portal: {
    showBilling: true,
    shareNotesWithPatient: false,
    showImagingReports: true,
  },
};
