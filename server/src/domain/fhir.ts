/** FHIR vocabularies the rules measure against. */

/** Every FHIR R4 (4.0.1) resource type. */
export const FHIR_RESOURCE_TYPES: ReadonlySet<string> = new Set(
  `Account ActivityDefinition AdverseEvent AllergyIntolerance Appointment AppointmentResponse AuditEvent Basic Binary
BiologicallyDerivedProduct BodyStructure Bundle CapabilityStatement CarePlan CareTeam CatalogEntry ChargeItem
ChargeItemDefinition Claim ClaimResponse ClinicalImpression CodeSystem Communication CommunicationRequest
CompartmentDefinition Composition ConceptMap Condition Consent Contract Coverage CoverageEligibilityRequest
CoverageEligibilityResponse DetectedIssue Device DeviceDefinition DeviceMetric DeviceRequest DeviceUseStatement
DiagnosticReport DocumentManifest DocumentReference EffectEvidenceSynthesis Encounter Endpoint EnrollmentRequest
EnrollmentResponse EpisodeOfCare EventDefinition Evidence EvidenceVariable ExampleScenario ExplanationOfBenefit
FamilyMemberHistory Flag Goal GraphDefinition Group GuidanceResponse HealthcareService ImagingStudy Immunization
ImmunizationEvaluation ImmunizationRecommendation ImplementationGuide InsurancePlan Invoice Library Linkage List
Location Measure MeasureReport Media Medication MedicationAdministration MedicationDispense MedicationKnowledge
MedicationRequest MedicationStatement MedicinalProduct MedicinalProductAuthorization MedicinalProductContraindication
MedicinalProductIndication MedicinalProductIngredient MedicinalProductInteraction MedicinalProductManufactured
MedicinalProductPackaged MedicinalProductPharmaceutical MedicinalProductUndesirableEffect MessageDefinition
MessageHeader MolecularSequence NamingSystem NutritionOrder Observation ObservationDefinition OperationDefinition
OperationOutcome Organization OrganizationAffiliation Parameters Patient PaymentNotice PaymentReconciliation Person
PlanDefinition Practitioner PractitionerRole Procedure Provenance Questionnaire QuestionnaireResponse RelatedPerson
RequestGroup ResearchDefinition ResearchElementDefinition ResearchStudy ResearchSubject RiskAssessment
RiskEvidenceSynthesis Schedule SearchParameter ServiceRequest Slot Specimen SpecimenDefinition StructureDefinition
StructureMap Subscription Substance SubstanceNucleicAcid SubstancePolymer SubstanceProtein
SubstanceReferenceInformation SubstanceSourceMaterial SubstanceSpecification SupplyDelivery SupplyRequest Task
TerminologyCapabilities TestReport TestScript ValueSet VerificationResult VisionPrescription`.split(/\s+/),
);

/** Resource types that carry a patient's clinical or administrative record (not infrastructure or terminology). */
export const CLINICAL_RESOURCE_TYPES: ReadonlySet<string> = new Set(
  `AllergyIntolerance Appointment CarePlan CareTeam ClinicalImpression Communication Composition Condition Consent Coverage
DetectedIssue Device DeviceRequest DeviceUseStatement DiagnosticReport DocumentManifest DocumentReference Encounter
EpisodeOfCare ExplanationOfBenefit FamilyMemberHistory Flag Goal ImagingStudy Immunization ImmunizationRecommendation
Media MedicationAdministration MedicationDispense MedicationRequest MedicationStatement NutritionOrder Observation
Patient Procedure QuestionnaireResponse RelatedPerson RiskAssessment ServiceRequest Specimen`.split(/\s+/),
);

/** US Core 6.1.0 resource types (certification criterion 170.315(g)(10), USCDI v3). */
export const US_CORE_RESOURCE_TYPES: readonly string[] = [
  'AllergyIntolerance',
  'CarePlan',
  'CareTeam',
  'Condition',
  'Coverage',
  'Device',
  'DiagnosticReport',
  'DocumentReference',
  'Encounter',
  'Goal',
  'Immunization',
  'Location',
  'Medication',
  'MedicationDispense',
  'MedicationRequest',
  'Observation',
  'Organization',
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Procedure',
  'Provenance',
  'QuestionnaireResponse',
  'RelatedPerson',
  'ServiceRequest',
  'Specimen',
];

