import type { FastifyInstance } from 'fastify';
import { verifyOtp } from './otp.service';

export default async function otpRoutes(app: FastifyInstance) {
  await app.register(import('@fastify/rate-limit'), { global: false });
  app.post('/auth/otp/verify', { config: { rateLimit: { max: 5, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const ok = await verifyOtp(req.body as { phone: string; code: string });
    return ok ? reply.send({ ok: true }) : reply.code(401).send({ error: 'invalid_code' });
  });
}
