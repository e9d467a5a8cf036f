/**
 * US Core 6.1.0 resource types served by the edge, with the profiles each
 * supports. Drives the CapabilityStatement at /fhir/r4/metadata.
 */
const SD = 'http://hl7.org/fhir/us/core/StructureDefinition';

export const US_CORE_RESOURCES: ReadonlyArray<{ type: string; profiles: string[] }> = [
  { type: 'AllergyIntolerance', profiles: [`${SD}/us-core-allergyintolerance`] },
  { type: 'CarePlan', profiles: [`${SD}/us-core-careplan`] },
  { type: 'CareTeam', profiles: [`${SD}/us-core-careteam`] },
  { type: 'Condition', profiles: [`${SD}/us-core-condition-encounter-diagnosis`, `${SD}/us-core-condition-problems-health-concerns`] },
  { type: 'Coverage', profiles: [`${SD}/us-core-coverage`] },
  { type: 'Device', profiles: [`${SD}/us-core-implantable-device`] },
  { type: 'DiagnosticReport', profiles: [`${SD}/us-core-diagnosticreport-lab`, `${SD}/us-core-diagnosticreport-note`] },
  { type: 'DocumentReference', profiles: [`${SD}/us-core-documentreference`] },
  { type: 'Encounter', profiles: [`${SD}/us-core-encounter`] },
  { type: 'Goal', profiles: [`${SD}/us-core-goal`] },
  { type: 'Immunization', profiles: [`${SD}/us-core-immunization`] },
  { type: 'Location', profiles: [`${SD}/us-core-location`] },
  { type: 'Medication', profiles: [`${SD}/us-core-medication`] },
  { type: 'MedicationDispense', profiles: [`${SD}/us-core-medicationdispense`] },
  { type: 'MedicationRequest', profiles: [`${SD}/us-core-medicationrequest`] },
  { type: 'Observation', profiles: [`${SD}/us-core-observation-lab`, `${SD}/us-core-vital-signs`, `${SD}/us-core-smokingstatus`] },
  { type: 'Organization', profiles: [`${SD}/us-core-organization`] },
  { type: 'Patient', profiles: [`${SD}/us-core-patient`] },
  { type: 'Practitioner', profiles: [`${SD}/us-core-practitioner`] },
  { type: 'PractitionerRole', profiles: [`${SD}/us-core-practitionerrole`] },
  { type: 'Procedure', profiles: [`${SD}/us-core-procedure`] },
  { type: 'Provenance', profiles: [`${SD}/us-core-provenance`] },
  { type: 'QuestionnaireResponse', profiles: [`${SD}/us-core-questionnaireresponse`] },
  { type: 'RelatedPerson', profiles: [`${SD}/us-core-relatedperson`] },
  { type: 'ServiceRequest', profiles: [`${SD}/us-core-servicerequest`] },
  { type: 'Specimen', profiles: [`${SD}/us-core-specimen`] },
];
