'use strict';

/**
 * Client ids of the apps patients may connect to the Harbor Clinics FHIR API.
 * Maintained by the digital health team; add an entry after the vendor has
 * signed the API participation agreement.
 */
const APPROVED_PATIENT_APPS = Object.freeze([
  'harbor-portal-web',
  'harbor-ios',
  'harbor-android',
  'apple-health-records',
  'medsafe-partner-app',
]);

const SCOPE_DEFAULTS = Object.freeze({
  patient: ['openid', 'fhirUser', 'launch/patient', 'patient/*.rs', 'offline_access'],
});

module.exports = { APPROVED_PATIENT_APPS, SCOPE_DEFAULTS };
