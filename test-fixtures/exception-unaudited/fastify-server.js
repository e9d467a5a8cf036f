const fastify = require('fastify')();
const { audit } = require('./audit');

fastify.get('/fhir/Patient/:id', async (request) => {
  // ruleid: exception-unaudited
  // ehi-exception: security; reason: Slows scraping bots; risk: Scripted scraping of whole panels; basis: policy; owner: security-office; review-by: 2027-06-30
  await sleep(2000);
  return readPatient(request.params.id);
});

fastify.get('/fhir/Encounter/:id', async (request) => {
  audit('ehi-exception', 'unjustified-throttle', 'security', 'Slows scraping bots');
  // ok: exception-unaudited
  // ehi-exception: security; reason: Slows scraping bots; risk: Scripted scraping of whole panels; basis: policy; owner: security-office; review-by: 2027-06-30
  await sleep(2000);
  return readEncounter(request.params.id);
});
