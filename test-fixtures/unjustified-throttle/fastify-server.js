const fastify = require('fastify')();

fastify.get('/fhir/Patient/:id', {
  // ruleid: unjustified-throttle
  config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
}, async (request) => readPatient(request.params.id));

fastify.post('/oauth2/token', {
  // ok: unjustified-throttle
  config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
}, async (request) => issueToken(request.body));
