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
import * as nodePath from 'path';
import { parseAnnotations, ANNOTATION_MARKER } from './annotations/parse';
import type { Annotation, AnnotationProblemKind } from './annotations/types';
import { fieldValue } from './annotations/types';
import { validateAnnotation } from './annotations/validate';
import { CodeModel } from './code-model';
import { EXCEPTIONS, ExceptionId, isExceptionId } from './annotations/exceptions';
import { BodyFilter, CodeUnit, constructsByLine, parseFile, ParsedFile } from './files';
import type { IrKind, IrNode, Span } from './ir';
import { walk } from './ir';
import type { RegisterEntry } from './annotations/register';
import { annotationFromRegister, DEFAULT_REGISTER_FILE, entryAnnotation, parseRegister } from './annotations/register';
import { CodeVisitor, formatMessage, PendingFinding, Report, Rule, RuleOptions, Severity } from './rule';
import { isTestPath } from './test-code';
import { decodeSource, LineIndex, Range } from './text';
import { LanguageId, languageIdForPath } from './language';


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
  /** How to check the exception register itself; without it, a file named `ehi-exceptions.yaml` is the register and the files it names are not read. */
  registerFile?: RegisterFileAccess;
}

/**
 * The exception register is checked where it is written: its entries are validated like annotations,
 * and an entry whose file or location no longer exists is reported as stale. The face that reads
 * files (CLI, language server, tests) says which path is the register and how to read what it names.
 */
export interface RegisterFileAccess {
  /** Whether `path` (as given to `analyzeText`) is the register. */
  isRegister(path: string): boolean;
  /** The text of a file an entry names (relative to the register's folder), or undefined when it does not exist. */
  readTarget?(file: string): Promise<string | undefined>;
}

export function isDefaultRegisterPath(path: string): boolean {
  return nodePath.basename(path) === DEFAULT_REGISTER_FILE;
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
  /** Why it documents nothing, when its status is not `valid`. */
  problems: { kind: AnnotationProblemKind; message: string }[];
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
  const bytes = readSource(file, settings, displayPath);
  return bytes instanceof Uint8Array ? analyzeBytes(displayPath, bytes, settings) : bytes;
}

