const fastify = require('fastify')();
const rateLimit = require('@fastify/rate-limit');

// The app-wide limit covers the shop routes only: the FHIR route opts out.
// ok: unjustified-throttle
fastify.register(rateLimit, { max: 100, timeWindow: '1 minute' });

fastify.get('/fhir/Patient/:id', { config: { rateLimit: false } }, async (request) => readPatient(request.params.id));
fastify.get('/shop/items', async () => listItems());
