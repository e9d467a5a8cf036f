/**
 * The annotation grammar (shared/reference/exceptions.md), read from comments of any syntax. For
 * example:
 *
 *   // ehi-exception: health-it-performance
 *   //   reason: Nightly reindex makes patient search unavailable
 *   //   max-duration: PT30M
 *
 * A block of consecutive comment lines; the first reads `ehi-exception: <id>`, each further line
 * `<field>: <value>`; a line indented deeper than the field line above it continues that value;
 * the block ends at the first non-comment line or an empty comment line. It documents the construct
 * that begins on the first non-comment line after the block. A trailing comment
 * `ehi-exception: security; reason: ...; owner: ...` documents the construct on its own line.
 */
import type { Comment } from '../ir';
import type { LineIndex } from '../text';
import type { Annotation, AnnotationField, AnnotationProblem } from './types';

/** One line of comment content, with where it is in the file. */
interface CommentLine {
  line: number;
  /** Content after the comment delimiter (and a JSDoc-style `*`), without the line break. */
  content: string;
  /** File offset of `content[0]`. */
  contentStart: number;
  /** Whether the comment is alone on its line (nothing but whitespace before it). */
  ownLine: boolean;
  /** The comment this line belongs to, so block comments are one block each. */
  commentIndex: number;
  /** Whether the comment is a single-line style (`//`, `#`): consecutive ones form one block. */
  lineStyle: boolean;
}

const HEADER = /^ehi-exception\s*:\s*(.*)$/;
const FIELD = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\s*:\s?(.*)$/;
export const ANNOTATION_MARKER = 'ehi-exception';

export function parseAnnotations(comments: readonly Comment[], lines: LineIndex): Annotation[] {
  if (!comments.some((c) => c.text.includes(ANNOTATION_MARKER))) return [];
  const commentLines = splitComments(comments, lines);
  const annotations: Annotation[] = [];
  for (let i = 0; i < commentLines.length; i++) {
    const header = HEADER.exec(commentLines[i].content.trim());
    if (!header) continue;
    const first = commentLines[i];
    if (!first.ownLine) {
      annotations.push(parseInline(first, first.line));
      continue;
    }
    // Collect the block: following lines of the same block comment, or adjacent own-line line comments.
    const block: CommentLine[] = [first];
    let j = i + 1;
    for (; j < commentLines.length; j++) {
      const next = commentLines[j];
      const prev = block[block.length - 1];
      const sameComment = next.commentIndex === prev.commentIndex;
      const adjacentLineComment = next.lineStyle && prev.lineStyle && next.ownLine && next.line === prev.line + 1;
      if (!sameComment && !adjacentLineComment) break;
      if (next.content.trim() === '' || HEADER.test(next.content.trim())) break;
      block.push(next);
    }
    i = j - 1;
    const targetLine = lineAfterComments(commentLines, j, block[block.length - 1]);
    if (header[1].includes(';')) annotations.push(parseInline(first, targetLine, block));
    else annotations.push(parseBlock(block, header[1], targetLine));
  }
  return annotations;
}

/** The first line after the block that is not a comment line. */
function lineAfterComments(commentLines: CommentLine[], from: number, last: CommentLine): number {
  let line = last.line + 1;
  for (let k = from; k < commentLines.length; k++) {
    const c = commentLines[k];
    if (c.line < line) continue;
    if (c.line === line && c.ownLine) line++;
    else break;
  }
  return line;
}

function parseBlock(block: CommentLine[], idText: string, targetLine: number): Annotation {
  const first = block[0];
  const idOffset = first.contentStart + first.content.indexOf(idText, first.content.indexOf(':') + 1);
  const exceptionId = idText.trim();
  const fields: AnnotationField[] = [];
  const problems: AnnotationProblem[] = [];
  let lastFieldIndent = -1;
  for (const line of block.slice(1)) {
    const indent = line.content.length - line.content.trimStart().length;
    const trimmed = line.content.trim();
    const last = fields[fields.length - 1];
    if (last && indent > lastFieldIndent) {
      last.value = `${last.value} ${trimmed}`.trim();
      last.valueEnd = line.contentStart + line.content.trimEnd().length;
      continue;
    }
    const field = FIELD.exec(trimmed);
    if (!field) {
      const start = line.contentStart + indent;
      problems.push({
        kind: 'invalid',
        message: `malformed line "${trimmed}": expected "field: value"`,
        at: { start, end: start + trimmed.length },
      });
      continue;
    }
    const nameStart = line.contentStart + indent;
    const valueStart = nameStart + trimmed.length - field[2].length;
    fields.push({ name: field[1], value: field[2].trim(), nameStart, valueStart, valueEnd: nameStart + trimmed.length });
    lastFieldIndent = indent;
  }
  const lastLine = block[block.length - 1];
  return {
    exceptionId,
    idSpan: { start: idOffset, end: idOffset + exceptionId.length },
    fields,
    span: { start: first.contentStart, end: lastLine.contentStart + lastLine.content.trimEnd().length },
    form: 'block',
    targetLine,
    problems,
  };
}