/** The bytes of a file, or the analysis that says why it cannot be read (unreadable, over the size limit). */
export function readSource(file: string, settings: AnalysisSettings, displayPath = file): Buffer | FileAnalysis {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > settings.maxBytes) return skipped(displayPath, 'too-large', `not analysed: ${formatBytes(size)} is over the ${formatBytes(settings.maxBytes)} limit`);
    return fs.readFileSync(fd);
  } catch (err) {
    return skipped(displayPath, 'unreadable', `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The analysis of a file when it needs no parse (too large, not text, no language, no rule whose
 * trigger words it contains, no register entry for it); `undefined` when it must be parsed. The
 * CLI answers such files in its own thread and sends only the others to workers.
 */
export function quickAnalysis(path: string, bytes: Uint8Array, settings: AnalysisSettings): FileAnalysis | undefined {
  const text = decodeOrSkip(path, bytes, settings);
  if (typeof text !== 'string') return text;
  const language = languageIdForPath(path);
  if (language && (applicableRules(settings, language, text).length > 0 || registerApplies(path, settings))) return undefined;
  return emptyResult(path, language, text);
}

export async function analyzeBytes(path: string, bytes: Uint8Array, settings: AnalysisSettings): Promise<FileAnalysis> {
  const text = decodeOrSkip(path, bytes, settings);
  return typeof text === 'string' ? analyzeText(path, text, settings) : text;
}

/** The text of a file's bytes, or the analysis that says why it is not read (too large, not text). */
function decodeOrSkip(path: string, bytes: Uint8Array, settings: AnalysisSettings): string | FileAnalysis {
  if (bytes.length > settings.maxBytes) return skipped(path, 'too-large', `not analysed: ${formatBytes(bytes.length)} is over the ${formatBytes(settings.maxBytes)} limit`);
  const decoded = decodeSource(bytes);
  return decoded.ok ? decoded.text : skipped(path, decoded.reason, `not analysed: ${decoded.message}`);
}

/** Whether the register bears on this file: it has entries for it, or it is the register. */
function registerApplies(path: string, settings: AnalysisSettings): boolean {
  return settings.register.length > 0 || (settings.registerFile?.isRegister ?? isDefaultRegisterPath)(path);
}

function emptyResult(path: string, language: LanguageId | undefined, text: string): FileAnalysis {
  return { path, language, findings: [], suppressed: [], exceptions: [], notices: [], lines: countLines(text), parsed: false };
}

function skipped(path: string, code: NoticeCode, message: string): FileAnalysis {
  return { path, language: languageIdForPath(path), findings: [], suppressed: [], exceptions: [], notices: [{ code, message }], lines: 0, parsed: false };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** Analyses text as the file `path` (its extension picks the parser). Never throws. */
export async function analyzeText(path: string, text: string, settings: AnalysisSettings): Promise<FileAnalysis> {
  return (await analyzeTextDetailed(path, text, settings)).result;
}

/** What the editor needs beyond the report: the annotations read (comments, register entries) with their targets and problems. */
export interface DetailedAnalysis {
  result: FileAnalysis;
  /** Annotations written in this file: its comments, and its entries when it is the register. */
  annotations: Annotation[];
  /** Register entries that document this file (their spans are in the register). */
  registerAnnotations: Annotation[];
  /** The parse, when the file was parsed (for fixes that need its constructs). */
  parsed?: ParsedFile;
}

/** The analysis, and the annotations it read (comments and register entries) with their problems. Never throws. */
export async function analyzeTextDetailed(path: string, text: string, settings: AnalysisSettings): Promise<DetailedAnalysis> {
  const language = languageIdForPath(path);
  const result = emptyResult(path, language, text);
  if (!language) return { result, annotations: [], registerAnnotations: [] };
  const isRegister = (settings.registerFile?.isRegister ?? isDefaultRegisterPath)(path);
  const candidates = applicableRules(settings, language, text);
  if (candidates.length === 0 && !registerApplies(path, settings)) return { result, annotations: [], registerAnnotations: [] };
  const lines = new LineIndex(text);
  let parsed: ParsedFile;
  try {
    parsed = await parseFile(path, text, settings.prefilter ? bodyFilterFor(candidates, settings.options.auditPattern) : undefined);
  } catch (err) {
    result.notices.push({ code: 'internal', message: `could not parse: ${(err as Error).message}` });
    return { result, annotations: [], registerAnnotations: [] };
  }
  result.parsed = true;
  result.language = parsed.language;
  if (parsed.language === 'yaml' && parsed.syntaxErrors.length > 0 && /\{\{[\s\S]*?\}\}|\{%/.test(text)) {
    // Helm (Go template) or Jinja: the file is a template that renders YAML, not YAML itself.
    result.notices.push({ code: 'syntax', message: 'templated YAML ({{ }} or {% %}): not analysed as YAML' });
    return { result, annotations: [], registerAnnotations: [] };
  }
  for (const e of parsed.syntaxErrors.slice(0, MAX_SYNTAX_NOTICES)) {
    result.notices.push({
      code: 'syntax',
      message: `syntax error${e.where ? ` in ${e.where}` : ''}: ${e.message}; findings in the parts that parse are still reported`,
      range: lines.rangeOf(e.span.start, e.span.end),
    });
  }
  const testCode = isTestPath(path);
  const rules = settings.rules.filter(
    (r) => (ruleApplies(r.rule, parsed.language) || (parsed.language === 'mirth' && r.rule.meta.languages.includes('xml'))) && !(testCode && r.rule.meta.skipsTestCode),
  );
  const pending = runRules(rules, new Set(candidates), parsed, path, text, settings, result);
  const entries = isRegister ? await checkRegisterEntries(path, text, settings) : [];
  const { inFile, fromRegister } = applyAnnotations(parsed, pending, rules, path, text, lines, settings, result, entries);
  return { result, annotations: inFile, registerAnnotations: fromRegister, parsed };
}

/**
 * The register's own entries as annotations in the register's offsets, with their problems: the
 * same validation as comments, the rule they name, whether the file and location they point at
 * still exist, and whether the exception can justify what is found there.
 */
async function checkRegisterEntries(path: string, text: string, settings: AnalysisSettings): Promise<Annotation[]> {
  const register = parseRegister(path, text);
  const out: Annotation[] = register.problems.map((p) => ({
    exceptionId: '',
    idSpan: p.at,
    fields: [],
    span: p.at,
    form: 'register' as const,
    targetLine: -1,
    problems: [{ kind: 'invalid' as const, message: p.message, at: p.at }],
  }));
  const byFile = new Map<string, RegisterEntry[]>();
  for (const entry of register.entries) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  const readTarget = settings.registerFile?.readTarget;
  const knownRules = new Map(settings.rules.map((r) => [r.rule.meta.id, r.rule.meta]));
  for (const [file, entries] of byFile) {
    let checked: Annotation[] | undefined;
    let missingFile = false;
    let unreadable: string | undefined;
    if (readTarget) {
      const targetText = await readTarget(file);
      if (targetText === undefined) missingFile = true;
      else {
        const inner = await analyzeTextDetailed(file, targetText, { ...settings, register: entries, registerFile: { isRegister: () => false } });
        const fromTarget = inner.registerAnnotations;
        if (fromTarget.length === entries.length) checked = fromTarget;
        else unreadable = inner.result.notices[0]?.message ?? 'not a file type the linter reads';
      }
    }
    entries.forEach((entry, i) => {
      const annotation = checked?.[i] ?? entryAnnotation(entry);
      if (!checked) validateAnnotation(annotation, settings.now);
      if (unreadable) annotation.problems.unshift({ kind: 'invalid', message: `${file} cannot be checked: ${unreadable}`, at: entry.fileSpan });
      else if (missingFile) {
        annotation.problems.unshift({ kind: 'invalid', message: `stale entry: ${file} does not exist`, at: entry.fileSpan });
      } else if (checked && !annotation.target) {
        const where = entry.line !== undefined ? `line ${entry.line}` : entry.at !== undefined ? `\`${entry.at}\`` : 'a location (`at` or `line`)';
        const message = entry.line === undefined && entry.at === undefined ? `entry names no location in ${file}: add \`at\` or \`line\`` : `stale entry: ${where} no longer exists in ${file}`;
        annotation.problems.unshift({ kind: 'invalid', message, at: entry.locationSpan ?? entry.fileSpan });
      }
      if (entry.rule !== undefined) {
        const meta = knownRules.get(entry.rule);
        const at = entry.ruleSpan ?? entry.exceptionSpan;
        if (!meta) annotation.problems.push({ kind: 'invalid', message: `unknown or disabled rule "${entry.rule}"`, at });
        else if (isExceptionId(annotation.exceptionId) && !meta.exceptions.includes(annotation.exceptionId)) {
          annotation.problems.push({ kind: 'invalid', message: `the ${EXCEPTIONS[annotation.exceptionId].title} exception cannot justify ${entry.rule}; it accepts: ${meta.exceptions.join(', ')}`, at: entry.exceptionSpan });
        }
      }
      out.push(dedupeProblems(annotation));
    });
  }
  return out;
}

