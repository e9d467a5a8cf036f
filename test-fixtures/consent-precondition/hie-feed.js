const { consents, hie } = require('./services');

const exchangeSettings = {
  hieExchange: {
    // ruleid: consent-precondition
    requirePatientConsent: true,
    // ok: consent-precondition
    sendDischargeSummaries: true,
  },
  research: {
    // HIPAA requires an authorization for research disclosures.
    // ok: consent-precondition
    requirePatientConsent: true,
  },
};

async function sendCcdToReferringProvider(patient, provider) {
  if (!(await consents.hasConsent(patient.id))) { // ruleid: consent-precondition
    return;
  }
  await hie.push(provider.directAddress, await hie.ccd(patient.id));
}

async function sendCcdToReferringProviderOptOut(patient, provider) {
  // The patient's own opt-out is honoured.
  if (!patient.optedOut === false) { // ok: consent-precondition
    return;
  }
  await hie.push(provider.directAddress, await hie.ccd(patient.id));
}

const patientPortal = {
  consentBanner: {
    // A cookie and terms banner in the patient portal.
    // ok: consent-precondition
    required: true,
  },
};

module.exports = { patientPortal, exchangeSettings, sendCcdToReferringProvider, sendCcdToReferringProviderOptOut };
