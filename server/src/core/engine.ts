/**
 * The analysis core: a file in, findings out. No editor, no network, no global state but parser
 * caches. The language server, the CLI and the tests all call `analyzeFile` / `analyzeText`.
 *
 * file → (prefilter by trigger words) → parse → rule visitors → pending findings
 *      → annotations (comments and register) validated and matched → documented findings suppressed
 *      → annotation rules → findings with positions and fingerprints.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import { parseAnnotations, ANNOTATION_MARKER } from './annotations/parse';
import type { Annotation } from './annotations/types';
import { fieldValue } from './annotations/types';
import { validateAnnotation } from './annotations/validate';
import { CodeModel } from './code-model';
import { EXCEPTIONS, ExceptionId, isExceptionId } from './exceptions';
import { BodyFilter, constructsByLine, languageIdForPath, parseFile, ParsedFile } from './files';
import type { IrKind, IrNode, Span } from './ir';
import { walk } from './ir';
import type { RegisterEntry } from './register';
import { annotationFromRegister } from './register';
import {
  CodeVisitor,
  formatMessage,
  LanguageId,
  PendingFinding,
  Report,
  Rule,
  RuleOptions,
  Severity,
} from './rule';
import { decodeSource, LineIndex, Range } from './text';

export interface EnabledRule {
  rule: Rule;
  severity: Severity;
}

export interface AnalysisSettings {
  rules: EnabledRule[];
  options: RuleOptions;
  /** Today, for `review-by`. */
  now: Date;
  /** Files larger than this are not analysed (a notice says so). */
  maxBytes: number;
  /** Skip parsing files that contain none of the enabled rules' trigger words. */
  prefilter: boolean;
  /** Register entries whose `file` is this file. */
  register: RegisterEntry[];
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
/** Syntax errors reported per file; more would bury the findings. */
const MAX_SYNTAX_NOTICES = 3;

export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  exception: ExceptionId;
  justification: string;
  owner?: string;
  reviewBy?: string;
  /** Where the annotation is (for `external`, a range in the register file). */
  location: { file: string; range?: Range };
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** File offsets of the range. */
  start: number;
  end: number;
  related: RelatedLocation[];
  /** Exceptions that could make this lawful, if documented. */
  exceptions: ExceptionId[];
  /** Stable across unrelated edits: the rule, the text of the construct and its occurrence number. */
  fingerprint: string;
  suppression?: Suppression;
}

/** A documented exception, valid or not, as the Exceptions view and the compliance report list them. */
export interface DocumentedException {
  exception: string;
  exceptionTitle?: string;
  ruleIds: string[];
  reason?: string;
  owner?: string;
  reviewBy?: string;
  status: 'valid' | 'invalid' | 'incomplete' | 'expired';
  range: Range;
  form: Annotation['form'];
  fields: { name: string; value: string }[];
}

export type NoticeCode = 'unreadable' | 'binary' | 'encoding' | 'too-large' | 'syntax' | 'internal';

export interface Notice {
  code: NoticeCode;
  message: string;
  range?: Range;
}

export interface FileAnalysis {
  path: string;
  language?: LanguageId;
  /** Open findings: what the user must act on. */
  findings: Finding[];
  /** Findings documented by a valid exception annotation. */
  suppressed: Finding[];
  exceptions: DocumentedException[];
  notices: Notice[];
  lines: number;
  /** False when the file was skipped (prefilter, unreadable, too large). */
  parsed: boolean;
}

/**
 * Reads and analyses one file. Never throws: unreadable input becomes a notice. Reads are
 * synchronous: callers run this in worker threads (or for one file at a time), and a scan of
 * thousands of small files spends far less time in `readFileSync` than waiting on the I/O pool.
 */
