import type { FastifyInstance } from 'fastify';
import { tenants } from '../tenants/tenantRegistry';
import { ehiExportJobs } from '../export/ehiExportJobs';

/**
 * Whole-database EHI export (45 CFR 170.315(b)(10)) for a customer practice,
 * typically requested when the practice moves to another EHR.
 */
export default async function ehiExportRoutes(app: FastifyInstance) {
  app.post<{ Params: { tenantId: string } }>(
    '/admin/tenants/:tenantId/ehi-export',
    { preHandler: [app.requirePracticeAdmin] },
    async (request, reply) => {
      const tenant = await tenants.get(request.params.tenantId);
      if (!tenant) return reply.code(404).send({ error: 'unknown tenant' });

      if (!tenant.billing.exportAddonPurchased) {
        return reply.code(402).send({
          error: 'payment_required',
          message: 'Full database export requires the Data Portability add-on ($4,500). Contact your account manager.',
        });
      }

      const job = await ehiExportJobs.start({ tenantId: tenant.id, format: 'ndjson', requestedBy: request.user.id });
      return reply.code(202).header('content-location', `/admin/ehi-export-jobs/${job.id}`).send({ jobId: job.id });
    },
  );

  app.get<{ Params: { jobId: string } }>(
    '/admin/ehi-export-jobs/:jobId',
    { preHandler: [app.requirePracticeAdmin] },
    async (request, reply) => {
      const job = await ehiExportJobs.get(request.params.jobId);
      if (!job) return reply.code(404).send({ error: 'unknown job' });
      return job.done ? reply.send(job.manifest) : reply.code(202).send({ progress: job.progress });
    },
  );
}
