/**
 * Completion inside an annotation, in any comment syntax: after `ehi-exception:` the exception ids
 * (those the findings below accept first), on a field line the fields the chosen exception still
 * needs (required first), after `field:` the values it allows.
 */
import { EXCEPTION_IDS, EXCEPTIONS, ExceptionId, fieldsOf, FieldSpec, isExceptionId, requiredFields, sectionUrl } from '../core/annotations/exceptions';
import { isoDate } from '../core/annotations/validate';
import type { LineIndex, Position } from '../core/text';
import { oneYearFrom } from './fixes/edits';

export interface CompletionEntry {
  label: string;
  kind: 'exception' | 'field' | 'value';
  detail?: string;
  documentation?: string;
  insertText: string;
  /** Replace this much of the line before the cursor (the partial word). */
  replaceFrom: number;
  sortText: string;
}

const HEADER = /ehi-exception\s*:\s*([\w-]*)$/;
const COMMENT_LEAD = /^\s*(\/\/+|#|!|\*(?!\/)|<!--|\/\*+)?/;

/**
 * @param acceptedAt exceptions that the findings on a line accept (to rank ids), by zero-based line.
 */
export function completionsAt(lines: LineIndex, position: Position, now: Date, acceptedAt: (line: number) => ExceptionId[]): CompletionEntry[] | undefined {
  const lineText = lines.lineText(position.line);
  const before = lineText.slice(0, position.character);
  const header = HEADER.exec(before);
  if (header) return exceptionIds(before.length - header[1].length, acceptedAt(targetLine(lines, position.line, before)));

  // The one-line form: `ehi-exception: id; field: value; ...`
  const inline = /ehi-exception\s*:\s*([\w-]+)\s*;(.*)$/.exec(before);
  if (inline && isExceptionId(inline[1])) {
    const segments = inline[2].split(';');
    const current = segments[segments.length - 1];
    const present = new Map(segments.slice(0, -1).map(parseField).filter((f): f is [string, string] => f !== undefined));
    return fieldOrValue(inline[1], current, before.length, present, now);
  }

  // A field line of a block: find the header above.
  const block = blockAbove(lines, position.line);
  if (!block || !isExceptionId(block.id)) return undefined;
  const lead = COMMENT_LEAD.exec(before)![0];
  if (!lead.trim() && !block.xml) return undefined;
  const rest = before.slice(lead.length);
  return fieldOrValue(block.id, rest, before.length, block.present, now);
}

function parseField(segment: string): [string, string] | undefined {
  const m = /^\s*([a-z][a-z0-9-]*)\s*:\s*(.*)$/.exec(segment);
  return m ? [m[1], m[2].trim()] : undefined;
}

/** `present`: fields already written, with their values (empty when not filled in yet). */
function fieldOrValue(id: ExceptionId, current: string, cursor: number, present: Map<string, string>, now: Date): CompletionEntry[] | undefined {
  const value = /^\s*([a-z][a-z0-9-]*)\s*:\s*([\w-]*)$/.exec(current);
  if (value) {
    const spec = fieldsOf(id).find((f) => f.name === value[1]);
    return spec ? values(spec, cursor - value[2].length, now) : undefined;
  }
  const name = /^\s*([a-z0-9-]*)$/.exec(current);
  if (!name) return undefined;
  return fieldNames(id, present, cursor - name[1].length);
}

function exceptionIds(replaceFrom: number, accepted: ExceptionId[]): CompletionEntry[] {
  return EXCEPTION_IDS.map((id) => {
    const spec = EXCEPTIONS[id];
    const fields = requiredFields(id, new Map()).map((f) => f.name);
    return {
      label: id,
      kind: 'exception' as const,
      detail: `${spec.title} (45 CFR ${spec.section})${accepted.includes(id) ? ' · accepted by the finding below' : ''}`,
      documentation: `${spec.conditions}\n\nRequires: ${fields.join(', ')}.\n\n${sectionUrl(spec.section)}`,
      insertText: id,
      replaceFrom,
      sortText: `${accepted.includes(id) ? 0 : 1}${String(EXCEPTION_IDS.indexOf(id)).padStart(2, '0')}`,
    };
  });
}

function fieldNames(id: ExceptionId, present: Map<string, string>, replaceFrom: number): CompletionEntry[] {
  const values = new Map([...present].filter(([, v]) => v !== ''));
  const required = new Set(requiredFields(id, values).map((f) => f.name));
  return fieldsOf(id)
    .filter((f) => !present.has(f.name))
    .map((f, i) => {
      const rank = required.has(f.name) ? 0 : f.requiredWhen ? 1 : 2;
      return {
        label: f.name,
        kind: 'field' as const,
        detail: rank === 0 ? 'required' : f.requiredWhen ? `required when ${f.requiredWhen.field} is ${f.requiredWhen.values.join(' or ')}` : 'optional',
        documentation: describe(f),
        insertText: `${f.name}: `,
        replaceFrom,
        sortText: `${rank}${String(i).padStart(2, '0')}`,
      };
    });
}

function values(spec: FieldSpec, replaceFrom: number, now: Date): CompletionEntry[] {
  const entry = (label: string, detail: string, i: number): CompletionEntry => ({ label, kind: 'value', detail, documentation: spec.description, insertText: label, replaceFrom, sortText: String(i).padStart(2, '0') });
  switch (spec.kind.type) {
    case 'enum':
      return spec.kind.values.map((v, i) => entry(v, spec.name, i));
    case 'date':
      return spec.name === 'review-by' ? [entry(oneYearFrom(now), 'a year from today', 0), entry(isoDate(now), 'today', 1)] : [entry(isoDate(now), 'today', 0)];
    case 'duration':
      return ['PT30M', 'PT1H', 'PT4H', 'P1D', 'P7D'].map((v, i) => entry(v, 'ISO 8601 duration', i));
    case 'business-days':
      return [entry(String(spec.kind.max), `business days (at most ${spec.kind.max})`, 0)];
    case 'text':
      return [];
  }
}

function describe(f: FieldSpec): string {
  const allowed = f.kind.type === 'enum' ? ` One of: ${f.kind.values.join(', ')}.` : '';
  return `${f.description}${allowed}`;
}

/** The line an annotation being written will document: the first line after the comment lines. */
function targetLine(lines: LineIndex, line: number, before: string): number {
  if (!/^\s*(\/\/|#|!|\*|<!--|\/\*)/.test(before)) return line; // a trailing one-line annotation
  let next = line + 1;
  while (next < lines.lineCount && /^\s*(\/\/|#|!|\*|-->|<!--|\/\*|[a-z][a-z0-9-]*\s*:)/.test(lines.lineText(next))) next++;
  return next;
}

/** The annotation block a line belongs to: its id and the fields already written, or undefined. */
function blockAbove(lines: LineIndex, line: number): { id: string; present: Map<string, string>; xml: boolean } | undefined {
  const present = new Map<string, string>();
  const collect = (text: string): void => {
    const f = parseField(text.replace(COMMENT_LEAD, ''));
    if (f) present.set(f[0], f[1]);
  };
  for (let i = line - 1; i >= 0 && i >= line - 40; i--) {
    const text = lines.lineText(i);
    const header = /ehi-exception\s*:\s*([\w-]+)/.exec(text);
    if (header) {
      // Fields below the cursor belong to the block too.
      for (let j = line + 1; j < lines.lineCount && j <= line + 40; j++) {
        const t = lines.lineText(j);
        if (!/^\s*(\/\/|#|!|\*(?!\/)|[a-z][a-z0-9-]*\s*:)/.test(t) || /ehi-exception/.test(t)) break;
        collect(t);
      }
      return { id: header[1], present, xml: /<!--/.test(text) };
    }
    const content = text.replace(COMMENT_LEAD, '');
    if (text.trim() === '' || (!COMMENT_LEAD.exec(text)![0].trim() && !/^\s+[a-z][a-z0-9-]*\s*:/.test(text))) return undefined;
    if (!/^\s*[a-z][a-z0-9-]*\s*:/.test(content) && !/^\s{2,}\S/.test(content)) return undefined;
    collect(text);
  }
  return undefined;
}