/** `ehi-exception: security; reason: ...; owner: ...` (fields separated by `;`). */
function parseInline(line: CommentLine, targetLine: number, block?: CommentLine[]): Annotation {
  const content = line.content;
  const headerStart = content.indexOf(ANNOTATION_MARKER);
  const afterColon = content.indexOf(':', headerStart) + 1;
  const segments: { text: string; start: number }[] = [];
  let segmentStart = afterColon;
  for (let k = afterColon; k <= content.length; k++) {
    if (k === content.length || content[k] === ';') {
      segments.push({ text: content.slice(segmentStart, k), start: line.contentStart + segmentStart });
      segmentStart = k + 1;
    }
  }
  const [idSegment, ...fieldSegments] = segments;
  const exceptionId = idSegment.text.trim();
  const idStart = idSegment.start + (idSegment.text.length - idSegment.text.trimStart().length);
  const fields: AnnotationField[] = [];
  const problems: AnnotationProblem[] = [];
  for (const segment of fieldSegments) {
    const trimmed = segment.text.trim();
    if (trimmed === '') continue;
    const start = segment.start + (segment.text.length - segment.text.trimStart().length);
    const field = FIELD.exec(trimmed);
    if (!field) {
      problems.push({ kind: 'invalid', message: `malformed field "${trimmed}": expected "field: value"`, at: { start, end: start + trimmed.length } });
      continue;
    }
    fields.push({ name: field[1], value: field[2].trim(), nameStart: start, valueStart: start + trimmed.length - field[2].length, valueEnd: start + trimmed.length });
  }
  const end = block ? block[block.length - 1].contentStart + block[block.length - 1].content.trimEnd().length : line.contentStart + content.trimEnd().length;
  if (block && block.length > 1) {
    for (const extra of block.slice(1)) {
      const trimmed = extra.content.trim();
      const start = extra.contentStart + extra.content.indexOf(trimmed);
      problems.push({ kind: 'invalid', message: `malformed line "${trimmed}": a one-line annotation takes its fields after ';' on the same line`, at: { start, end: start + trimmed.length } });
    }
  }
  return {
    exceptionId,
    idSpan: { start: idStart, end: idStart + exceptionId.length },
    fields,
    span: { start: line.contentStart + headerStart, end },
    form: 'inline',
    targetLine,
    problems,
  };
}

/**
 * Whether a comment preceded by `before` on its line stands on a line of its own. A script comment
 * right after an XML start tag (and CDATA opener) begins the first line of a Mirth script.
 */
function startsLine(before: string, comment: string): boolean {
  if (before.trim() === '') return true;
  // Between JSX children a comment is written `{/* … */}`: the brace opens the line.
  if (comment.startsWith('/*') && /^\s*\{\s*$/.test(before)) return true;
  // The first line of a script embedded in XML (Mirth) starts after its element's tags and CDATA opener:
  // the text before the comment ends with a tag (JSX text after `<p>…</p>` does not start a line).
  return !comment.startsWith('<!--') && /^\s*(?:<\/?[\w.:-]+(?:\s[^<>]*)?>[^<>]*)*<\/?[\w.:-]+(?:\s[^<>]*)?>(?:<!\[CDATA\[)?\s*$/.test(before);
}

/** Splits comments into content lines, stripping `//`, `#`, `!`, `/* *\/`, `<!-- -->` and JSDoc `*` gutters. */
function splitComments(comments: readonly Comment[], lines: LineIndex): CommentLine[] {
  const out: CommentLine[] = [];
  comments.forEach((comment, commentIndex) => {
    const text = comment.text;
    let open = 0;
    let close = text.length;
    let lineStyle = false;
    if (text.startsWith('<!--')) {
      open = 4;
      if (text.endsWith('-->')) close = text.length - 3;
    } else if (text.startsWith('/*')) {
      open = 2;
      while (text[open] === '*' && open < close - 2) open++;
      if (text.endsWith('*/')) close = text.length - 2;
    } else if (text.startsWith('//')) {
      open = 2;
      while (text[open] === '/') open++;
      lineStyle = true;
    } else if (text.startsWith('#') || text.startsWith('!')) {
      open = 1;
      lineStyle = true;
    }
    const startPos = lines.positionAt(comment.start);
    const ownLine = startsLine(lines.lineText(startPos.line).slice(0, startPos.character), text);
    const body = text.slice(open, Math.max(open, close));
    const parts: { text: string; start: number }[] = [];
    const breaks = /\r\n|\r|\n/g;
    let partStart = 0;
    for (let m = breaks.exec(body); m; m = breaks.exec(body)) {
      parts.push({ text: body.slice(partStart, m.index), start: partStart });
      partStart = m.index + m[0].length;
    }
    parts.push({ text: body.slice(partStart), start: partStart });
    parts.forEach((part, index) => {
      let content = part.text;
      let contentStart = comment.start + open + part.start;
      if (index > 0 && !lineStyle) {
        // Continuation lines of a block comment: drop the indentation and a `*` gutter.
        const gutter = /^\s*\*(?!\/)/.exec(content);
        if (gutter) {
          content = content.slice(gutter[0].length);
          contentStart += gutter[0].length;
        }
      }
      const line = lines.positionAt(contentStart).line;
      out.push({ line, content, contentStart, ownLine: index > 0 || ownLine, commentIndex, lineStyle });
    });
  });
  return out;
}
