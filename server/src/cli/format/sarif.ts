/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning among them): rule metadata with help,
 * `helpUri`, `precision` and `problem.severity`; URIs relative to the repository root under the
 * `SRCROOT` base (whose absolute path is not written: it is the build machine's); `partialFingerprints`
 * (ours and `primaryLocationLineHash`) that survive unrelated line moves; messages linking their
 * related locations (`[text](id)`); `versionControlProvenance` (commit, branch, remote) read from the
 * repository; an `automationDetails` id carrying GitHub's category; the exceptions that could apply
 * (and the one documented) as `properties.tags`; documented exceptions as suppressed results; and
 * files that could not be analysed as tool notifications.
 */
import { pathToFileURL } from 'url';
import * as path from 'path';
import { ruleMarkdown, ruleText } from '../../core/docs';
import type { Finding, Notice } from '../../core/engine';
import { ruleDocsUrl, TOOL_NAME, TOOL_VERSION, REPOSITORY_URL } from '../../core/meta';
import type { Severity } from '../../core/rule';
import type { Range } from '../../core/text';
import { repoPath, Report } from './report';

export const SRCROOT = 'SRCROOT';
/** The default category; `runs[].automationDetails.id` is `<category>/` (GitHub's category is the part before the last `/`). */
export const DEFAULT_CATEGORY = TOOL_NAME;
export const AUTOMATION_ID = `${DEFAULT_CATEGORY}/`;
/** The key of our fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'ehiLint/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning's `problem.severity` for a rule's default level. */
const PROBLEM_SEVERITY: Record<Severity, 'error' | 'warning' | 'recommendation'> = { error: 'error', warning: 'warning', info: 'recommendation' };

/** How a path is written: relative to the base under `SRCROOT`, or (a file outside the base) as an absolute file URI. */
type Locate = (file: string) => { uri: string; uriBaseId?: string };

export function sarifLog(report: Report): object {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.meta.id, i]));
  const results: object[] = [];
  const notifications: object[] = [];
  const locate: Locate = (file) => {
    const relative = repoPath(report, file);
    return relative.startsWith('../') || path.isAbsolute(relative) ? { uri: pathToFileURL(path.resolve(report.root, file)).href } : { uri: uri(relative), uriBaseId: SRCROOT };
  };
  for (const file of report.files) {
    for (const f of file.findings) results.push(result(f, file.path, ruleIndex, locate));
    for (const f of file.suppressed) results.push(result(f, file.path, ruleIndex, locate));
    for (const n of file.notices) notifications.push(notification(n, file.path, locate));
  }
  for (const s of report.skipped) notifications.push({ level: 'note', message: { text: `${s.path}: skipped: ${s.reason}` }, descriptor: { id: 'skipped' } });
  const repository = report.base.repository;
  const provenance =
    repository?.remote && repository.commit && repository.root === report.base.dir
      ? { versionControlProvenance: [{ repositoryUri: repository.remote, revisionId: repository.commit, ...(repository.branch ? { branch: repository.branch } : {}), mappedTo: { uriBaseId: SRCROOT } }] }
      : {};
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: REPOSITORY_URL,
            rules: report.rules.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.title },
              fullDescription: { text: r.meta.docs.summary },
              help: { text: ruleText(r), markdown: ruleMarkdown(r) },
              helpUri: ruleDocsUrl(r.meta.id),
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: {
                tags: ['information-blocking', '45-CFR-171', ...r.meta.exceptions.map((e) => `exception:${e}`)],
                languages: r.meta.languages,
                precision: r.meta.precision ?? (r.meta.id.startsWith('exception-') ? 'very-high' : 'high'),
                'problem.severity': PROBLEM_SEVERITY[r.meta.severity],
              },
            })),
          },
        },
        automationDetails: { id: `${report.base.category}/` },
        // The base's absolute path stays out of the log: consumers (code scanning) map SRCROOT onto their checkout.
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository (or of --base-dir).' } } },
        ...provenance,
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
}

export function formatSarif(report: Report): string {
  return JSON.stringify(sarifLog(report), null, 2) + '\n';
}

function uri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function location(locate: Locate, path: string, range: Range) {
  return { physicalLocation: { artifactLocation: locate(path), region: region(range) } };
}

/** Message text with `[`, `]` and `\\` escaped, as SARIF requires where `[text](id)` links are allowed. */
function escapeMessage(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}

function result(f: Finding, path: string, ruleIndex: Map<string, number>, locate: Locate): object {
  // A message with related locations links them (`[the limiter](1)`), so viewers can jump to each.
  const text = f.related.length > 0 ? `${escapeMessage(f.message)} Related: ${f.related.map((r, i) => `[${escapeMessage(r.message)}](${i + 1})`).join(', ')}.` : f.message;
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: LEVEL[f.severity],
    message: { text },
    locations: [location(locate, path, f.range)],
    // Both depend on the text of the construct (and its occurrence), not on its line number.
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint, primaryLocationLineHash: f.fingerprint },
    properties: {
      exceptions: f.exceptions,
      tags: [...f.exceptions.map((e) => `exception:${e}`), ...(f.suppression ? [`documented:${f.suppression.exception}`] : [])],
    },
  };
  if (f.related.length > 0) out.relatedLocations = f.related.map((r, i) => ({ id: i + 1, ...location(locate, r.file ?? path, r.range), message: { text: r.message } }));
  if (f.suppression) {
    const s = f.suppression;
    const suppression: Record<string, unknown> = {
      kind: s.kind,
      status: 'accepted',
      justification: s.justification,
      properties: { exception: s.exception, owner: s.owner, reviewBy: s.reviewBy, ...(s.approvedBy ? { approvedBy: s.approvedBy } : {}), ...(s.ticket ? { ticket: s.ticket } : {}) },
    };
    if (s.location.range) suppression.location = location(locate, s.location.file, s.location.range);
    out.suppressions = [suppression];
  }
  if ((out.ruleIndex as number) < 0) delete out.ruleIndex;
  return out;
}

function notification(n: Notice, path: string, locate: Locate): object {
  return {
    level: n.code === 'syntax' ? 'warning' : 'error',
    message: { text: `${path}: ${n.message}` },
    descriptor: { id: n.code },
    locations: [n.range ? location(locate, path, n.range) : { physicalLocation: { artifactLocation: locate(path) } }],
  };
}
