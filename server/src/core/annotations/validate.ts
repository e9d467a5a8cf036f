/**
 * Checks an annotation against the exception catalogue: known id, well-formed values, required
 * fields present, `review-by` not past. Problems are added to `annotation.problems`.
 */
import { EXCEPTION_IDS, fieldsOf, FieldKind, isExceptionId, requiredFields } from './exceptions';
import type { Annotation, AnnotationField } from './types';

export function validateAnnotation(annotation: Annotation, now: Date): void {
  const { problems } = annotation;
  if (!isExceptionId(annotation.exceptionId)) {
    const suggestion = closest(annotation.exceptionId, EXCEPTION_IDS);
    problems.push({
      kind: 'invalid',
      message:
        annotation.exceptionId === ''
          ? 'missing exception id'
          : `unknown exception id "${annotation.exceptionId}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
      at: annotation.idSpan,
      ...(suggestion ? { suggestion: { at: annotation.idSpan, text: suggestion } } : {}),
    });
    return;
  }
  const specs = fieldsOf(annotation.exceptionId);
  const known = new Map(specs.map((f) => [f.name, f]));
  const seen = new Set<string>();
  const values = new Map<string, string>();
  for (const field of annotation.fields) {
    const at = { start: field.nameStart, end: field.valueEnd };
    if (seen.has(field.name)) {
      problems.push({ kind: 'invalid', message: `field "${field.name}" is given twice`, at });
      continue;
    }
    seen.add(field.name);
    const spec = known.get(field.name);
    if (!spec) {
      const suggestion = closest(field.name, [...known.keys()]);
      if (suggestion) {
        const nameSpan = { start: field.nameStart, end: field.nameStart + field.name.length };
        problems.push({ kind: 'invalid', message: `unknown field "${field.name}" (did you mean "${suggestion}"?)`, at, suggestion: { at: nameSpan, text: suggestion } });
      }
      continue;
    }
    if (field.value === '') continue;
    const complaint = checkValue(spec.kind, field.value);
    if (complaint) problems.push({ kind: 'invalid', message: `field "${field.name}": ${complaint}`, at: valueSpan(field) });
    else values.set(field.name, field.value);
  }
  const present = new Map(annotation.fields.filter((f) => f.value !== '').map((f) => [f.name, f.value.trim()]));
  const missing = requiredFields(annotation.exceptionId, present)
    .map((f) => f.name)
    .filter((name) => !present.has(name));
  if (missing.length > 0) {
    problems.push({
      kind: 'incomplete',
      message: `missing required field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
      at: annotation.idSpan,
      missing,
    });
  }
  const reasonField = annotation.fields.find((f) => f.name === 'reason' && f.value.trim() !== '');
  if (reasonField && isPlaceholderReason(reasonField.value)) {
    problems.push({
      kind: 'incomplete',
      message: `reason "${reasonField.value.trim().slice(0, 30)}" is no record: name the specific risk and the condition met`,
      at: valueSpan(reasonField),
    });
  } else if (reasonField && annotation.reasonCopies) {
    const { count, kinds } = annotation.reasonCopies;
    problems.push({
      kind: 'incomplete',
      message: `its reason is pasted onto ${count} records of ${kinds} exceptions: give this one its own`,
      at: valueSpan(reasonField),
    });
  }
  const reviewBy = values.get('review-by');
  if (reviewBy && reviewBy < isoDate(now)) {
    const field = annotation.fields.find((f) => f.name === 'review-by')!;
    problems.push({ kind: 'expired', message: `review-by ${reviewBy} has passed; the record is stale until it is reviewed`, at: valueSpan(field) });
  }
}

const PLACEHOLDER_REASONS = /^(todo|tbd|tba|n\/?a|none|nil|null|-+|\?+|x+|fixme|wip|temp|temporary|test|testing|by design|as designed|per design|intended|intentional|required|mandatory|hipaa|privacy|policy|per policy|company policy|security|compliance|legal|per legal|see ticket|see jira|see above|see below|same as above|ditto|reason)\.?$/i;

/** Reasons that document nothing: a placeholder, a bare appeal to HIPAA, policy or security, a single word. */
export function isPlaceholderReason(reason: string): boolean {
  const text = reason.trim();
  return PLACEHOLDER_REASONS.test(text) || !/\s/.test(text);
}

/**
 * The same reason given for several exceptions of different kinds (three or more records, at least
 * two exceptions) is boilerplate, not a record of why each restriction is lawful: each copy is
 * marked, and `validateAnnotation` finds it incomplete. Run over the annotations of one file, or the
 * entries of one register, before they are validated.
 */
export function checkCopiedReasons<T extends { fields: readonly AnnotationField[]; reasonCopies?: Annotation['reasonCopies'] }>(records: readonly T[], exceptionOf: (record: T) => string): void {
  const byReason = new Map<string, T[]>();
  for (const r of records) {
    const reason = r.fields.find((f) => f.name === 'reason')?.value.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!reason || isPlaceholderReason(reason)) continue;
    byReason.set(reason, [...(byReason.get(reason) ?? []), r]);
  }
  for (const copies of byReason.values()) {
    const kinds = new Set(copies.map((r) => exceptionOf(r).trim())).size;
    if (copies.length >= 3 && kinds >= 2) for (const r of copies) r.reasonCopies = { count: copies.length, kinds };
  }
}

/** Today's date as `YYYY-MM-DD` in local time (what a developer reads on their calendar). */
export function isoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function valueSpan(field: AnnotationField): { start: number; end: number } {
  return { start: field.valueStart, end: field.valueEnd };
}

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** Returns why a value does not fit its kind, or undefined when it does. */
export function checkValue(kind: FieldKind, value: string): string | undefined {
  const v = value.trim();
  switch (kind.type) {
    case 'text':
      return undefined;
    case 'enum':
      return kind.values.includes(v) ? undefined : `"${v}" is not one of: ${kind.values.join(', ')}`;
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return `"${v}" is not a date (YYYY-MM-DD)`;
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? undefined : `"${v}" is not a calendar date`;
    }
    case 'duration':
      return ISO_DURATION.test(v) ? undefined : `"${v}" is not an ISO 8601 duration (for example PT30M or P3D)`;
    case 'business-days': {
      const days = businessDays(v);
      if (days === undefined) return `"${v}" is not a number of business days (for example 7 or P7D)`;
      return days > kind.max ? `${days} business days is more than the ${kind.max} the regulation allows` : undefined;
    }
  }
}

function businessDays(value: string): number | undefined {
  const plain = /^(\d+)(\s*(business\s+)?days?)?$/i.exec(value);
  if (plain) return Number(plain[1]);
  const iso = /^P(\d+)D$/.exec(value);
  return iso ? Number(iso[1]) : undefined;
}

/** The candidate within edit distance 1–2 of `word`, if exactly one is closest. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d > 0 && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
