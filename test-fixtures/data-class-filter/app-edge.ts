import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Bundle, BundleEntry, FhirResource, Observation } from 'fhir/r4';
import { map, Observable } from 'rxjs';

const APP_VISIBLE_CATEGORIES = ['vital-signs', 'laboratory'];
const HIDDEN_FROM_APPS = new Set(['DocumentReference', 'Media']);
const PORTAL_TYPES = ['Patient', 'Condition', 'Observation'];
const EVERYTHING_TYPES = ['Condition', 'Observation', 'MedicationRequest', 'AllergyIntolerance'];
const SENSITIVE_TYPES = ['DocumentReference'];

function hasVisibleCategory(obs: Observation): boolean {
  return (obs.category ?? []).some((cc) => (cc.coding ?? []).some((c) => APP_VISIBLE_CATEGORIES.includes(c.code ?? '')));
}

export function observationsForApps(upstream: Bundle): Bundle {
  // ruleid: data-class-filter
  const entries = (upstream.entry ?? []).filter((e) => (e.resource?.resourceType === 'Observation' ? hasVisibleCategory(e.resource) : true));
  return { ...upstream, entry: entries };
}

export function observationsThePatientAskedFor(upstream: Bundle, wanted: string): Bundle {
  // The category is the one the patient picked in the app.
  // ok: data-class-filter
  const entries = (upstream.entry ?? []).filter((e) => !wanted || (e.resource as Observation).category?.[0]?.coding?.[0]?.code === wanted);
  return { ...upstream, entry: entries };
}

@Injectable()
export class HideDocumentsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<Bundle> {
    return next.handle().pipe(
      // ruleid: data-class-filter
      map((bundle: Bundle) => ({ ...bundle, entry: bundle.entry?.filter((e) => !HIDDEN_FROM_APPS.has(e.resource!.resourceType)) })),
    );
  }
}

@Injectable()
export class StripOutcomesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<Bundle> {
    return next.handle().pipe(
      // ok: data-class-filter
      map((bundle: Bundle) => ({ ...bundle, entry: bundle.entry?.filter((e) => e.resource!.resourceType !== 'OperationOutcome') })),
    );
  }
}

export function feedForHie(resources: FhirResource[]): FhirResource[] {
  const out: FhirResource[] = [];
  let skipped = 0;
  for (const r of resources) {
    // ruleid: data-class-filter
    switch (r.resourceType) {
      case 'DocumentReference':
      case 'Media':
        skipped++;
        continue;
      default:
        out.push(r);
    }
  }
  console.debug(`skipped ${skipped}`);
  return out;
}

export function ingest(resources: FhirResource[]): void {
  for (const r of resources) {
    // Routing: Patient goes to the MPI, everything else to the store.
    // ok: data-class-filter
    switch (r.resourceType) {
      case 'Patient':
        upsertPatient(r);
        continue;
      default:
        store(r);
    }
  }
}

export function appBundle(entries: BundleEntry[]): BundleEntry[] {
  // ruleid: data-class-filter
  return entries.filter((e) => {
    switch (e.resource?.resourceType) {
      case 'DocumentReference':
        return false;
      default:
        return true;
    }
  });
}

export function shareableEntries(bundle: Bundle): Bundle {
  const kept: BundleEntry[] = [];
  for (const e of bundle.entry ?? []) {
    // ruleid: data-class-filter
    if (PORTAL_TYPES.includes(e.resource!.resourceType)) kept.push(e);
  }
  return { ...bundle, entry: kept };
}

export function countObservations(bundle: Bundle): number {
  const observations: BundleEntry[] = [];
  for (const e of bundle.entry ?? []) {
    // ok: data-class-filter
    if (e.resource!.resourceType === 'Observation') observations.push(e);
  }
  return observations.length;
}

export function sharedWithHie(resources: FhirResource[], consent: { permitsSharing(r: FhirResource): boolean }): FhirResource[] {
  const out: FhirResource[] = [];
  for (const r of resources) {
    // Withheld only where the patient's recorded consent does not cover the document.
    // ok: data-class-filter
    if (SENSITIVE_TYPES.includes(r.resourceType) && !consent.permitsSharing(r)) continue;
    out.push(r);
  }
  return out;
}

export function clinicianInboxItems(entries: BundleEntry[]): BundleEntry[] {
  // What lands in the clinician's own in-basket, not what a requestor receives.
  // ok: data-class-filter
  return entries.filter((e) => ['DiagnosticReport', 'Observation'].includes(e.resource!.resourceType));
}

router.get('/fhir/Patient/:id/$everything', async (req, res) => {
  // ruleid: data-class-filter
  const searches = await Promise.all(EVERYTHING_TYPES.map((type) => fhir.search(type, { patient: req.params.id })));
  res.json(toBundle(searches));
});

export async function warmTerminologyCache(): Promise<void> {
  // ok: data-class-filter
  await Promise.all(EVERYTHING_TYPES.map((type) => cache.prime(type)));
}

declare const router: { get(path: string, handler: (req: any, res: any) => Promise<void>): void };
declare const fhir: { search(type: string, params: Record<string, string>): Promise<Bundle> };
declare const cache: { prime(type: string): Promise<void> };
declare function toBundle(b: Bundle[]): Bundle;
declare function upsertPatient(r: FhirResource): void;
declare function store(r: FhirResource): void;

/** The lab results view of the app: other types are served by their own endpoints. */
export function getLabResults(bundle: Bundle): BundleEntry[] {
  // ok: data-class-filter
  return (bundle.entry ?? []).filter((e) => ['Observation', 'DiagnosticReport'].includes(e.resource!.resourceType));
}
