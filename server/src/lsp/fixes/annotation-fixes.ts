/**
 * Fixes for the annotation rules: add the fields an incomplete annotation lacks, set a new
 * `review-by` on an expired one, take the suggested spelling of a misspelt id or field name, and
 * remove an annotation that documents nothing any more.
 * Each leaves nothing to do when applied twice.
 */
import type { Annotation, AnnotationProblem } from '../../core/annotations/types';
import { fieldsOf, isExceptionId } from '../../core/annotations/exceptions';
import type { Comment } from '../../core/ir';
import type { LineIndex } from '../../core/text';
import { oneYearFrom, SnippetBuilder, TextChange } from './edits';

/** The required fields that are absent (a field written with an empty value is there, waiting for a value). */
export function absentFields(annotation: Annotation, problem: AnnotationProblem): string[] {
  return (problem.missing ?? []).filter((name) => !annotation.fields.some((f) => f.name === name));
}

export function addMissingFields(annotation: Annotation, problem: AnnotationProblem, lines: LineIndex, now: Date): TextChange | undefined {
  const names = absentFields(annotation, problem);
  if (names.length === 0 || !isExceptionId(annotation.exceptionId)) return undefined;
  const specs = new Map(fieldsOf(annotation.exceptionId).map((f) => [f.name, f]));
  const b = new SnippetBuilder();
  const value = (name: string): void => {
    const spec = specs.get(name);
    if (name === 'review-by') b.text(' ').placeholder(oneYearFrom(now));
    else if (spec?.kind.type === 'enum') b.snippetOnly(' ').choice(spec.kind.values);
    else b.snippetOnly(' ').placeholder();
  };
  if (annotation.form === 'inline' || unclosedHtmlComment(annotation, lines)) {
    for (const name of names) {
      b.text(`; ${name}:`);
      value(name);
    }
  } else if (annotation.form === 'block') {
    const prefix = fieldPrefix(annotation, lines);
    for (const name of names) {
      b.text(`\n${prefix}${name}:`);
      value(name);
    }
  } else {
    // A register entry: YAML keys at the indentation of its other keys.
    const indent = registerIndent(annotation, lines);
    for (const name of names) {
      b.text(`\n${indent}${name}:`);
      value(name);
    }
  }
  const { text, snippet } = b.build();
  // A register entry's span runs to the next entry; insert after its last non-blank character.
  let end = annotation.span.end;
  while (end > annotation.span.start && /\s/.test(lines.text[end - 1])) end--;
  // A one-line annotation followed by stray comment lines: its fields go on its own line.
  if (annotation.form === 'inline' && lines.positionAt(end).line !== lines.positionAt(annotation.idSpan.start).line) {
    end = Math.max(annotation.idSpan.end, ...annotation.fields.map((f) => f.valueEnd));
  }
  return { start: end, end, text, snippet };
}

/**
 * A JavaScript HTML-like comment (`<!-- ehi-exception: x` with no `-->`) ends with its line: fields
 * on the lines below would be code, so they are added on the header line, inline.
 */
function unclosedHtmlComment(annotation: Annotation, lines: LineIndex): boolean {
  if (annotation.form !== 'block' || annotation.fields.length > 0) return false;
  const line = lines.positionAt(annotation.idSpan.start).line;
  const text = lines.lineText(line);
  const column = annotation.idSpan.start - lines.lineStart(line);
  return text.lastIndexOf('<!--', column) >= 0 && !text.includes('-->', column);
}

/** What precedes a field name on its line (`//   `, `#   `, ` *   `, indentation in an XML comment). */
function fieldPrefix(annotation: Annotation, lines: LineIndex): string {
  const last = annotation.fields[annotation.fields.length - 1];
  if (last) return lines.text.slice(lines.lineStart(lines.positionAt(last.nameStart).line), last.nameStart);
  const headerLine = lines.positionAt(annotation.idSpan.start).line;
  const header = lines.text.slice(lines.lineStart(headerLine), annotation.idSpan.start);
  const marker = header.lastIndexOf('ehi-exception');
  const lead = header.slice(0, marker);
  // `// ehi-exception: x` → `//   `; `<!-- ehi-exception: x` and `/* ehi-exception: x` → spaces under it
  // (inside a block comment a repeated `/*` would be part of the field's name).
  return /^\s*(<!--|\/\*+)\s*$/.test(lead) ? ' '.repeat(lead.length + 2) : `${lead.replace(/\s+$/, '')}   `;
}

function registerIndent(annotation: Annotation, lines: LineIndex): string {
  const line = lines.positionAt(annotation.idSpan.start).line;
  const text = lines.lineText(line);
  return /^\s*(-\s+)?/.exec(text)![0].replace(/-/g, ' ');
}

export function renewReviewBy(annotation: Annotation, now: Date): TextChange | undefined {
  const field = annotation.fields.find((f) => f.name === 'review-by');
  if (!field) return undefined;
  const date = oneYearFrom(now);
  return { start: field.valueStart, end: field.valueEnd, text: date, snippet: `\${1:${date}}` };
}

export function takeSuggestion(problem: AnnotationProblem): TextChange | undefined {
  if (!problem.suggestion) return undefined;
  return { start: problem.suggestion.at.start, end: problem.suggestion.at.end, text: problem.suggestion.text };
}

/**
 * Removes an annotation and nothing else: the comment lines of a block (whole lines, when the comment
 * is alone on them), or the trailing comment of an inline one with the space before it.
 */
export function removeAnnotation(annotation: Annotation, comments: readonly Comment[], lines: LineIndex): TextChange | undefined {
  const own = comments.filter((c) => c.end > annotation.span.start && c.start < annotation.span.end);
  if (own.length === 0) return undefined;
  const text = lines.text;
  const start = own[0].start;
  const end = own[own.length - 1].end;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const aloneBefore = text.slice(lineStart, start).trim() === '';
  const aloneAfter = text.slice(end, lineEnd).trim() === '';
  if (aloneBefore && aloneAfter) return { start: lineStart, end: nextBreak < 0 ? lineEnd : lineEnd + 1, text: '' };
  // Trailing: the comment and the blanks before it; the code before it stays.
  let from = start;
  while (from > lineStart && /[ \t]/.test(text[from - 1])) from--;
  return { start: from, end, text: '' };
}
