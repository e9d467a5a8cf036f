import { BadRequestException } from '@nestjs/common';

/** Output formats accepted at bulk kick-off (Bulk Data IG: ndjson aliases). */
export const ACCEPTED_OUTPUT_FORMATS = new Set([
  'application/fhir+ndjson',
  'application/ndjson',
  'ndjson',
]);

const EXPORTABLE_TYPES = new Set([
  'AllergyIntolerance', 'CarePlan', 'CareTeam', 'Condition', 'Coverage', 'Device', 'DiagnosticReport',
  'DocumentReference', 'Encounter', 'Goal', 'Immunization', 'Location', 'Medication', 'MedicationDispense',
  'MedicationRequest', 'Observation', 'Organization', 'Patient', 'Practitioner', 'PractitionerRole',
  'Procedure', 'Provenance', 'QuestionnaireResponse', 'RelatedPerson', 'ServiceRequest', 'Specimen',
]);

function badRequest(diagnostics: string): BadRequestException {
  return new BadRequestException({
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'invalid', diagnostics }],
  });
}

export interface KickoffParams {
  outputFormat: string;
  since?: Date;
  types?: string[];
}

/** Validates one kick-off request; any bad parameter answers that request with 400. */
export function validateKickoff(query: Record<string, string | undefined>): KickoffParams {
  const outputFormat = query._outputFormat ?? 'application/fhir+ndjson';
  if (!ACCEPTED_OUTPUT_FORMATS.has(outputFormat)) {
    throw badRequest(`Unsupported _outputFormat '${outputFormat}'. Use application/fhir+ndjson.`);
  }

  const types = query._type?.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = types?.filter((t) => !EXPORTABLE_TYPES.has(t)) ?? [];
  if (unknown.length > 0) {
    throw badRequest(`Unknown resource type(s) in _type: ${unknown.join(', ')}`);
  }

  let since: Date | undefined;
  if (query._since) {
    since = new Date(query._since);
    if (Number.isNaN(since.getTime())) throw badRequest('_since must be a FHIR instant');
  }

  return { outputFormat, since, types };
}
