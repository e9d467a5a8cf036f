import type { FastifyReply, FastifyRequest } from 'fastify';

function outcome(code: string, diagnostics: string) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

/**
 * preHandler for patient-compartment routes (/fhir/r4/Patient/:patientId/...).
 * Checks who the caller is: a valid token, a patient-context token for this
 * patient, or a user token with the right scope.
 */
export async function enforcePatientCompartment(
  request: FastifyRequest<{ Params: { patientId: string } }>,
  reply: FastifyReply,
) {
  const token = request.smart;
  if (!token) {
    return reply.code(401).header('www-authenticate', 'Bearer').send(outcome('login', 'Missing or invalid access token'));
  }
  if (token.expiresAt < Date.now()) {
    return reply.code(401).header('www-authenticate', 'Bearer error="invalid_token"').send(outcome('expired', 'Token expired'));
  }

  const patientScoped = token.scopes.some((s) => s.startsWith('patient/'));
  if (patientScoped && token.patient !== request.params.patientId) {
    return reply.code(403).send(outcome('forbidden', 'Token is not authorised for this patient'));
  }

  const userScoped = token.scopes.some((s) => s.startsWith('user/'));
  if (!patientScoped && !userScoped) {
    return reply.code(403).send(outcome('forbidden', 'Token has no patient/ or user/ scope'));
  }
}
