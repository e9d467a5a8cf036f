/**
 * The compliance evidence pack as data, for any face to render: every documented exception (comments
 * and register entries) with its exception and CFR section, each condition it must meet and the field
 * that meets it, who answers for it, when it expires, where it is (with a permalink at the commit),
 * the findings it documents, where the restriction is recorded at run time, and when it was written;
 * which rules checked which files; open findings by rule and by practice. Built from a scan's
 * results; deterministic (sorted, no absolute paths), with one timestamp, `generatedAt`.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { EXCEPTIONS, fieldsOf, isExceptionId, requiredFields, sectionUrl } from '../core/annotations/exceptions';
import { entryAnnotation, parseRegister, RegisterEntry } from '../core/annotations/register';
import { checkValue, isoDate, isPlaceholderReason, validateAnnotation } from '../core/annotations/validate';
import type { DocumentedException, EnabledRule, FileAnalysis, Finding } from '../core/engine';
import type { LanguageId } from '../core/language';
import { TOOL_NAME, TOOL_VERSION } from '../core/meta';
import { isTestPath } from '../core/test-code';
import type { Rule, Severity } from '../core/rule';
import { LineIndex, Range } from '../core/text';
import { auditPattern } from '../domain/audit';
import { AuditCall, AuditTracer } from './audit-trace';
import { blame, BlameLines, inRepository, LineCommit, NoRepository, permalink, RepositoryState } from './history';

export const EVIDENCE_FORMAT_VERSION = 1;
/** `review-by` within this many days counts as due soon (as `exception-expiring` and the compliance report judge it by default). */
export const DUE_SOON_DAYS = 30;
const DAY_MS = 86_400_000;
/** Blame runs at once. */
const BLAME_PROCESSES = 4;

/** One analysed file, as the coverage lists it (collected while the scan runs, for every file). */
export interface CoverageRow {
  path: string;
  language?: LanguageId;
  lines: number;
  parsed: boolean;
  notices: string[];
}

export interface EvidenceInput {
  /** Absolute folder the scan's paths are relative to. */
  root: string;
  /** Files with findings, documented exceptions or notices. */
  files: FileAnalysis[];
  /** Every analysed file. */
  coverage: CoverageRow[];
  /** Files discovery left out, and why. */
  skipped: { path: string; reason: string }[];
  /** Every rule, and those enabled with their levels and options. */
  rules: readonly Rule[];
  enabled: EnabledRule[];
  auditPattern: string;
  /** The exception register, when there is one: its path as reports name it, and its text. */
  register?: { path: string; text: string };
  /** The day `review-by` dates are judged against. */
  now: Date;
  /** The pack's one timestamp. */
  generatedAt: string;
  scope: { paths: string[]; config?: string };
  repository: RepositoryState | NoRepository;
  /** `<linkBase>/<path>#L<line>` instead of forge permalinks. */
  linkBase?: string;
  /** The text of a file, by the path reports name it; undefined when it cannot be read. */
  read(file: string): Promise<string | undefined>;
}

export type RecordStatus = DocumentedException['status'] | 'stale' | 'not-scanned';

