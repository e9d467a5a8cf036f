/**
 * What a rule is: one unit with its metadata, options, messages, documentation and checks.
 * Rules live in `rules/<rule-id>.ts` (or `rules/<rule-id>/index.ts` with helpers only it uses);
 * the registry is `rules/index.ts`.
 */
import type { Annotation } from './annotations/types';
import type { CodeModel } from './code-model';
import type { ConfigDocument } from './formats/tree';
import type { XmlDocument } from './formats/xml';
import type { ExceptionId } from './annotations/exceptions';
import type { CodeUnit } from './files';
import type { IrKind, NodeOfKind, Origin, Span } from './ir';
import { CODE_LANGUAGES, LanguageId } from './language';
import { optionValueProblem, OptionsSchema, OptionValues } from './rule-options';

export type Severity = 'error' | 'warning' | 'info';


export interface RuleExample {
  language: LanguageId;
  /** Code or config that the rule flags. */
  flagged: string;
  /** The same intent written so that the rule has nothing to flag, or documented. */
  fixed: string;
}

/** Documentation kept on the rule itself; the docs pages and the README table are generated from it. */
export interface RuleDocs {
  /** What it flags, in one or two sentences. */
  summary: string;
  /** Why it may be information blocking, citing 45 CFR sections. */
  why: string;
  /** How to fix it, or how to document the exception when the restriction is deliberate. */
  fix: string;
  /**
   * The forms the rule reads (frameworks, libraries, config kinds), one line each; listed on the docs
   * page and by `ehi-lint --list-rules`.
   */
  covers?: string[];
  /** Patterns that look similar and are deliberately not flagged, and why. */
  notFlagged: string[];
  examples: RuleExample[];
}

export interface RuleMeta {
  /** Public API: never renamed, never reused. */
  id: string;
  title: string;
  /**
   * The practice its findings are instances of, for reports that group findings by practice (the
   * evidence pack); rules that flag one practice share it. Defaults to the title.
   */
  practice?: string;
  severity: Severity;
  languages: LanguageId[];
  /** The exceptions that could make the practice lawful; an annotation must name one of these. */
  exceptions: ExceptionId[];
  /**
   * Lower-case substrings; a file containing none of them cannot produce a finding of this rule, so
   * it is not parsed for it. Keep this list complete: the prefilter test compares results with
   * and without it.
   */
  triggers: string[];
  /**
   * A second, conjunctive list: when present, a file must contain one of `triggers` AND one of these
   * to be parsed for the rule. Use it only where every check of the rule provably needs both kinds of
   * word (for example a clinical word beside a delay word), and say in a comment which guard in the
   * rule makes it complete. Function bodies are still kept by `triggers` alone (a conservative union).
   */
  triggersAlso?: string[];
  /**
   * Findings of this rule in test code would only restate a test's deliberate refusals and examples:
   * the engine does not run it on test paths (`core/test-code.ts`), even when a scan includes tests.
   */
  skipsTestCode?: boolean;
  /**
   * The rule's options, as users write them in `ehi-lint.config.json` (`"rule-id": [level, { ... }]`):
   * each option's JSON Schema with its default. The settings reject anything else (unknown keys,
   * wrong types, values out of bounds); the rule reads the values, defaults filled in, from
   * `ctx.ruleOptions`. The config schema and the docs page list them.
   */
  options?: OptionsSchema;
  /** Message templates by id; `{name}` placeholders are filled from the report's data. */
  messages: Record<string, string>;
  docs: RuleDocs;
  /** Bump when the rule's behaviour changes (cache keys include it). */
  version: number;
  /**
   * How often a finding is a true positive, for code scanning (`properties.precision` in SARIF).
   * Default: `very-high` for the exception-* rules (they check annotations exactly), `high` otherwise.
   */
  precision?: 'very-high' | 'high' | 'medium' | 'low';
}

/** A place that makes up a finding: in this file (`at`), or where a value from elsewhere was defined (`origin`). */
export type RelatedPlace = { at: Span; message: string } | { origin: Origin; message: string };

/** A related place for a definition as `definitionOf` gives it: in this file (`at`) or elsewhere (`origin`). */
export function relatedPlace(where: { at: Span } | { origin: Origin }, message: string): RelatedPlace {
  return 'at' in where ? { at: where.at, message } : { origin: where.origin, message };
}