export async function analyzeFile(file: string, settings: AnalysisSettings, displayPath = file): Promise<FileAnalysis> {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > settings.maxBytes) return skipped(displayPath, 'too-large', `not analysed: ${formatBytes(size)} is over the ${formatBytes(settings.maxBytes)} limit`);
    bytes = fs.readFileSync(file);
  } catch (err) {
    return skipped(displayPath, 'unreadable', `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return analyzeBytes(displayPath, bytes, settings);
}

export async function analyzeBytes(path: string, bytes: Uint8Array, settings: AnalysisSettings): Promise<FileAnalysis> {
  if (bytes.length > settings.maxBytes) return skipped(path, 'too-large', `not analysed: ${formatBytes(bytes.length)} is over the ${formatBytes(settings.maxBytes)} limit`);
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return skipped(path, decoded.reason, `not analysed: ${decoded.message}`);
  return analyzeText(path, decoded.text, settings);
}

function skipped(path: string, code: NoticeCode, message: string): FileAnalysis {
  return { path, language: languageIdForPath(path), findings: [], suppressed: [], exceptions: [], notices: [{ code, message }], lines: 0, parsed: false };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** Analyses text as the file `path` (its extension picks the parser). Never throws. */
export async function analyzeText(path: string, text: string, settings: AnalysisSettings): Promise<FileAnalysis> {
  const language = languageIdForPath(path);
  const result: FileAnalysis = { path, language, findings: [], suppressed: [], exceptions: [], notices: [], lines: countLines(text), parsed: false };
  if (!language) return result;
  const candidates = applicableRules(settings, language === 'xml' ? ['xml', 'mirth'] : [language], text);
  if (candidates.length === 0 && settings.register.length === 0) return result;
  const lines = new LineIndex(text);
  let parsed: ParsedFile;
  try {
    parsed = await parseFile(path, text, settings.prefilter ? bodyFilterFor(candidates, settings.options.auditPattern) : undefined);
  } catch (err) {
    result.notices.push({ code: 'internal', message: `could not parse: ${(err as Error).message}` });
    return result;
  }
  result.parsed = true;
  result.language = parsed.language;
  if (parsed.language === 'yaml' && parsed.syntaxErrors.length > 0 && /\{\{[\s\S]*?\}\}|\{%/.test(text)) {
    // Helm (Go template) or Jinja: the file is a template that renders YAML, not YAML itself.
    result.notices.push({ code: 'syntax', message: 'templated YAML ({{ }} or {% %}): not analysed as YAML' });
    return result;
  }
  for (const e of parsed.syntaxErrors.slice(0, MAX_SYNTAX_NOTICES)) {
    result.notices.push({
      code: 'syntax',
      message: `syntax error${e.where ? ` in ${e.where}` : ''}: ${e.message}; findings in the parts that parse are still reported`,
      range: lines.rangeOf(e.span.start, e.span.end),
    });
  }
  const rules = settings.rules.filter((r) => ruleApplies(r.rule, parsed.language) || (parsed.language === 'mirth' && r.rule.meta.languages.includes('xml')));
  const pending = runRules(rules, new Set(candidates), parsed, path, text, settings, result);
  applyAnnotations(parsed, pending, rules, path, text, lines, settings, result);
  return result;
}

/** Rules that may fire on this language and whose trigger words occur in the text. */
function applicableRules(settings: AnalysisSettings, languages: LanguageId[], text: string): EnabledRule[] {
  return settings.rules.filter((r) => languages.some((l) => r.rule.meta.languages.includes(l)) && (!settings.prefilter || triggerPattern(r.rule).test(text)));
}

const triggerPatterns = new WeakMap<Rule, RegExp>();

/** One case-insensitive pattern per rule: a single scan of the text instead of one per trigger word. */
function triggerPattern(rule: Rule): RegExp {
  let pattern = triggerPatterns.get(rule);
  if (!pattern) {
    const words = rule.meta.triggers.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = words.length > 0 ? new RegExp(words.join('|'), 'i') : /(?!)/;
    triggerPatterns.set(rule, pattern);
  }
  return pattern;
}

/**
 * Kept so routes and path checks resolve: registrations with a literal path (`app.get('/fhir', ...)`,
 * `app.MapGet("/fhir", ...)`) and path literals that look like EHI paths (`uri.startsWith("/fhir/")`).
 */
const ROUTE_REGISTRATION = /\.(?:get|post|put|patch|delete|del|all|use|route|Map\w*)\s*\(\s*['"`@$]|['"`]\^?\/[^'"`\n]*(?:fhir|patient|record|export|result|chart|portal|ehi)/i;

/**
 * Which function bodies may matter: those whose text contains a trigger word of a rule that may
 * fire, an annotation, an audit call, or a route registration. Other bodies are not copied out of
 * the parser, which is most of a large file.
 */
function bodyFilterFor(candidates: readonly EnabledRule[], auditPattern: string): BodyFilter {
  const sources = [...candidates.map((r) => triggerPattern(r.rule).source), ANNOTATION_MARKER, auditPattern, ROUTE_REGISTRATION.source].filter((s) => s.length > 0);
  const interesting = new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gi');
  return (text) => {
    const offsets: number[] = [];
    interesting.lastIndex = 0;
    for (let m = interesting.exec(text); m; m = interesting.exec(text)) {
      offsets.push(m.index);
      if (m[0].length === 0) interesting.lastIndex++;
    }
    return (start, end) => {
      let low = 0;
      let high = offsets.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (offsets[mid] < start) low = mid + 1;
        else high = mid;
      }
      return low < offsets.length && offsets[low] < end;
    };
  };
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function ruleApplies(rule: Rule, language: LanguageId): boolean {
  return rule.meta.languages.includes(language);
}

interface RawFinding extends PendingFinding {
  message: string;
  severity: Severity;
}

function runRules(
  rules: EnabledRule[],
  candidates: ReadonlySet<EnabledRule>,
  parsed: ParsedFile,
  path: string,
  text: string,
  settings: AnalysisSettings,
  result: FileAnalysis,
): RawFinding[] {
  const pending: RawFinding[] = [];
  const triggered = (r: EnabledRule): boolean => candidates.has(r);
  const makeReporter =
    (r: EnabledRule, toFile: (o: number) => number) =>
    (report: Report): void => {
      const template = r.rule.meta.messages[report.messageId];
      if (template === undefined) throw new Error(`rule ${r.rule.meta.id} has no message "${report.messageId}"`);
      pending.push({
        ruleId: r.rule.meta.id,
        severity: r.severity,
        message: formatMessage(template, report.data),
        at: mapSpan(report.at, toFile),
        related: (report.related ?? []).map((rel) => ({ at: mapSpan(rel.at, toFile), message: rel.message })),
        excluded: report.excluded ?? [],
        documentedBy: [],
      });
    };
  const guard = (r: EnabledRule, action: () => void): void => {
    try {
      action();
    } catch (err) {
      result.notices.push({ code: 'internal', message: `rule ${r.rule.meta.id} failed on this file: ${(err as Error).message}` });
    }
  };

  for (const unit of parsed.codeUnits) {
    const visitors: { rule: EnabledRule; visitor: CodeVisitor }[] = [];
    for (const r of rules) {
      if (!r.rule.code || !ruleApplies(r.rule, unit.model.language) || !triggered(r)) continue;
      guard(r, () => {
        const visitor = r.rule.code!({
          file: { path, language: unit.model.language, text: unit.model.text },
          options: settings.options,
          code: unit.model,
          report: makeReporter(r, unit.toFile),
        });
        visitors.push({ rule: r, visitor });
      });
    }
    if (visitors.length > 0) dispatch(unit.model, visitors, guard);
  }
  if (parsed.config) {
    const configLanguage: LanguageId = parsed.language === 'mirth' ? 'xml' : parsed.language;
    for (const r of rules) {
      if (!r.rule.config || !ruleApplies(r.rule, configLanguage) || !triggered(r)) continue;
      guard(r, () =>
        r.rule.config!({
          file: { path, language: configLanguage, text },
          options: settings.options,
          config: parsed.config!,
          xml: parsed.xml,
          report: makeReporter(r, (o) => o),
        }),
      );
    }
  }
  return pending;
}

/** One walk over the IR, calling every rule's visitor for each node kind it asked for. */
function dispatch(model: CodeModel, visitors: { rule: EnabledRule; visitor: CodeVisitor }[], guard: (r: EnabledRule, action: () => void) => void): void {
  const byKind = new Map<IrKind, { rule: EnabledRule; fn: (node: IrNode) => void }[]>();
  for (const { rule, visitor } of visitors) {
    for (const [kind, fn] of Object.entries(visitor)) {
      if (kind === 'end' || typeof fn !== 'function') continue;
      const list = byKind.get(kind as IrKind) ?? [];
      list.push({ rule, fn: fn as (node: IrNode) => void });
      byKind.set(kind as IrKind, list);
    }
  }
  walk(model.root, (node) => {
    const handlers = byKind.get(node.kind);
    if (handlers) for (const h of handlers) guard(h.rule, () => h.fn(node));
  });
  for (const { rule, visitor } of visitors) if (visitor.end) guard(rule, () => visitor.end!());
}

function mapSpan(span: Span, toFile: (o: number) => number): Span {
  const start = toFile(span.start);
  const end = span.end > span.start ? toFile(span.end - 1) + 1 : start;
  return { start, end };
}

function applyAnnotations(
  parsed: ParsedFile,
  pending: RawFinding[],
  rules: EnabledRule[],
  path: string,
  text: string,
  lines: LineIndex,
  settings: AnalysisSettings,
  result: FileAnalysis,
): void {
  const annotations = text.includes(ANNOTATION_MARKER) ? parseAnnotations(parsed.comments, lines) : [];
  const registerAnnotations = settings.register.map((entry) => annotationFromRegister(entry, parsed, lines));
  const all = [...annotations, ...registerAnnotations];
  if (all.length > 0) {
    const constructs = constructsByLine(parsed, lines);
    for (const a of annotations) a.target = constructs.get(a.targetLine);
    const accepted = new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta.exceptions]));
    for (const a of all) {
      validateAnnotation(a, settings.now);
      matchFindings(a, pending, accepted);
    }
  }
  const annotationRules = rules.filter((r) => r.rule.annotations);
  for (const r of annotationRules) {
    try {
      r.rule.annotations!({
        file: { path, language: parsed.language, text },
        options: settings.options,
        // Register entries are checked where they are written: in the register file.
        annotations: annotations,
        findings: pending,
        now: settings.now,
        codeAt: (span) => codeUnitAt(parsed, span)?.model,
        report: (report) => {
          const template = r.rule.meta.messages[report.messageId];
          if (template === undefined) throw new Error(`rule ${r.rule.meta.id} has no message "${report.messageId}"`);
          pending.push({
            ruleId: r.rule.meta.id,
            severity: r.severity,
            message: formatMessage(template, report.data),
            at: report.at,
            related: report.related ?? [],
            excluded: [],
            documentedBy: [],
          });
        },
      });
    } catch (err) {
      result.notices.push({ code: 'internal', message: `rule ${r.rule.meta.id} failed on this file: ${(err as Error).message}` });
    }
  }
  const ruleMeta = new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta]));
  const occurrences = new Map<string, number>();
  for (const p of pending.sort((a, b) => a.at.start - b.at.start || a.ruleId.localeCompare(b.ruleId))) {
    const meta = ruleMeta.get(p.ruleId);
    const exceptions = (meta?.exceptions ?? []).filter((e) => !p.excluded.some((x) => x.exception === e));
    const finding: Finding = {
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.message,
      range: lines.rangeOf(p.at.start, p.at.end),
      start: p.at.start,
      end: p.at.end,
      related: p.related.map((r) => ({ range: lines.rangeOf(r.at.start, r.at.end), message: r.message })),
      exceptions,
      fingerprint: fingerprint(p, text, lines, occurrences),
    };
    const documenting = p.documentedBy[0];
    if (documenting) {
      finding.suppression = suppressionFor(documenting, path, lines);
      result.suppressed.push(finding);
    } else result.findings.push(finding);
  }
  for (const a of all) result.exceptions.push(describeAnnotation(a, pending, lines));
}

