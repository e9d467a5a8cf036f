'use strict';

// Developer FHIR API: usage-based pricing for connected apps.
const fastify = require('fastify')({ logger: true });
const billing = require('./billing');

const pricing = {
  fhirApi: {
    // ruleid: access-fee
    perRequestFee: 0.05,
    // ok: access-fee
    monthlyFreeRequests: 1000,
  },
  patientApps: {
    // ruleid: access-fee
    patientApiAccessFee: 2.99,
  },
  shipping: {
    // ok: access-fee
    cdMailingFee: 12.5,
  },
};

fastify.get('/fhir/Observation', async (request, reply) => {
  // ruleid: access-fee
  await billing.recordUsage(request.headers['x-client-id'], 'Observation.search');
  return searchObservations(request.query);
});

fastify.get('/fhir/metadata', async () => {
  // ok: access-fee
  return capabilityStatement();
});

function searchObservations(query) {
  return { resourceType: 'Bundle', type: 'searchset', entry: [], query };
}

function capabilityStatement() {
  return { resourceType: 'CapabilityStatement', status: 'active' };
}

module.exports = { fastify, pricing };