function dedupeProblems(annotation: Annotation): Annotation {
  const seen = new Set<string>();
  annotation.problems = annotation.problems.filter((p) => {
    const key = `${p.kind}\0${p.message}\0${p.at.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return annotation;
}

/** Rules that may fire on a file of this language (XML may be a Mirth export) and whose trigger words occur in the text. */
function applicableRules(settings: AnalysisSettings, language: LanguageId, text: string): EnabledRule[] {
  const languages: LanguageId[] = language === 'xml' ? ['xml', 'mirth'] : [language];
  return settings.rules.filter((r) => languages.some((l) => r.rule.meta.languages.includes(l)) && (!settings.prefilter || mayFire(r.rule, text)));
}

/** The file-level prefilter: one word of `triggers`, and one of `triggersAlso` when the rule has that list. */
function mayFire(rule: Rule, text: string): boolean {
  if (!triggerPattern(rule).test(text)) return false;
  const also = rule.meta.triggersAlso;
  return !also || wordsPattern(also, alsoPatterns, rule).test(text);
}

const triggerPatterns = new WeakMap<Rule, RegExp>();
const alsoPatterns = new WeakMap<Rule, RegExp>();

/** One case-insensitive pattern per rule: a single scan of the text instead of one per trigger word. */
function triggerPattern(rule: Rule): RegExp {
  return wordsPattern(rule.meta.triggers, triggerPatterns, rule);
}

function wordsPattern(list: readonly string[], cache: WeakMap<Rule, RegExp>, rule: Rule): RegExp {
  let pattern = cache.get(rule);
  if (!pattern) {
    const words = list.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = words.length > 0 ? new RegExp(words.join('|'), 'i') : /(?!)/;
    cache.set(rule, pattern);
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
  registerEntries: Annotation[],
): { inFile: Annotation[]; fromRegister: Annotation[] } {
  const annotations = text.includes(ANNOTATION_MARKER) ? parseAnnotations(parsed.comments, lines) : [];
  const registerAnnotations = settings.register.map((entry) => annotationFromRegister(entry, parsed, lines));
  const all = [...annotations, ...registerAnnotations];
  if (all.length > 0) {
    const constructs = constructsByLine(parsed, lines);
    for (const a of annotations) a.target = constructs.get(a.targetLine);
    const accepted = new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta.exceptions]));
    for (const a of all) {
      validateAnnotation(a, settings.now);
      if (!a.target && a.form !== 'register') {
        a.problems.push({
          kind: 'invalid',
          message: `no statement, declaration or entry begins on line ${a.targetLine + 1}, the line after it`,
          at: a.idSpan,
        });
      }
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
        annotations: [...annotations, ...registerEntries],
        findings: pending,
        now: settings.now,
        codeAt: (span) => codeUnitAt(parsed, span)?.model,
        codeUnitAt: (span) => codeUnitAt(parsed, span),
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
  for (const a of all) if (a.target || a.form !== 'register') result.exceptions.push(describeAnnotation(a, pending, lines));
  return { inFile: [...annotations, ...registerEntries], fromRegister: registerAnnotations };
}

/**
 * Links a valid annotation to the findings in the construct it documents, when its exception is
 * one the finding's rule accepts. An exception that cannot justify any finding there is a problem.
 */
function matchFindings(annotation: Annotation, pending: RawFinding[], accepted: Map<string, ExceptionId[]>): void {
  const target = annotation.target;
  if (!target || !isExceptionId(annotation.exceptionId)) return;
  const covered = pending.filter((p) => covers(target, p) && (!annotation.register?.rule || annotation.register.rule === p.ruleId));
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

/** Whether a finding (or one of its related places) lies in an annotation's target construct. */
function covers(target: Span, p: PendingFinding): boolean {
  const inside = (span: Span): boolean => span.start >= target.start && span.start < Math.max(target.end, target.start + 1);
  return inside(p.at) || p.related.some((r) => inside(r.at));
}

function codeUnitAt(parsed: ParsedFile, span: Span): CodeUnit | undefined {
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
  // The rules it documents; for one that documents nothing, the rules of the findings it stands over.
  const documented = pending.filter((p) => p.documentedBy.includes(a));
  const ruleIds = [...new Set((documented.length > 0 ? documented : a.target ? pending.filter((p) => covers(a.target!, p)) : []).map((p) => p.ruleId))];
  if (a.register?.rule && !ruleIds.includes(a.register.rule)) ruleIds.push(a.register.rule);
  const span = a.register ? a.target ?? { start: 0, end: 0 } : a.span;
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
    problems: a.problems.map((p) => ({ kind: p.kind, message: p.message })),
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