/**
 * Links a valid annotation to the findings in the construct it documents, when its exception is
 * one the finding's rule accepts. An exception that cannot justify any finding there is a problem.
 */
function matchFindings(annotation: Annotation, pending: RawFinding[], accepted: Map<string, ExceptionId[]>): void {
  const target = annotation.target;
  if (!target || !isExceptionId(annotation.exceptionId)) return;
  const inside = (span: Span): boolean => span.start >= target.start && span.start < Math.max(target.end, target.start + 1);
  const covered = pending.filter(
    (p) => (inside(p.at) || p.related.some((r) => inside(r.at))) && (!annotation.register?.rule || annotation.register.rule === p.ruleId),
  );
  if (covered.length === 0) return;
  const exception = annotation.exceptionId;
  const possible = (p: PendingFinding): ExceptionId[] => (accepted.get(p.ruleId) ?? []).filter((e) => !p.excluded.some((x) => x.exception === e));
  const accepting = covered.filter((p) => possible(p).includes(exception));
  if (accepting.length === 0) {
    const p = covered[0];
    const excluded = p.excluded.find((x) => x.exception === exception);
    annotation.problems.push({
      kind: 'invalid',
      message: excluded
        ? `the ${EXCEPTIONS[exception].title} exception cannot document this ${p.ruleId} finding: ${excluded.reason}`
        : `the ${EXCEPTIONS[exception].title} exception cannot justify ${p.ruleId}; it accepts: ${possible(p).join(', ')}`,
      at: annotation.idSpan,
    });
    return;
  }
  if (annotation.problems.length > 0) return;
  for (const p of accepting) p.documentedBy.push(annotation);
}

