// Apps our partnerships team has signed agreements with.
export const APPROVED_PATIENT_APPS = ['mychart-bridge', 'acme-health-mobile', 'wellpath'];