export interface Location {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Condition {
  field: string;
  description: string;
  /** `required` always; `conditional` when another field has one of `requiredWhen.values`; `optional` never. */
  requirement: 'required' | 'conditional' | 'optional';
  requiredWhen: { field: string; values: string[] } | null;
  /** Whether this record must have it. */
  required: boolean;
  value: string | null;
  status: 'met' | 'missing' | 'invalid' | 'not-required';
  /** Why the value does not meet it. */
  problem: string | null;
}

export interface DocumentedFinding {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  message: string;
  fingerprint: string;
}

export interface AuditTrace {
  /**
   * `recorded`: every restricted path calls the audit log; `missing`: one does not (what
   * `exception-unaudited` reports); `no-code-path`: the documented findings are in configuration
   * or in setup code, with no request path to log from; `documents-nothing`: the record documents no finding.
   */
  status: 'recorded' | 'missing' | 'no-code-path' | 'documents-nothing';
  paths: { label: string; path: string; line: number; calls: AuditCall[] }[];
}

export interface History {
  available: boolean;
  /** Why there is no history (not in a git repository, file not committed). */
  reason: string | null;
  /** The oldest commit among the record's lines: when it was written. */
  added: LineCommit | null;
  /** The newest commit among them: when it last changed. */
  lastChanged: LineCommit | null;
  /** Lines of the record not yet committed. */
  uncommittedLines: number;
}

export interface ExceptionEvidence {
  /** `path:line` of the record (for register entries, of the entry in the register). */
  id: string;
  exception: string;
  title: string | null;
  /** `45 CFR 171.205`. */
  section: string | null;
  sectionUrl: string | null;
  /** When the exception applies, in the catalogue's words. */
  requirements: string | null;
  status: RecordStatus;
  problems: { kind: string; message: string }[];
  form: 'block' | 'inline' | 'register';
  rules: string[];
  reason: string | null;
  owner: string | null;
  approvedBy: string | null;
  ticket: string | null;
  expiry: { reviewBy: string | null; daysLeft: number | null; state: 'current' | 'due-soon' | 'expired' | 'none' };
  conditions: Condition[];
  /** Fields the catalogue does not define (a team's own). */
  otherFields: { name: string; value: string }[];
  /** Where the record is written. */
  location: Location;
  /** The construct it documents. */
  target: { path: string; line: number; column: number } | null;
  permalink: string | null;
  /** Why there is no permalink. */
  permalinkNote: string | null;
  documents: DocumentedFinding[];
  audit: AuditTrace;
  history: History;
}

export interface SourceInfo {
  git: boolean;
  /** Why there is no git information. */
  unavailable: string | null;
  commit: string | null;
  branch: string | null;
  repository: string | null;
}

export interface ExceptionsDocument {
  version: number;
  generatedAt: string;
  tool: { name: string; version: string };
  source: SourceInfo;
  scope: { paths: string[]; config: string | null; register: string | null };
  auditPattern: string;
  totals: { records: number; documentedFindings: number; byStatus: Record<RecordStatus, number> };
  exceptions: ExceptionEvidence[];
}

export interface RuleSummary {
  id: string;
  title: string;
  practice: string;
  level: Severity | 'off';
  open: number;
  bySeverity: Record<Severity, number>;
  documented: number;
}

export interface PracticeSummary {
  practice: string;
  rules: string[];
  open: number;
  bySeverity: Record<Severity, number>;
  documented: number;
}

export interface CoverageDocument {
  version: number;
  generatedAt: string;
  tool: { name: string; version: string };
  source: SourceInfo;
  scope: { paths: string[]; config: string | null };
  ruleset: { version: string; rules: { id: string; version: number; level: Severity | 'off'; options: Record<string, unknown>; languages: string[]; skipsTestCode: boolean }[] };
  totals: { files: number; parsed: number; notFullyAnalysed: number; skipped: number; lines: number };
  /** Per rule, how many files it checked. */
  checkedBy: Record<string, number>;
  files: { path: string; language: string | null; lines: number; parsed: boolean; rules: string[]; notices: string[] }[];
  skipped: { path: string; reason: string }[];
  findings: { open: number; documented: number; byRule: RuleSummary[]; byPractice: PracticeSummary[] };
}

export interface EvidencePack {
  exceptions: ExceptionsDocument;
  coverage: CoverageDocument;
}

const STATUSES: RecordStatus[] = ['valid', 'incomplete', 'invalid', 'expired', 'stale', 'not-scanned'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export async function buildEvidencePack(input: EvidenceInput): Promise<EvidencePack> {
  const source = sourceInfo(input.repository);
  const exceptions = await exceptionRecords(input);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<RecordStatus, number>;
  for (const e of exceptions) byStatus[e.status]++;
  const tool = { name: TOOL_NAME, version: TOOL_VERSION };
  return {
    exceptions: {
      version: EVIDENCE_FORMAT_VERSION,
      generatedAt: input.generatedAt,
      tool,
      source,
      scope: { paths: input.scope.paths, config: input.scope.config ?? null, register: input.register?.path ?? null },
      auditPattern: input.auditPattern,
      totals: { records: exceptions.length, documentedFindings: exceptions.reduce((n, e) => n + e.documents.length, 0), byStatus },
      exceptions,
    },
    coverage: coverage(input, source, tool),
  };
}

function sourceInfo(repository: RepositoryState | NoRepository): SourceInfo {
  if ('unavailable' in repository) return { git: false, unavailable: repository.unavailable, commit: null, branch: null, repository: null };
  return { git: true, unavailable: repository.commit ? null : 'the repository has no commit yet', commit: repository.commit ?? null, branch: repository.branch ?? null, repository: repository.web?.url ?? null };
}

const keyOf = (file: string, range: Range): string => `${file}#${range.start.line}:${range.start.character}`;

function location(file: string, range: Range): Location {
  return { path: file, line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A record in the making: where it is, what it says, and what the scan said about it. */
interface Draft {
  exception: string;
  status: RecordStatus;
  problems: { kind: string; message: string }[];
  form: ExceptionEvidence['form'];
  rules: string[];
  fields: { name: string; value: string }[];
  location: Location;
  target: ExceptionEvidence['target'];
  documents: { finding: Finding; path: string }[];
}

async function exceptionRecords(input: EvidenceInput): Promise<ExceptionEvidence[]> {
  const drafts: Draft[] = [];
  // Findings documented by a comment, wherever the finding is (a constant's annotation documents its uses in other files).
  const byComment = new Map<string, { finding: Finding; path: string }[]>();
  for (const file of input.files) {
    for (const f of file.suppressed) {
      const s = f.suppression;
      if (s?.kind !== 'inSource' || !s.location.range) continue;
      const key = keyOf(s.location.file, s.location.range);
      byComment.set(key, [...(byComment.get(key) ?? []), { finding: f, path: file.path }]);
    }
  }
  const registerLines = input.register ? new LineIndex(input.register.text) : undefined;
  const listedEntries = new Set<number>();
  for (const file of input.files) {
    for (const e of file.exceptions) {
      const base = {
        exception: e.exception,
        status: e.status as RecordStatus,
        problems: e.problems.map((p) => ({ kind: p.kind, message: p.message })),
        form: e.form,
        rules: [...e.ruleIds],
        fields: e.fields,
      };
      if (e.register) {
        listedEntries.add(e.register.start);
        const where = registerLines && input.register?.path === e.register.file ? entryRange(registerLines, e.register.start, e.register.end) : e.range;
        drafts.push({
          ...base,
          location: location(e.register.file, where),
          target: { path: file.path, line: e.range.start.line + 1, column: e.range.start.character + 1 },
          documents: file.suppressed.filter((f) => documentedByEntry(f, e)).map((finding) => ({ finding, path: file.path })),
        });
      } else {
        drafts.push({
          ...base,
          location: location(file.path, e.range),
          target: e.target ? { path: file.path, line: e.target.start.line + 1, column: e.target.start.character + 1 } : null,
          documents: byComment.get(keyOf(file.path, e.range)) ?? [],
        });
      }
    }
  }
  if (input.register && registerLines) drafts.push(...(await unlistedEntries(input, registerLines, listedEntries)));

  drafts.sort((a, b) => compare(a.location.path, b.location.path) || a.location.line - b.location.line || a.location.column - b.location.column);
  const tracer = new AuditTracer(auditPattern(input.auditPattern), input.read);
  const histories = await historiesOf(input, drafts);
  const today = Date.parse(isoDate(input.now));
  const out: ExceptionEvidence[] = [];
  for (const [i, d] of drafts.entries()) {
    const known = isExceptionId(d.exception) ? EXCEPTIONS[d.exception] : undefined;
    const value = (name: string): string | null => d.fields.find((f) => f.name === name)?.value.trim() || null;
    const reviewBy = value('review-by');
    const due = reviewBy && /^\d{4}-\d{2}-\d{2}$/.test(reviewBy) ? Date.parse(reviewBy) : NaN;
    const daysLeft = Number.isNaN(due) ? null : Math.round((due - today) / DAY_MS);
    const documents = d.documents
      .map(({ finding, path: file }) => ({ ruleId: finding.ruleId, path: file, line: finding.range.start.line + 1, column: finding.range.start.character + 1, message: finding.message, fingerprint: finding.fingerprint, start: finding.start }))
      .sort((a, b) => compare(a.path, b.path) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId));
    const link = permalinkOf(input, d.location);
    out.push({
      id: `${d.location.path}:${d.location.line}`,
      exception: d.exception,
      title: known?.title ?? null,
      section: known ? `45 CFR ${known.section}` : null,
      sectionUrl: known ? sectionUrl(known.section) : null,
      requirements: known?.conditions ?? null,
      status: d.status,
      problems: d.problems,
      form: d.form,
      rules: [...d.rules].sort(),
      reason: value('reason'),
      owner: value('owner'),
      approvedBy: value('approved-by'),
      ticket: value('ticket'),
      expiry: { reviewBy, daysLeft, state: daysLeft === null ? 'none' : daysLeft < 0 ? 'expired' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'current' },
      conditions: conditionsOf(d),
      otherFields: known ? d.fields.filter((f) => !fieldsOf(known.id).some((s) => s.name === f.name)).map((f) => ({ name: f.name, value: f.value })) : d.fields.map((f) => ({ name: f.name, value: f.value })),
      location: d.location,
      target: d.target,
      permalink: link.url,
      permalinkNote: link.note,
      documents: documents.map(({ start: _start, ...rest }) => rest),
      audit: await auditOf(d, documents, tracer),
      history: histories[i],
    });
  }
  return out;
}

/** A register entry's range, without the line break after its last value. */
function entryRange(lines: LineIndex, start: number, end: number): Range {
  const range = lines.rangeOf(start, end);
  if (range.end.character !== 0 || range.end.line === range.start.line) return range;
  const last = range.end.line - 1;
  return { start: range.start, end: { line: last, character: lines.lineEnd(last) - lines.lineStart(last) } };
}

/** A finding a register entry documents: suppressed by the register, by the same exception and reason, in the entry's target. */
function documentedByEntry(f: Finding, e: DocumentedException): boolean {
  const s = f.suppression;
  if (s?.kind !== 'external' || s.location.file !== e.register?.file || s.exception !== e.exception || s.justification !== (e.reason ?? '')) return false;
  const inside = (r: Range): boolean => !before(r.start, e.range.start) && (before(r.start, e.range.end) || sameRange(e.range));
  return inside(f.range) || f.related.some((r) => !r.file && inside(r.range));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function sameRange(r: Range): boolean {
  return r.start.line === r.end.line && r.start.character === r.end.character;
}

/**
 * Register entries no scanned file listed: their file or location is gone (stale), or their file was
 * not part of this scan. They are evidence too: an auditor sees the record and that it documents nothing.
 */
async function unlistedEntries(input: EvidenceInput, lines: LineIndex, listed: Set<number>): Promise<Draft[]> {
  const register = input.register!;
  const scanned = new Set(input.coverage.map((c) => c.path));
  const drafts: Draft[] = [];
  for (const entry of parseRegister(register.path, register.text).entries) {
    if (listed.has(entry.entryStart)) continue;
    const documented = displayOf(input.root, register.path, entry);
    const exists = scanned.has(documented) || (await input.read(documented)) !== undefined;
    const annotation = entryAnnotation(entry);
    validateAnnotation(annotation, input.now);
    const status: RecordStatus = scanned.has(documented) || !exists ? 'stale' : 'not-scanned';
    const why = !exists
      ? `the file ${documented} does not exist`
      : status === 'stale'
        ? `${entry.at !== undefined ? `"${entry.at}"` : `line ${entry.line}`} is not found in ${documented}`
        : `${documented} was not part of this scan`;
    drafts.push({
      exception: entry.exception.trim(),
      status,
      problems: [{ kind: status === 'stale' ? 'invalid' : 'not-scanned', message: why }, ...annotation.problems.map((p) => ({ kind: p.kind, message: p.message }))],
      form: 'register',
      rules: entry.rule ? [entry.rule] : [],
      fields: entry.fields.map((f) => ({ name: f.name, value: f.value })),
      location: location(register.path, entryRange(lines, entry.entryStart, entry.entryEnd)),
      target: null,
      documents: [],
    });
  }
  return drafts;
}

/** The documented file of a register entry, as reports name it. */
function displayOf(root: string, registerPath: string, entry: RegisterEntry): string {
  const absolute = path.resolve(root, path.dirname(registerPath), entry.file);
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** Each field the exception defines: whether this record must have it, its value, and whether the value meets it. */
function conditionsOf(d: Draft): Condition[] {
  if (!isExceptionId(d.exception)) return [];
  const present = new Map(d.fields.filter((f) => f.value.trim() !== '').map((f) => [f.name, f.value.trim()]));
  const required = new Set(requiredFields(d.exception, present).map((f) => f.name));
  return fieldsOf(d.exception).map((spec) => {
    const value = present.get(spec.name) ?? null;
    let problem = value === null ? null : checkValue(spec.kind, value) ?? null;
    if (!problem && value !== null && spec.name === 'reason' && isPlaceholderReason(value)) problem = 'a placeholder, not a record: name the specific risk and the condition met';
    const isRequired = required.has(spec.name);
    return {
      field: spec.name,
      description: spec.description,
      requirement: spec.optional ? 'optional' : spec.requiredWhen ? 'conditional' : 'required',
      requiredWhen: spec.requiredWhen ? { field: spec.requiredWhen.field, values: [...spec.requiredWhen.values] } : null,
      required: isRequired,
      value,
      status: problem ? 'invalid' : value !== null ? 'met' : isRequired ? 'missing' : 'not-required',
      problem,
    };
  });
}

async function auditOf(d: Draft, documents: (DocumentedFinding & { start: number })[], tracer: AuditTracer): Promise<AuditTrace> {
  if (d.status !== 'valid' || documents.length === 0) return { status: 'documents-nothing', paths: [] };
  const paths = new Map<string, AuditTrace['paths'][number]>();
  for (const f of documents) {
    // A comment documenting a finding in another file (an endpoint's annotation documenting the policy it
    // applies) is audited where it stands, on its own construct's path, as exception-unaudited judges it.
    const elsewhere = d.form !== 'register' && d.target !== null && f.path !== d.target.path;
    const trace = elsewhere && d.target ? await tracer.traceAtPosition(d.target.path, d.target.line, d.target.column) : await tracer.trace(f.path, f.start);
    if (!trace) continue;
    const key = `${trace.start.path}:${trace.start.line}:${trace.start.column}`;
    if (!paths.has(key)) paths.set(key, { label: trace.label, path: trace.start.path, line: trace.start.line, calls: trace.calls });
  }
  const list = [...paths.values()].sort((a, b) => compare(a.path, b.path) || a.line - b.line);
  if (list.length === 0) return { status: 'no-code-path', paths: [] };
  return { status: list.some((p) => p.calls.length === 0) ? 'missing' : 'recorded', paths: list };
}

function permalinkOf(input: EvidenceInput, where: Location): { url: string | null; note: string | null } {
  const last = Math.max(where.line, where.endLine);
  if (input.linkBase) return { url: `${input.linkBase}/${where.path.split('/').map(encodeURIComponent).join('/')}#L${where.line}`, note: null };
  const repo = input.repository;
  if ('unavailable' in repo) return { url: null, note: repo.unavailable };
  if (!repo.commit) return { url: null, note: 'the repository has no commit yet' };
  if (!repo.web) return { url: null, note: 'no remote on a known forge (GitHub, GitLab, Bitbucket, Gitea); pass --link-base' };
  const file = inRepository(repo, path.resolve(input.root, where.path));
  if (!file) return { url: null, note: 'outside the repository' };
  if (repo.untracked.has(file)) return { url: null, note: 'not committed' };
  if (repo.changed.has(file)) return { url: null, note: 'the file has uncommitted changes' };
  return { url: permalink(repo.web, repo.commit, file, where.line, last), note: null };
}

/** Blames every record's lines, one git run per file. */
async function historiesOf(input: EvidenceInput, drafts: Draft[]): Promise<History[]> {
  const repo = input.repository;
  const none = (reason: string): History => ({ available: false, reason, added: null, lastChanged: null, uncommittedLines: 0 });
  if ('unavailable' in repo) return drafts.map(() => none(repo.unavailable));
  const byFile = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    const file = inRepository(repo, path.resolve(input.root, d.location.path));
    if (file) byFile.set(file, [...(byFile.get(file) ?? []), i]);
  });
  const blames = new Map<string, BlameLines | undefined>();
  // A few git processes at a time: a project may document exceptions in thousands of files.
  const queue = [...byFile];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [file, indices] = next;
      const ranges = mergeRanges(indices.map((i) => ({ first: drafts[i].location.line, last: Math.max(drafts[i].location.line, drafts[i].location.endLine) })));
      blames.set(file, await blame(repo, file, ranges));
    }
  };
  await Promise.all(Array.from({ length: Math.min(BLAME_PROCESSES, queue.length) }, worker));
  return drafts.map((d) => {
    const file = inRepository(repo, path.resolve(input.root, d.location.path));
    if (!file) return none('outside the repository');
    const lines = blames.get(file);
    if (!lines) return none(repo.untracked.has(file) ? 'the file is not committed' : repo.commit ? 'git could not blame the file' : 'the repository has no commit yet');
    let added: LineCommit | null = null;
    let lastChanged: LineCommit | null = null;
    let uncommitted = 0;
    for (let n = d.location.line; n <= Math.max(d.location.line, d.location.endLine); n++) {
      const c = lines.get(n);
      if (c === undefined) continue;
      if (c === 'uncommitted') {
        uncommitted++;
        continue;
      }
      if (!added || c.date < added.date) added = c;
      if (!lastChanged || c.date > lastChanged.date) lastChanged = c;
    }
    return { available: added !== null, reason: added ? null : 'no line of the record is committed', added, lastChanged, uncommittedLines: uncommitted };
  });
}

/** Line ranges without overlaps, in order (git blame refuses overlapping -L ranges in some versions). */
function mergeRanges(ranges: { first: number; last: number }[]): { first: number; last: number }[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const out: { first: number; last: number }[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r.first <= prev.last + 1) prev.last = Math.max(prev.last, r.last);
    else out.push({ ...r });
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function coverage(input: EvidenceInput, source: SourceInfo, tool: { name: string; version: string }): CoverageDocument {
  const enabled = new Map(input.enabled.map((r) => [r.rule.meta.id, r]));
  const rules = input.rules.map((r) => {
    const on = enabled.get(r.meta.id);
    return { id: r.meta.id, version: r.meta.version, level: on ? on.severity : ('off' as const), options: on ? { ...on.options } : {}, languages: [...r.meta.languages], skipsTestCode: r.meta.skipsTestCode === true };
  });
  const rulesetVersion = createHash('sha256').update(JSON.stringify(rules.map((r) => [r.id, r.version, r.level, r.options]))).digest('hex').slice(0, 16);
  const checkedBy: Record<string, number> = Object.fromEntries(input.enabled.map((r) => [r.rule.meta.id, 0]));
  const files = [...input.coverage]
    .sort((a, b) => compare(a.path, b.path))
    .map((row) => {
      const checking = row.notices.length > 0 && !row.parsed ? [] : checkingRules(input.enabled, row);
      for (const id of checking) checkedBy[id]++;
      return { path: row.path, language: row.language ?? null, lines: row.lines, parsed: row.parsed, rules: checking, notices: row.notices };
    });
  return {
    version: EVIDENCE_FORMAT_VERSION,
    generatedAt: input.generatedAt,
    tool,
    source,
    scope: { paths: input.scope.paths, config: input.scope.config ?? null },
    ruleset: { version: rulesetVersion, rules },
    totals: {
      files: files.length,
      parsed: files.filter((f) => f.parsed).length,
      notFullyAnalysed: files.filter((f) => f.notices.length > 0).length,
      skipped: input.skipped.length,
      lines: files.reduce((n, f) => n + f.lines, 0),
    },
    checkedBy,
    files,
    skipped: [...input.skipped].sort((a, b) => compare(a.path, b.path)),
    findings: findingsSummary(input),
  };
}

/**
 * The rules that checked a file: enabled, for its language (XML files are also Mirth channels), and
 * not left out of test code. A file the prefilter did not parse was still checked: none of these
 * rules' trigger words occurs in it, so none of them can report anything there.
 */
function checkingRules(enabled: EnabledRule[], row: CoverageRow): string[] {
  if (!row.language) return [];
  const languages: string[] = row.language === 'xml' || row.language === 'mirth' ? ['xml', 'mirth'] : [row.language];
  const test = isTestPath(row.path);
  return enabled
    .filter((r) => r.rule.meta.languages.some((l) => languages.includes(l)) && !(test && r.rule.meta.skipsTestCode))
    .map((r) => r.rule.meta.id)
    .sort();
}


function findingsSummary(input: EvidenceInput): CoverageDocument['findings'] {
  const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });
  const enabled = new Map(input.enabled.map((r) => [r.rule.meta.id, r.severity]));
  const byRule = new Map<string, RuleSummary>(
    input.rules.map((r) => [r.meta.id, { id: r.meta.id, title: r.meta.title, practice: r.meta.practice ?? r.meta.title, level: enabled.get(r.meta.id) ?? 'off', open: 0, bySeverity: zero(), documented: 0 }]),
  );
  let open = 0;
  let documented = 0;
  for (const file of input.files) {
    for (const f of file.findings) {
      const r = byRule.get(f.ruleId);
      if (!r) continue;
      r.open++;
      r.bySeverity[f.severity]++;
      open++;
    }
    for (const f of file.suppressed) {
      const r = byRule.get(f.ruleId);
      if (r) r.documented++;
      documented++;
    }
  }
  const practices = new Map<string, PracticeSummary>();
  for (const r of byRule.values()) {
    const p = practices.get(r.practice) ?? { practice: r.practice, rules: [], open: 0, bySeverity: zero(), documented: 0 };
    p.rules.push(r.id);
    p.open += r.open;
    p.documented += r.documented;
    for (const s of SEVERITIES) p.bySeverity[s] += r.bySeverity[s];
    practices.set(r.practice, p);
  }
  return { open, documented, byRule: [...byRule.values()], byPractice: [...practices.values()] };
}