function codeUnitAt(parsed: ParsedFile, span: Span) {
  if (parsed.codeUnits.length === 1) return parsed.codeUnits[0];
  return parsed.codeUnits.find((u) => u.toFile(0) <= span.start && span.start <= u.toFile(u.model.text.length));
}

function suppressionFor(a: Annotation, path: string, lines: LineIndex): Suppression {
  return {
    kind: a.register ? 'external' : 'inSource',
    exception: a.exceptionId as ExceptionId,
    justification: fieldValue(a, 'reason') ?? '',
    owner: fieldValue(a, 'owner'),
    reviewBy: fieldValue(a, 'review-by'),
    location: a.register ? { file: a.register.file } : { file: path, range: lines.rangeOf(a.span.start, a.span.end) },
  };
}

function describeAnnotation(a: Annotation, pending: RawFinding[], lines: LineIndex): DocumentedException {
  const status = a.problems.some((p) => p.kind === 'invalid')
    ? 'invalid'
    : a.problems.some((p) => p.kind === 'incomplete')
      ? 'incomplete'
      : a.problems.some((p) => p.kind === 'expired')
        ? 'expired'
        : 'valid';
  const ruleIds = [...new Set(pending.filter((p) => p.documentedBy.includes(a)).map((p) => p.ruleId))];
  if (a.register?.rule && !ruleIds.includes(a.register.rule)) ruleIds.push(a.register.rule);
  const span = a.register ? a.target ?? a.idSpan : a.span;
  return {
    exception: a.exceptionId,
    exceptionTitle: isExceptionId(a.exceptionId) ? EXCEPTIONS[a.exceptionId].title : undefined,
    ruleIds,
    reason: fieldValue(a, 'reason'),
    owner: fieldValue(a, 'owner'),
    reviewBy: fieldValue(a, 'review-by'),
    status,
    range: lines.rangeOf(span.start, span.end),
    form: a.form,
    fields: a.fields.map((f) => ({ name: f.name, value: f.value })),
  };
}

function fingerprint(p: PendingFinding, text: string, lines: LineIndex, occurrences: Map<string, number>): string {
  const line = lines.positionAt(p.at.start).line;
  const snippet = text.slice(p.at.start, Math.min(p.at.end, p.at.start + 160)).replace(/\s+/g, ' ').trim();
  const base = `${p.ruleId}\0${lines.lineText(line).replace(/\s+/g, ' ').trim()}\0${snippet}`;
  const n = occurrences.get(base) ?? 0;
  occurrences.set(base, n + 1);
  return `${createHash('sha256').update(base).digest('hex').slice(0, 32)}:${n}`;
}

