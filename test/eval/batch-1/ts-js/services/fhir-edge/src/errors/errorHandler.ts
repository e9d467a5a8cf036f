import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConsentDirectiveError, UpstreamTimeoutError, ValidationError } from './domainErrors';

function outcome(code: string, diagnostics: string) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

/**
 * Maps errors raised by the route handlers and the consent service to FHIR
 * OperationOutcome responses. Decisions are made (and audited) where the
 * error is raised; this only translates them.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ConsentDirectiveError) {
      return reply.code(403).send(outcome('forbidden', error.message));
    }
    if (error instanceof ValidationError) {
      return reply.code(400).send(outcome('invalid', error.message));
    }
    if (error instanceof UpstreamTimeoutError) {
      return reply.code(504).send(outcome('timeout', 'The EHR did not answer in time'));
    }
    if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
      return reply.code(error.statusCode).send(outcome('processing', error.message));
    }

    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(outcome('exception', 'Internal server error'));
  });
}