/** The places without repeats (a list reached through two tests is one place). */
export function distinctPlaces(related: readonly RelatedPlace[]): RelatedPlace[] {
  const seen = new Set<string>();
  return related.filter((r) => {
    const key = 'at' in r ? `${r.at.start}:${r.at.end}` : `${r.origin.file}:${r.origin.line}:${r.origin.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Report {
  /** The offending construct, as offsets into the analysed text. */
  at: Span;
  messageId: string;
  data?: Record<string, string | number>;
  /** Other places that make up the finding (the limiter's definition, the route it is applied to). */
  related?: RelatedPlace[];
  /**
   * Exceptions that cannot apply to this particular finding although the rule lists them, with the
   * reason (for example the Fees exception never covers a patient’s own electronic access).
   */
  excluded?: { exception: ExceptionId; reason: string }[];
}

/** Settings every rule sees (a rule's own options are its `ruleOptions`). */
export interface SharedOptions {
  /** Regular expression (case-insensitive) that recognises an audit-log call by its callee text. */
  auditPattern: string;
}

/** `O`: the rule's option values, typed from its `meta.options` by `defineRule`. */
export interface RuleContext<O = OptionValues> {
  readonly file: { path: string; language: LanguageId; text: string };
  readonly options: SharedOptions;
  /** This rule's options from the configuration, validated, with defaults for those not set. */
  readonly ruleOptions: O;
  report(report: Report): void;
}

export interface CodeContext<O = OptionValues> extends RuleContext<O> {
  readonly code: CodeModel;
}

export interface ConfigContext<O = OptionValues> extends RuleContext<O> {
  readonly config: ConfigDocument;
  /** The element tree, for XML files. */
  readonly xml?: XmlDocument;
}

/** A finding before annotations are applied, as the annotation rules see it. */
export interface PendingFinding {
  ruleId: string;
  at: Span;
  related: RelatedPlace[];
  excluded: { exception: ExceptionId; reason: string }[];
  /** The annotations that document it (valid ones only). */
  documentedBy: Annotation[];
}

export interface AnnotationContext<O = OptionValues> extends RuleContext<O> {
  readonly annotations: readonly Annotation[];
  readonly findings: readonly PendingFinding[];
  /** For code files: the model of the code that contains `span` (Mirth files have one per script). */
  codeAt(span: Span): CodeModel | undefined;
  /** Like `codeAt`, with the maps between the unit's offsets and the file's (spans here are file offsets). */
  codeUnitAt(span: Span): CodeUnit | undefined;
  readonly now: Date;
  /**
   * Whether another file of the project mentions `name` (a constant or setting an annotation here stands
   * on may document its uses there). False when the file is analysed on its own.
   */
  mentionedElsewhere(name: string): boolean;
}

export type CodeVisitor = { [K in IrKind]?: (node: NodeOfKind<K>) => void } & { end?: () => void };

/** `S`: the rule's `meta.options`, from which the checks' `ctx.ruleOptions` is typed. */
export interface Rule<S extends OptionsSchema = OptionsSchema> {
  meta: RuleMeta & { options?: S };
  /** Code languages (and Mirth scripts): visitors called for each IR node of that kind. */
  code?(context: CodeContext<OptionValues<S>>): CodeVisitor;
  /** JSON, YAML, XML, properties. */
  config?(context: ConfigContext<OptionValues<S>>): void;
  /** Annotation rules: run after the others, with the file's annotations and pending findings. */
  annotations?(context: AnnotationContext<OptionValues<S>>): void;
}

/**
 * A reporter that reports each span once: the same construct reached by two visitors (a call and the
 * handler around it) is one finding.
 */
export function reportOncePerSpan(ctx: { report(report: Report): void }): (at: Span, messageId: string, data: Record<string, string>) => void {
  const reported = new Set<string>();
  return (at, messageId, data) => {
    const key = `${at.start}:${at.end}`;
    if (reported.has(key)) return;
    reported.add(key);
    ctx.report({ at, messageId, data });
  };
}

/** A value quoted in a message: white space collapsed, cut to `max` characters with an ellipsis. */
export function clipMessageValue(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Defines a rule; checks at load time that its messages, languages and option defaults are
 * coherent. The type of `ctx.ruleOptions` in its checks is inferred from `meta.options`.
 */
export function defineRule<S extends OptionsSchema = Record<never, never>>(rule: Rule<S>): Rule {
  const { meta } = rule;
  if (!/^[a-z]+(-[a-z]+)*$/.test(meta.id)) throw new Error(`rule id ${meta.id}: lower-case words joined by '-'`);
  if ([...meta.triggers, ...(meta.triggersAlso ?? [])].some((t) => t !== t.toLowerCase())) throw new Error(`rule ${meta.id}: triggers must be lower case`);
  if (meta.triggersAlso && meta.triggersAlso.length === 0) throw new Error(`rule ${meta.id}: triggersAlso, when present, must list at least one word`);
  if (rule.code && !meta.languages.some((l) => CODE_LANGUAGES.includes(l))) throw new Error(`rule ${meta.id}: code checks but no code language`);
  if (rule.config && !meta.languages.some((l) => !CODE_LANGUAGES.includes(l))) throw new Error(`rule ${meta.id}: config checks but no config format`);
  for (const [name, schema] of Object.entries(meta.options ?? {})) {
    const problem = optionValueProblem(schema, schema.default);
    if (problem) throw new Error(`rule ${meta.id}: the default of option ${name} ${problem}`);
  }
  return rule;
}

/** Fills `{name}` placeholders. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
