// Fees for FHIR API calls by the patient-facing and provider apps that use our EHR.
const fhirPricing = {
  perCallFee: {
    // The same fee for every app: access-fee's, not a discriminatory term.
    // ok: discriminatory-terms
    // ruleid: access-fee
    standard: 0.01,
  },
};

function feeFor(app) {
  // ruleid: discriminatory-terms
  const fee = app.madeByCompetitor ? 0.25 : 0.01;
  return fee;
}

function tradingPartnerFor(message) {
  // EDI trading partners route claims, they set no term of access.
  // ok: discriminatory-terms
  const partnerId = message.isExternal ? 'EXT-01' : 'INT-01';
  return partnerId;
}

module.exports = { fhirPricing, feeFor, tradingPartnerFor };
