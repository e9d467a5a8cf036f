import type { Bundle, BundleEntry, OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';

/**
 * The upstream EHR mixes OperationOutcome entries (search warnings, "too many
 * matches" notices) into searchset bundles with mode=outcome. Apps choke on them,
 * so the edge lifts them out of the entry list and reports them separately.
 */
export interface SplitBundle {
  bundle: Bundle;
  issues: OperationOutcomeIssue[];
}

function isOutcomeEntry(entry: BundleEntry): boolean {
  return entry.resource?.resourceType === 'OperationOutcome' || entry.search?.mode === 'outcome';
}

export function splitOutcomes(upstream: Bundle): SplitBundle {
  const entries = upstream.entry ?? [];
  const issues = entries
    .filter(isOutcomeEntry)
    .flatMap((e) => (e.resource as OperationOutcome | undefined)?.issue ?? []);

  const dataEntries = entries.filter((e) => !isOutcomeEntry(e));

  return {
    bundle: { ...upstream, entry: dataEntries },
    issues,
  };
}

/** Warnings go back to the caller in a header so nothing is lost. */
export function outcomeHeader(issues: OperationOutcomeIssue[]): string | undefined {
  if (issues.length === 0) return undefined;
  return issues
    .map((i) => `${i.severity}:${i.code}:${(i.diagnostics ?? '').replace(/[\r\n]+/g, ' ')}`)
    .join('; ')
    .slice(0, 4000);
}
