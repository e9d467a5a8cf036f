/** What the engine takes (settings) and gives (file analyses, findings, notices, documented exceptions). */
import type { ExceptionId } from '../annotations/exceptions';
import type { RegisterEntry } from '../annotations/register';
import type { Annotation, AnnotationProblemKind } from '../annotations/types';
import type { ParsedFile } from '../files';
import type { LanguageId } from '../language';
import type { ProjectContext } from '../project';
import type { Rule, SharedOptions, Severity } from '../rule';
import type { OptionValues } from '../rule-options';
import type { Range } from '../text';

export interface EnabledRule {
  rule: Rule;
  severity: Severity;
  /** The rule's options, checked against its `meta.options`, with defaults filled in (its checks' `ruleOptions`). */
  options: OptionValues;
}

export interface AnalysisSettings {
  rules: EnabledRule[];
  options: SharedOptions;
  /** Today, for `review-by`. */
  now: Date;
  /** Files larger than this are not analysed (a notice says so). */
  maxBytes: number;
  /** Skip parsing files that contain none of the enabled rules' trigger words. */
  prefilter: boolean;
  /** What code may refer to in other files of the project; without it each file is analysed on its own. */
  project?: ProjectContext;
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

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export interface RelatedLocation {
  range: Range;
  message: string;
  /** When the place is in another file (a constant or configuration value defined there), that file as reports name it. */
  file?: string;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  exception: ExceptionId;
  justification: string;
  owner?: string;
  reviewBy?: string;
  approvedBy?: string;
  ticket?: string;
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
  approvedBy?: string;
  ticket?: string;
  status: 'valid' | 'invalid' | 'incomplete' | 'expired';
  range: Range;
  form: Annotation['form'];
  fields: { name: string; value: string }[];
  /** Why it documents nothing, when its status is not `valid`. */
  problems: { kind: AnnotationProblemKind; message: string }[];
  /** For a comment, the construct it documents (for a register entry, `range` is that construct). */
  target?: Range;
  /** For a register entry: the register file (as reports name it) and the entry's offsets in it. */
  register?: { file: string; start: number; end: number };
}

/** Why a file, or part of it, was not analysed; `internal` is always a bug in the analysis. */
export type NoticeCode = 'unreadable' | 'binary' | 'encoding' | 'too-large' | 'too-deep' | 'syntax' | 'internal';

export interface Notice {
  code: NoticeCode;
  message: string;
  range?: Range;
  /** For an `internal` notice: the stack of the error (the CLI prints it with `--debug`; no report includes it). */
  stack?: string;
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
  /** Other files whose content the result depends on (imported constants, configuration read), as reports name them. */
  dependencies?: string[];
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
