import type { Bundle, BundleEntry, FhirResource } from 'fhir/r4';

const PATIENT_VISIBLE_TYPES = ['Patient', 'Observation', 'Condition', 'MedicationRequest'];

export function toPatientBundle(entries: BundleEntry[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    // ruleid: data-class-filter
    entry: entries.filter((e) => PATIENT_VISIBLE_TYPES.includes(e.resource!.resourceType)),
  };
}

export function withoutNotes(entries: BundleEntry[]): BundleEntry[] {
  // ruleid: data-class-filter
  return entries.filter((e) => e.resource?.resourceType !== 'DocumentReference');
}

export function withoutErrors(entries: BundleEntry[]): BundleEntry[] {
  // Error envelopes are not EHI.
  // ok: data-class-filter
  return entries.filter((e) => e.resource?.resourceType !== 'OperationOutcome');
}

export function summarise(entries: BundleEntry[]): number {
  // Selecting one type to compute something is routing, not withholding.
  // ok: data-class-filter
  const observations = entries.filter((e) => e.resource?.resourceType === 'Observation');
  return observations.length;
}

export function strip(resources: FhirResource[]): FhirResource[] {
  const out: FhirResource[] = [];
  for (const r of resources) {
    // ruleid: data-class-filter
    if (r.resourceType === 'DiagnosticReport' || r.resourceType === 'DocumentReference') continue;
    out.push(r);
  }
  return out;
}

export function route(resources: FhirResource[]): void {
  for (const r of resources) {
    // ok: data-class-filter
    if (r.resourceType === 'Patient') {
      upsertPatient(r);
      continue;
    }
    index(r);
  }
}

export function labsAndVitalsOnly(observations: any[]): any[] {
  // ruleid: data-class-filter
  return observations.filter((o) => ['laboratory', 'vital-signs'].includes(o.category[0].coding[0].code));
}

export function withoutPsychotherapyNotes(notes: any[]): any[] {
  // Psychotherapy notes are excluded from EHI by definition.
  // ok: data-class-filter
  return notes.filter((n) => n.noteType !== 'psychotherapy');
}
