const fastify = require('fastify')();
const { clients } = require('./store');

module.exports.onboardingPolicy = {
  patientApps: {
    // ruleid: app-registration-gate
    minSandboxDays: 30,
    // ruleid: app-registration-gate
    requireBusinessAssociateAgreement: true,
    // ok: app-registration-gate
    requireRedirectUriHttps: true,
    // ok: app-registration-gate
    registrationTokenTtlDays: 30,
  },
  systemClients: {
    // Back-end integrations signed by providers: not patient-chosen apps.
    // ok: app-registration-gate
    requireBusinessAssociateAgreement: true,
  },
};

fastify.route({
  method: 'POST',
  url: '/oauth/register',
  handler: async (request, reply) => {
    if (!request.body.signedBaa) { // ruleid: app-registration-gate
      return reply.code(403).send({ error: 'A signed BAA is required' });
    }
    if (!request.body.redirect_uris) { // ok: app-registration-gate
      return reply.code(400).send({ error: 'redirect_uris required' });
    }
    return clients.create(request.body);
  },
});