/** Observation category codes (http://terminology.hl7.org/CodeSystem/observation-category) and US Core additions. */
export const OBSERVATION_CATEGORIES: ReadonlySet<string> = new Set([
  'social-history',
  'vital-signs',
  'imaging',
  'laboratory',
  'procedure',
  'survey',
  'exam',
  'therapy',
  'activity',
  'sdoh',
  'functional-status',
  'disability-status',
  'cognitive-status',
  'clinical-test',
]);

/** Resource types that only carry errors or outcomes: filtering them out drops no EHI. */
export const NON_DATA_RESOURCE_TYPES: ReadonlySet<string> = new Set(['OperationOutcome', 'Parameters', 'Bundle', 'CapabilityStatement']);

/** Whether a string is a FHIR resource type name, compared exactly (FHIR type names are case-sensitive). */
export function isResourceType(value: string): boolean {
  return FHIR_RESOURCE_TYPES.has(value);
}

/* ---------- media types ---------- */

/** Media types the FHIR specification defines or requires servers to accept for resources (R4 section 3.1.0 "Content Types"). */
const FHIR_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/fhir+json',
  'application/fhir+xml',
  'application/fhir+turtle',
  'application/json',
  'application/xml',
  'application/json+fhir',
  'application/xml+fhir',
  'text/xml',
  'application/fhir+ndjson',
  'application/ndjson',
  'application/x-ndjson',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/xml-patch+xml',
  'application/x-www-form-urlencoded',
  'text/turtle',
  'text/html',
  'text/plain',
]);

/** The type/subtype of a media type, lower case, without parameters (`application/fhir+json; fhirVersion=4.0` → `application/fhir+json`). */
export function baseMediaType(value: string): string {
  return value.split(';')[0].trim().toLowerCase();
}

/** A media type a FHIR client can rely on: the FHIR types, plain JSON/XML, the FHIR `_format` shorthands. */
export function isStandardFhirMediaType(value: string): boolean {
  const base = baseMediaType(value);
  return FHIR_MEDIA_TYPES.has(base) || /^(json|xml|ttl|ndjson|html)$/.test(base);
}

/**
 * A vendor-specific or unregistered media type (`application/vnd.acme+json`, `application/x-acme`,
 * `text/x-acme`, `application/prs.acme`) that is not one of the FHIR types.
 */
export function isVendorMediaType(value: string): boolean {
  const base = baseMediaType(value);
  if (isStandardFhirMediaType(base)) return false;
  return /^[a-z]+\/(vnd\.|x-|prs\.)[\w.+-]+$/.test(base);
}

/** The spellings of NDJSON that the Bulk Data Access IG requires an export to accept. */
export function isNdjsonFormat(value: string): boolean {
  const base = baseMediaType(value);
  return base === 'application/fhir+ndjson' || base === 'application/ndjson' || base === 'ndjson' || base === 'application/x-ndjson';
}

/* ---------- FHIR routes ---------- */

/**
 * Whether a URL path is a FHIR REST path: a `fhir` (or FHIR-version) segment, a resource type as a
 * segment (case-sensitive, as FHIR types are), or a `$operation` beside one of those.
 */
export function isFhirPath(path: string): boolean {
  const segments = path.split(/[/?#]+/).map((s) => s.replace(/^[:{<[]+|[}>\]]+$/g, '')).filter((s) => s.length > 0);
  return segments.some((s) => /^(fhir|r4|r4b|stu3|dstu2|baseR4|baseR4B|baseDstu3)$/i.test(s) || FHIR_RESOURCE_TYPES.has(s));
}

/** The resource types named as segments of a path (`/fhir/Binary/:id` → `Binary`). */
export function resourceTypesInPath(path: string): string[] {
  return path.split(/[/?#]+/).filter((s) => FHIR_RESOURCE_TYPES.has(s));
}

/* ---------- US Core ---------- */

/** Canonical URLs of US Core profiles and the US Core IG start with this. */
export const US_CORE_CANONICAL = 'hl7.org/fhir/us/core';
