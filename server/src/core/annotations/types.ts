/** Exception annotations: the record, kept next to the code, that documents a deliberate restriction. */
import type { Span } from '../ir';

export interface AnnotationField {
  name: string;
  value: string;
  /** Offsets of the field name and value in the file. */
  nameStart: number;
  valueStart: number;
  valueEnd: number;
}

export type AnnotationProblemKind = 'invalid' | 'incomplete' | 'expired';

export interface AnnotationProblem {
  kind: AnnotationProblemKind;
  message: string;
  at: Span;
  /** For `incomplete`: the required fields that are missing. */
  missing?: string[];
  /** A likely correction (a misspelt exception id or field name): replace `at` with `text`. */
  suggestion?: { at: Span; text: string };
}

export interface Annotation {
  /** The exception id as written. */
  exceptionId: string;
  idSpan: Span;
  fields: AnnotationField[];
  /** The whole annotation (file offsets): for comments, every line of the block. */
  span: Span;
  /** `block`: comment lines above the construct; `inline`: a trailing one-line comment; `register`: an entry of the exception register. */
  form: 'block' | 'inline' | 'register';
  /** The construct it documents (file offsets); undefined when no construct begins where it points. */
  target?: Span;
  /** Zero-based line of the construct it documents. */
  targetLine: number;
  problems: AnnotationProblem[];
  /** How many findings it documents (set by the engine when it matches annotations to findings). */
  documents?: number;
  /** Set when the same reason is copied to several records of different exceptions (`checkCopiedReasons`). */
  reasonCopies?: { count: number; kinds: number };
  /** Set when the annotation comes from the register: where the entry is, and the rule it names. */
  register?: { file: string; entryStart: number; entryEnd: number; rule?: string; documentedFile: string };
}

export function fieldValue(annotation: Annotation, name: string): string | undefined {
  return annotation.fields.find((f) => f.name === name)?.value;
}

/** The rule a record says it documents: a register entry's `rule`, or an annotation's `rule:` field. */
export function namedRule(annotation: Annotation): string | undefined {
  return annotation.register?.rule ?? fieldValue(annotation, 'rule');
}

export function isValid(annotation: Annotation): boolean {
  return annotation.problems.length === 0;
}
