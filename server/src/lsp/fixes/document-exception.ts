/**
 * "Document as <exception>": a complete annotation template above the construct that holds the
 * finding, in the file's comment syntax and indentation, with every field the exception requires
 * (tab-stops and value choices where the client takes snippets). Empty values count as missing, so
 * the finding stays reported until someone fills them in.
 */
import type { Annotation } from '../../core/annotations/types';
import { EXCEPTIONS, ExceptionId, fieldsOf, FieldSpec } from '../../core/annotations/exceptions';
import { constructsByLine, ParsedFile } from '../../core/files';
import type { Span } from '../../core/ir';
import type { LineIndex } from '../../core/text';
import { commentStyleAt, CommentStyle } from './comment-style';
import { indentationOf, oneYearFrom, SnippetBuilder, TextChange } from './edits';

export interface Placement {
  /** The line the annotation goes above. */
  line: number;
  /** The construct it will document (contains the finding). */
  construct: Span;
}

/**
 * Where an annotation documenting a finding at `offset` goes: above the innermost construct that
 * contains it and begins its line (only indentation, or YAML sequence dashes, before it).
 */
export function placementFor(parsed: ParsedFile, lines: LineIndex, offset: number): Placement | undefined {
  const constructs = constructsByLine(parsed, lines);
  for (let line = lines.positionAt(offset).line; line >= 0; line--) {
    const span = constructs.get(line);
    if (!span || span.start > offset || offset >= Math.max(span.end, span.start + 1)) continue;
    const before = lines.text.slice(lines.lineStart(line), span.start);
    if (/^\s*(-\s+)*$/.test(before)) return { line, construct: span };
  }
  return undefined;
}

/**
 * Fields of a new annotation, in the order the contract's examples use: reason, the exception's own,
 * owner, review-by. Fields required only for some values of another field are included too: left
 * empty they are not required, and the user sees them when choosing that value.
 */
export function templateFields(exception: ExceptionId): FieldSpec[] {
  const required = fieldsOf(exception).filter((f) => !f.optional);
  const reason = required.filter((f) => f.name === 'reason');
  const own = required.filter((f) => !['reason', 'owner', 'review-by'].includes(f.name));
  const tail = required.filter((f) => f.name === 'owner' || f.name === 'review-by');
  return [...reason, ...own, ...tail];
}

export function documentAs(options: {
  parsed: ParsedFile;
  lines: LineIndex;
  /** Annotations already in the file (from the analysis). */
  annotations: readonly Annotation[];
  offset: number;
  exception: ExceptionId;
  now: Date;
}): TextChange | undefined {
  const { parsed, lines } = options;
  const placement = placementFor(parsed, lines, options.offset);
  if (!placement) return undefined;
  // One record per construct: when an annotation already stands there, its own fixes apply instead.
  if (options.annotations.some((a) => a.form !== 'register' && a.targetLine === placement.line)) return undefined;
  const lineStart = lines.lineStart(placement.line);
  const indent = indentationOf(lines.lineText(placement.line));
  const style = commentStyleAt(parsed, lineStart + indent.length);
  if (!style) return undefined;
  const { text, snippet } = annotationTemplate(style, indent, options.exception, options.now);
  return { start: lineStart, end: lineStart, text, snippet };
}

function annotationTemplate(style: CommentStyle, indent: string, exception: ExceptionId, now: Date): { text: string; snippet: string } {
  const b = new SnippetBuilder();
  const header = `ehi-exception: ${exception}`;
  const fieldLine = (field: FieldSpec): void => {
    b.text(`${field.name}:`);
    if (field.name === 'review-by') b.text(' ').placeholder(oneYearFrom(now));
    else if (field.kind.type === 'enum') b.snippetOnly(' ').choice(field.kind.values);
    else b.snippetOnly(' ').placeholder();
    b.text('\n');
  };
  const fields = templateFields(exception);
  if (style.kind === 'line') {
    b.text(`${indent}${style.prefix} ${header}\n`);
    for (const f of fields) {
      b.text(`${indent}${style.prefix}   `);
      fieldLine(f);
    }
  } else if (style.kind === 'jsx') {
    b.text(`${indent}{/* ${header}\n`);
    for (const f of fields) {
      b.text(`${indent}     `);
      fieldLine(f);
    }
    b.text(`${indent}*/}\n`);
  } else {
    b.text(`${indent}<!-- ${header}\n`);
    for (const f of fields) {
      b.text(`${indent}     `);
      fieldLine(f);
    }
    b.text(`${indent}-->\n`);
  }
  return b.build();
}

export function documentTitle(exception: ExceptionId, ruleId: string): string {
  return `Document as ${EXCEPTIONS[exception].title} exception (${ruleId})`;
}
