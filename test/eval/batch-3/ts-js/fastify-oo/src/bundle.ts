export function stripOutcomes(bundle: any) {
  // search bundles carry OperationOutcome warnings we don't forward
  bundle.entry = (bundle.entry ?? []).filter((e: any) => e.resource?.resourceType !== 'OperationOutcome');
  return bundle;
}
