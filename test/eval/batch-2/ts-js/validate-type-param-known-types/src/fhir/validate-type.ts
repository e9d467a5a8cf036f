import { BadRequestException } from '@nestjs/common';

const KNOWN_TYPES = new Set([
  'AllergyIntolerance', 'CarePlan', 'CareTeam', 'Condition', 'Coverage', 'Device', 'DiagnosticReport',
  'DocumentReference', 'Encounter', 'Goal', 'Immunization', 'Location', 'Medication', 'MedicationDispense',
  'MedicationRequest', 'Observation', 'Organization', 'Patient', 'Practitioner', 'PractitionerRole',
  'Procedure', 'Provenance', 'QuestionnaireResponse', 'RelatedPerson', 'ServiceRequest', 'Specimen',
]);

export function parseTypeParam(raw: string | undefined): string[] {
  const requested = (raw ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = requested.filter((t) => !KNOWN_TYPES.has(t));
  if (unknown.length) throw new BadRequestException(`Unknown resource type(s): ${unknown.join(', ')}`);
  return requested;
}
