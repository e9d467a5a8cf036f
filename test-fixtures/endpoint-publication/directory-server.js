const fastify = require('fastify')();
const { listEndpoints, organizations } = require('./directory');

const directoryConfig = {
  // ruleid: endpoint-publication
  publishEndpointDirectory: false,
  // ok: endpoint-publication
  endpointDirectoryCacheSeconds: 300,
};

fastify.route({
  method: 'GET',
  url: '/smart/brands/bundle',
  handler: async (request, reply) => {
    if (!request.headers['x-contract-id']) {
      // ruleid: endpoint-publication
      return reply.code(403).send({ error: 'Brands bundle available to contracted customers' });
    }
    return { resourceType: 'Bundle', type: 'collection', entry: await organizations() };
  },
});

fastify.route({
  method: 'GET',
  url: '/api/endpoints',
  handler: async (request, reply) => {
    const rows = await listEndpoints();
    // ruleid: endpoint-publication
    return { endpoints: rows.map((r) => ({ kind: 'Endpoint', url: r.url })) };
  },
});

fastify.route({
  method: 'GET',
  url: '/endpoints/bundle',
  // ok: endpoint-publication
  handler: async (request, reply) => {
    const rows = await listEndpoints();
    reply.header('content-type', 'application/fhir+json');
    return { resourceType: 'Bundle', type: 'collection', entry: rows.map((r) => ({ resource: { resourceType: 'Endpoint', address: r.url } })) };
  },
});

// Webhook endpoints registered by an integrator are not the directory of FHIR base URLs.
fastify.route({
  method: 'GET',
  url: '/webhooks/endpoints',
  // ok: endpoint-publication
  handler: async (request, reply) => reply.code(403).send({ error: 'forbidden' }),
});

module.exports = { fastify, directoryConfig };
