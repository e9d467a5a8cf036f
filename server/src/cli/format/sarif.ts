/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning among them): rule metadata with help and
 * `helpUri`, relative URIs under the `SRCROOT` base (`originalUriBaseIds`), `partialFingerprints`
 * that survive unrelated line moves, an `automationDetails` id (GitHub's category), the exceptions
 * that could apply (and the one documented) as `properties.tags`, documented exceptions as
 * suppressed results, and files that could not be analysed as tool notifications.
 */
import { pathToFileURL } from 'url';
import { ruleMarkdown, ruleText } from '../../core/docs';
import type { Finding, Notice } from '../../core/engine';
import { ruleDocsUrl, TOOL_NAME, TOOL_VERSION, REPOSITORY_URL } from '../../core/meta';
import type { Severity } from '../../core/rule';
import type { Range } from '../../core/text';
import type { Report } from './report';

export const SRCROOT = 'SRCROOT';
/** `runs[].automationDetails.id`: GitHub code scanning's category is the part before the last `/`. */
export const AUTOMATION_ID = `${TOOL_NAME}/`;
/** The key of our fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'ehiLint/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function sarifLog(report: Report): object {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.meta.id, i]));
  const results: object[] = [];
  const notifications: object[] = [];
  for (const file of report.files) {
    for (const f of file.findings) results.push(result(f, file.path, ruleIndex));
    for (const f of file.suppressed) results.push(result(f, file.path, ruleIndex));
    for (const n of file.notices) notifications.push(notification(n, file.path));
  }
  for (const s of report.skipped) notifications.push({ level: 'note', message: { text: `${s.path}: skipped: ${s.reason}` }, descriptor: { id: 'skipped' } });
  const root = pathToFileURL(report.root).href.replace(/\/?$/, '/');
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
              properties: { tags: ['information-blocking', '45-CFR-171', ...r.meta.exceptions.map((e) => `exception:${e}`)], languages: r.meta.languages },
            })),
          },
        },
        automationDetails: { id: AUTOMATION_ID },
        originalUriBaseIds: { [SRCROOT]: { uri: root } },
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

function location(path: string, range: Range) {
  return { physicalLocation: { artifactLocation: { uri: uri(path), uriBaseId: SRCROOT }, region: region(range) } };
}

function result(f: Finding, path: string, ruleIndex: Map<string, number>): object {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(path, f.range)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      exceptions: f.exceptions,
      tags: [...f.exceptions.map((e) => `exception:${e}`), ...(f.suppression ? [`documented:${f.suppression.exception}`] : [])],
    },
  };
  if (f.related.length > 0) out.relatedLocations = f.related.map((r, i) => ({ id: i + 1, ...location(r.file ?? path, r.range), message: { text: r.message } }));
  if (f.suppression) {
    const s = f.suppression;
    const suppression: Record<string, unknown> = {
      kind: s.kind,
      status: 'accepted',
      justification: s.justification,
      properties: { exception: s.exception, owner: s.owner, reviewBy: s.reviewBy, ...(s.approvedBy ? { approvedBy: s.approvedBy } : {}), ...(s.ticket ? { ticket: s.ticket } : {}) },
    };
    if (s.location.range) suppression.location = location(s.location.file, s.location.range);
    out.suppressions = [suppression];
  }
  if ((out.ruleIndex as number) < 0) delete out.ruleIndex;
  return out;
}

function notification(n: Notice, path: string): object {
  return {
    level: n.code === 'syntax' ? 'warning' : 'error',
    message: { text: `${path}: ${n.message}` },
    descriptor: { id: n.code },
    locations: [n.range ? location(path, n.range) : { physicalLocation: { artifactLocation: { uri: uri(path), uriBaseId: SRCROOT } } }],
  };
}
