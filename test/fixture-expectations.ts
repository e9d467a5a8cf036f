/**
 * Inline expectations in fixtures, written in the file's own comment syntax:
 *
 *   // ruleid: unjustified-throttle      the next code line must have a finding of this rule
 *   app.get('/fhir', limiter, h);  // ruleid: unjustified-throttle   (same line, trailing form)
 *   # ok: unjustified-throttle           the next code line looks similar but must not have one
 *
 * An own-line marker applies to the next line that is neither blank nor another marker (so it can
 * point at an annotation's first line). Several ids may be listed, separated by commas. Any finding
 * on a line without a matching `ruleid` is a failure, so `ok` documents intent rather than being
 * the only guard.
 */
import type { Comment } from '../server/src/core/ir';
import type { LineIndex } from '../server/src/core/text';

export interface Expectation {
  kind: 'ruleid' | 'ok';
  ruleId: string;
  /** Zero-based line the expectation applies to. */
  line: number;
}

const MARKER = /^\s*(?:\/\/+|#|<!--|\/\*+|\*)?\s*(ruleid|ok)\s*:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?:-->|\*\/)?\s*$/;

export function readExpectations(comments: readonly Comment[], lines: LineIndex): Expectation[] {
  const markers = comments
    .map((c) => ({ c, m: MARKER.exec(c.text), position: lines.positionAt(c.start) }))
    .filter((x): x is { c: Comment; m: RegExpExecArray; position: ReturnType<LineIndex['positionAt']> } => x.m !== null);
  const isOwnLine = (x: (typeof markers)[number]): boolean => lines.lineText(x.position.line).slice(0, x.position.character).trim() === '';
  const markerLines = new Set(markers.filter(isOwnLine).map((x) => x.position.line));
  const out: Expectation[] = [];
  for (const x of markers) {
    let line = x.position.line;
    if (isOwnLine(x)) {
      line = lines.positionAt(Math.max(x.c.start, x.c.end - 1)).line + 1;
      while (line < lines.lineCount && (markerLines.has(line) || lines.lineText(line).trim() === '')) line++;
    }
    for (const id of x.m[2].split(',').map((s) => s.trim())) out.push({ kind: x.m[1] as 'ruleid' | 'ok', ruleId: id, line });
  }
  return out;
}
