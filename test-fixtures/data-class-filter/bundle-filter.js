const EXCLUDED = ['DocumentReference', 'DiagnosticReport'];

function patientView(bundle) {
  // ruleid: data-class-filter
  bundle.entry = bundle.entry.filter((e) => !EXCLUDED.includes(e.resource.resourceType));
  return bundle;
}

function dropOutcomes(bundle) {
  // ok: data-class-filter
  bundle.entry = bundle.entry.filter((e) => !['OperationOutcome'].includes(e.resource.resourceType));
  return bundle;
}

module.exports = { patientView, dropOutcomes };
