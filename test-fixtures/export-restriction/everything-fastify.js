'use strict';

const fastify = require('fastify')();
const store = require('./store');

fastify.get('/fhir/Patient/:id/$everything', async (request) => {
  const entries = await store.everything(request.params.id);
  // ruleid: export-restriction
  return { resourceType: 'Bundle', type: 'searchset', entry: entries.slice(0, 100) };
});

fastify.get('/fhir/Encounter/:id/$everything', async (request) => {
  const { _count = 100, _offset = 0 } = request.query;
  const entries = await store.encounterEverything(request.params.id);
  const next = `${request.url}?_offset=${Number(_offset) + Number(_count)}`;
  // ok: export-restriction
  return { resourceType: 'Bundle', type: 'searchset', entry: entries.slice(0, 100), link: [{ relation: 'next', url: next }] };
});

fastify.get('/fhir/Group/:id/$export', async (request, reply) => {
  // ruleid: export-restriction
  if (request.query._outputFormat !== 'application/fhir+ndjson') {
    return reply.code(400).send({ resourceType: 'OperationOutcome' });
  }
  return reply.code(202).header('Content-Location', await store.startExport(request.params.id)).send();
});

module.exports = fastify;
