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

function outboundLimit(client) {
  // The limit a partner's API sets on our outbound calls.
  // ok: discriminatory-terms
  const limit = client.isPartnerApi ? 100 : 50;
  return limit;
}

module.exports = { outboundLimit, fhirPricing, feeFor, tradingPartnerFor };
