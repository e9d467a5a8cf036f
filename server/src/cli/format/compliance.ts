/**
 * What the compliance reports (Markdown and HTML) show, computed once from the `Report`: counts by
 * rule and by severity, every open finding with a link to its line, the register of documented
 * exceptions, those whose `review-by` falls in the next 30 days (and those already past it), and
 * the files that could not be analysed.
 */
import * as path from 'path';
import type { DocumentedException } from '../../core/engine';
import { TOOL_NAME, TOOL_VERSION } from '../../core/meta';
import type { Severity } from '../../core/rule';
import type { Report } from './report';

export const EXPIRY_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export interface RuleCount {
  id: string;
  title: string;
  open: number;
  documented: number;
  bySeverity: Record<Severity, number>;
}

export interface OpenFinding {
  path: string;
  line: number;
  column: number;
  severity: Severity;
  ruleId: string;
  message: string;
  exceptions: string[];
  href: string;
}

export interface ExceptionRecord {
  path: string;
  line: number;
  href: string;
  rules: string;
  exception: string;
  exceptionTitle: string;
  reason: string;
  owner: string;
  approvedBy?: string;
  ticket?: string;
  reviewBy: string;
  status: DocumentedException['status'];
  /** Where it is written: a comment in the file, or the register. */
  form: string;
  /** Days from the scan date to `review-by` (negative when past), when the date is readable. */
  daysLeft?: number;
}

export interface Unanalysed {
  path: string;
  problem: string;
  href?: string;
}

export interface ComplianceData {
  title: string;
  generated: string;
  tool: string;
  scope: string[];
  summary: Report['summary'];
  byRule: RuleCount[];
  bySeverity: Record<Severity, number>;
  findings: OpenFinding[];
  exceptions: ExceptionRecord[];
  /** `review-by` within the next 30 days. */
  expiring: ExceptionRecord[];
  /** `review-by` already past. */
  expired: ExceptionRecord[];
  /** One row per problem (a file may have several). */
  unanalysed: Unanalysed[];
  /** How many files (or command-line paths) the rows are about. */
  unanalysedFiles: number;
}

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** A link to a line: under `links.base` when given, else relative to where the report is read. */
export function lineLink(report: Report, file: string, line: number): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  if (report.links.base) return `${report.links.base}/${encoded}#L${line}`;
  const relative = path.relative(report.links.from, path.resolve(report.root, file)).split(path.sep).map(encodeURIComponent).join('/');
  return `${relative}#L${line}`;
}

export function complianceData(report: Report): ComplianceData {
  const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });
  const byRule = new Map<string, RuleCount>(report.rules.map((r) => [r.meta.id, { id: r.meta.id, title: r.meta.title, open: 0, documented: 0, bySeverity: zero() }]));
  const count = (id: string): RuleCount => {
    let c = byRule.get(id);
    if (!c) byRule.set(id, (c = { id, title: id, open: 0, documented: 0, bySeverity: zero() }));
    return c;
  };
  const bySeverity = zero();
  const findings: OpenFinding[] = [];
  const exceptions: ExceptionRecord[] = [];
  const unanalysed: Unanalysed[] = [];
  const today = Date.parse(report.now.toISOString().slice(0, 10));

  for (const file of report.files) {
    for (const f of file.findings) {
      const c = count(f.ruleId);
      c.open++;
      c.bySeverity[f.severity]++;
      bySeverity[f.severity]++;
      const line = f.range.start.line + 1;
      findings.push({
        path: file.path,
        line,
        column: f.range.start.character + 1,
        severity: f.severity,
        ruleId: f.ruleId,
        message: f.message,
        exceptions: f.exceptions,
        href: lineLink(report, file.path, line),
      });
    }
    for (const f of file.suppressed) count(f.ruleId).documented++;
    for (const e of file.exceptions) {
      const documentedIn = e.form === 'register' ? 'register' : 'comment';
      const line = e.range.start.line + 1;
      const due = e.reviewBy && /^\d{4}-\d{2}-\d{2}$/.test(e.reviewBy) ? Date.parse(e.reviewBy) : NaN;
      exceptions.push({
        path: file.path,
        line,
        href: lineLink(report, file.path, line),
        rules: e.ruleIds.join(', '),
        exception: e.exception,
        exceptionTitle: e.exceptionTitle ?? e.exception,
        reason: e.reason ?? '',
        owner: e.owner ?? '',
        ...(e.approvedBy ? { approvedBy: e.approvedBy } : {}),
        ...(e.ticket ? { ticket: e.ticket } : {}),
        reviewBy: e.reviewBy ?? '',
        status: e.status,
        form: documentedIn,
        ...(Number.isNaN(due) ? {} : { daysLeft: Math.round((due - today) / DAY_MS) }),
      });
    }
    for (const n of file.notices) {
      const line = n.range ? n.range.start.line + 1 : 1;
      unanalysed.push({ path: file.path, problem: n.message, href: lineLink(report, file.path, line) });
    }
  }
  for (const s of report.skipped) unanalysed.push({ path: s.path, problem: `skipped: ${s.reason}` });

  const order = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => order[a.severity] - order[b.severity] || a.ruleId.localeCompare(b.ruleId) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  exceptions.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));

  const scope = [`Paths: ${report.scope.paths.join(', ')}`];
  if (report.scope.config) scope.push(`Configuration: ${report.scope.config}`);
  if (report.scope.changedSince) scope.push(`Only lines changed since ${report.scope.changedSince}`);
  if (report.scope.baseline) scope.push(`Findings recorded in the baseline ${report.scope.baseline} are not listed (${report.summary.baselined})`);
  if (report.scope.shard) scope.push(`Shard ${report.scope.shard} of the files`);

  return {
    title: 'EHI Lint compliance report',
    generated: report.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tool: `${TOOL_NAME} ${TOOL_VERSION}`,
    scope,
    summary: report.summary,
    byRule: [...byRule.values()],
    bySeverity,
    findings,
    exceptions,
    expiring: exceptions.filter((e) => e.daysLeft !== undefined && e.daysLeft >= 0 && e.daysLeft <= EXPIRY_WINDOW_DAYS),
    expired: exceptions.filter((e) => (e.daysLeft !== undefined && e.daysLeft < 0) || e.status === 'expired'),
    unanalysed,
    unanalysedFiles: new Set(unanalysed.map((u) => u.path)).size,
  };
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Who answers for a record: its owner, and who approved it and under which ticket when it says. */
export function accountability(e: ExceptionRecord): string {
  return [e.owner || '—', ...(e.approvedBy ? [`approved by ${e.approvedBy}`] : []), ...(e.ticket ? [e.ticket] : [])].join(' · ');
}
