import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import sensible from '@fastify/sensible';
import smartAuth from './plugins/smartAuth';
import upstream from './plugins/upstream';
import conditionSearchRoutes from './routes/conditionSearch';

export async function buildServer() {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: true,
  });

  await app.register(sensible);
  await app.register(smartAuth, { issuer: process.env.SMART_ISSUER! });
  await app.register(upstream, { baseUrl: process.env.UPSTREAM_FHIR_URL! });

  // Limits are opt-in per route (config.rateLimit on the route definition).
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => request.smart?.clientId ?? request.ip,
    errorResponseBuilder: (_request, context) => ({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'throttled', diagnostics: `Rate limit exceeded, retry in ${context.after}` }],
    }),
  });

  await app.register(conditionSearchRoutes);

  return app;
}

if (require.main === module) {
  buildServer()
    .then((app) => app.listen({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' }))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
