const fastify = require('fastify')();
const rateLimit = require('@fastify/rate-limit');

fastify.register(async (fhir) => {
  // ruleid: unjustified-throttle
  await fhir.register(rateLimit, { max: 30, timeWindow: '1 minute' });
  fhir.get('/Patient/:id', async (request) => readPatient(request.params.id));
}, { prefix: '/fhir' });

fastify.register(async (auth) => {
  // ok: unjustified-throttle
  await auth.register(rateLimit, { max: 5, timeWindow: '1 minute' });
  auth.post('/token', async (request) => issueToken(request.body));
}, { prefix: '/oauth2' });
