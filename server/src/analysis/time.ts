/**
 * Time in code: the current time, the time elapsed since a timestamp, a cutoff some duration before
 * now, a timestamp shifted later by a duration, and comparisons between them. Written once for
 * JavaScript/TypeScript (Date, date-fns, moment, dayjs), Java (java.time), C# (DateTime, TimeSpan)
 * and Python (datetime, timedelta, Django's timezone), so rules can ask "is this item younger than
 * 72 hours?" whatever the library.
 */
import type { CodeModel } from '../core/code-model';
import type { BinaryNode, CallNode, IrNode } from '../core/ir';
import { calleeLast, calleeName, dotted, durationMs, identifierWords, numberValue, resolve, stringValue } from './values';

const HOUR = 3_600_000;

const UNIT_NAMES: Record<string, number> = {
  millis: 1,
  milliseconds: 1,
  millisecond: 1,
  ms: 1,
  seconds: 1000,
  second: 1000,
  s: 1000,
  minutes: 60_000,
  minute: 60_000,
  m: 60_000,
  hours: HOUR,
  hour: HOUR,
  h: HOUR,
  days: 24 * HOUR,
  day: 24 * HOUR,
  d: 24 * HOUR,
  weeks: 168 * HOUR,
  week: 168 * HOUR,
  w: 168 * HOUR,
};

/** A unit written as a name, an enum member or a string: `ChronoUnit.HOURS`, `TimeUnit.DAYS`, `'hours'`, `'h'`. */
export function unitMs(model: CodeModel, node: IrNode | undefined): number | undefined {
  if (!node) return undefined;
  const text = node.kind === 'member' ? node.property : stringValue(model, node) ?? (node.kind === 'name' ? node.name : undefined);
  if (!text) return undefined;
  const lower = text.toLowerCase();
  return lower in UNIT_NAMES ? UNIT_NAMES[lower] : undefined;
}

const NOW_CALLS =
  /^(Date\.now|Instant\.now|LocalDateTime\.now|ZonedDateTime\.now|OffsetDateTime\.now|LocalDate\.now|System\.currentTimeMillis|datetime\.now|datetime\.utcnow|datetime\.datetime\.now|datetime\.datetime\.utcnow|timezone\.now|django\.utils\.timezone\.now|time\.time|moment|dayjs|DateTime\.now|now|utcnow|Now|clock\.instant|clock\.millis|this\.clock\.instant|timeProvider\.GetUtcNow|_timeProvider\.GetUtcNow|TimeProvider\.System\.GetUtcNow|_clock\.UtcNow|clock\.now|Time\.now|arrow\.utcnow|pendulum\.now)$/;
const NOW_MEMBERS = /^(DateTime\.Now|DateTime\.UtcNow|DateTimeOffset\.Now|DateTimeOffset\.UtcNow|DateTime\.Today|_clock\.UtcNow|_clock\.Now|clock\.UtcNow|SystemClock\.UtcNow)$/;
const NOW_NAMES = /^(now|currentTime|current_time|nowMs|now_ms|nowUtc|utcNow|today|rightNow)$/;

/** The current time: `Date.now()`, `new Date()`, `Instant.now()`, `DateTime.UtcNow`, `timezone.now()`, `moment()`, or a variable bound to one. */
export function isNow(model: CodeModel, node: IrNode | undefined, depth = 0): boolean {
  if (!node || depth > 3) return false;
  const inner = unwrapTime(node);
  if (inner !== node) return isNow(model, inner, depth + 1);
  if (node.kind === 'call' && !node.isDecorator) {
    if (node.isNew && /^(Date|DateTime)$/.test(calleeName(node)) && node.args.length === 0) return true;
    const name = calleeName(node);
    if (!NOW_CALLS.test(name)) return false;
    return /^(moment|dayjs)$/.test(name) ? node.args.length === 0 : node.args.length <= 1;
  }
  if (node.kind === 'member') return NOW_MEMBERS.test(dotted(node));
  if (node.kind === 'name') {
    const value = resolve(model, node);
    if (value && value !== node) return isNow(model, value, depth + 1);
    return NOW_NAMES.test(node.name);
  }
  return false;
}

/** `x.getTime()`, `x.valueOf()`, `+x`, `new Date(x)`, `moment(x)`, `dayjs(x)`, `Date.parse(x)` → `x`: the same instant in another shape. */
export function unwrapTime(node: IrNode): IrNode {
  if (node.kind === 'call' && !node.isDecorator) {
    const last = calleeLast(node);
    if (node.callee.kind === 'member' && node.args.length === 0 && /^(getTime|valueOf|toEpochMilli|getMillis|timestamp|toInstant|toDate|toJSDate|toMillis)$/.test(last)) return node.callee.object;
    if (node.args.length === 1 && ((node.isNew && /^(Date|DateTime)$/.test(last)) || /^(moment|dayjs|parse|parseISO|Date\.parse|DateTime\.Parse|Instant\.parse)$/.test(calleeName(node)) || /^(moment|dayjs|parseISO)$/.test(last))) {
      return node.args[0].value;
    }
  }
  if (node.kind === 'unary' && node.operator === '+') return node.operand;
  if (node.kind === 'other' && node.type === 'parenthesized_expression' && node.children.length === 1) return node.children[0];
  return node;
}

/**
 * Elapsed time since a timestamp: `now - ts`, `Duration.between(ts, now)`, `ChronoUnit.HOURS.between(ts, now)`,
 * `differenceInHours(now, ts)`, `moment().diff(ts, 'hours')`, `hoursSince(ts)`, with the unit its number
 * is in (`undefined` for a duration object: a TimeSpan, timedelta or java.time.Duration).
 */
export interface Elapsed {
  since: IrNode;
  /** Milliseconds per unit of the value; undefined when the value is a duration object. */
  unit?: number;
}

export function elapsedSince(model: CodeModel, node: IrNode | undefined, depth = 0): Elapsed | undefined {
  if (!node || depth > 3) return undefined;
  const inner = unwrapParens(node);
  if (inner !== node) return elapsedSince(model, inner, depth + 1);
  if (node.kind === 'name') {
    const value = resolve(model, node);
    return value && value !== node ? elapsedSince(model, value, depth + 1) : undefined;
  }
  if (node.kind === 'binary' && node.operator === '-' && isNow(model, node.left) && !isNow(model, node.right)) {
    const objectDifference = model.language === 'python' || model.language === 'csharp';
    return { since: unwrapTime(node.right), unit: objectDifference && !isMillisExpression(node.left) ? undefined : 1 };
  }
  if (node.kind === 'binary' && node.operator === '/') {
    const base = elapsedSince(model, node.left, depth + 1);
    const divisor = numberValue(model, node.right);
    if (base?.unit !== undefined && divisor) return { since: base.since, unit: base.unit * divisor };
    return undefined;
  }
  if (node.kind === 'member') {
    // C#: (now - ts).TotalHours; Python: (now - ts).days
    const unit = /^Total(Milliseconds|Seconds|Minutes|Hours|Days)$/.exec(node.property)?.[1] ?? (model.language === 'python' && node.property === 'days' ? 'Days' : undefined);
    if (unit) {
      const base = elapsedSince(model, node.object, depth + 1);
      if (base && base.unit === undefined) return { since: base.since, unit: UNIT_NAMES[unit.toLowerCase()] };
    }
    return undefined;
  }
  if (node.kind !== 'call' || node.isDecorator) return undefined;
  const name = calleeName(node);
  const last = calleeLast(node);
  // java.time.Duration / C# TimeSpan / timedelta converted to a number
  const conversion = /^(?:to|get)(Millis|Seconds|Minutes|Hours|Days)$|^total_(seconds)$/.exec(last);
  if (conversion && node.callee.kind === 'member' && node.args.length === 0) {
    const base = elapsedSince(model, node.callee.object, depth + 1);
    if (base && base.unit === undefined) return { since: base.since, unit: UNIT_NAMES[(conversion[1] ?? conversion[2]).toLowerCase()] };
    return undefined;
  }
  if (name === 'Duration.between' && node.args.length === 2 && isNow(model, node.args[1].value)) return { since: unwrapTime(node.args[0].value) };
  if (last === 'between' && node.callee.kind === 'member' && node.args.length === 2 && isNow(model, node.args[1].value)) {
    const unit = unitMs(model, node.callee.object);
    if (unit) return { since: unwrapTime(node.args[0].value), unit };
  }
  // date-fns: differenceInHours(now, ts)
  const dateFns = /^differenceIn(Milliseconds|Seconds|Minutes|Hours|Days|CalendarDays|BusinessDays)$/.exec(last);
  if (dateFns && node.args.length === 2 && isNow(model, node.args[0].value)) {
    const unit = dateFns[1] === 'CalendarDays' || dateFns[1] === 'BusinessDays' ? 'days' : dateFns[1].toLowerCase();
    return { since: unwrapTime(node.args[1].value), unit: UNIT_NAMES[unit] };
  }
  // moment().diff(ts, 'hours'), dayjs().diff(ts, 'hour')
  if (last === 'diff' && node.callee.kind === 'member' && isNow(model, node.callee.object) && node.args.length >= 1) {
    return { since: unwrapTime(node.args[0].value), unit: unitMs(model, node.args[1]?.value) ?? 1 };
  }
  // hoursSince(ts), days_since(ts), ageInHours(ts), elapsedMinutes(ts)
  const words = identifierWords(last);
  if (node.args.length === 1 && words.some((w) => /^(since|elapsed|ago|age|old)$/.test(w))) {
    const unitWord = words.find((w) => w in UNIT_NAMES && w.length > 1);
    if (unitWord) return { since: unwrapTime(node.args[0].value), unit: UNIT_NAMES[unitWord] };
  }
  return undefined;
}

function isMillisExpression(node: IrNode): boolean {
  return node.kind === 'call' && /^(getTime|valueOf|toEpochMilli|currentTimeMillis|timestamp|time)$/.test(calleeLast(node));
}

function unwrapParens(node: IrNode): IrNode {
  return node.kind === 'other' && /paren/.test(node.type) && node.children.length === 1 ? node.children[0] : node;
}

/** `{ hours: 72 }`, `{ days: 3 }` (date-fns `add`/`sub`, luxon `plus`/`minus`) in milliseconds. */
function objectDurationMs(model: CodeModel, node: IrNode | undefined): number | undefined {
  const resolved = resolve(model, node);
  if (resolved?.kind !== 'object') return undefined;
  let total = 0;
  for (const p of resolved.properties) {
    const unit = UNIT_NAMES[p.key.toLowerCase()];
    const n = numberValue(model, p.value);
    if (unit === undefined || n === undefined) return undefined;
    total += n * unit;
  }
  return total > 0 ? total : undefined;
}

/** A duration argument or arguments: `(72, ChronoUnit.HOURS)`, `(72, 'hours')`, `Duration.ofHours(72)`, `{ hours: 72 }`, a number of ms. */
function durationArgs(model: CodeModel, call: CallNode, first: number): number | undefined {
  const amount = call.args[first]?.value;
  const unit = unitMs(model, call.args[first + 1]?.value);
  if (unit !== undefined) {
    const n = numberValue(model, amount);
    return n === undefined ? undefined : n * unit;
  }
  return objectDurationMs(model, amount) ?? durationMs(model, amount);
}

const SHIFT_METHOD = /^(plus|minus|add|subtract|sub|Add|Subtract)(Millis|Milliseconds|Seconds|Minutes|Hours|Days|Weeks)?$/;

/**
 * A timestamp moved by a duration: `ts + 72h`, `ts.plusHours(72)`, `ts.AddHours(72)`, `addHours(ts, 72)`,
 * `moment(ts).add(72, 'hours')`, `ts + timedelta(hours=72)`, `new Date(ts.getTime() + ms)`. `ms` is negative
 * for a move into the past.
 */
export function shiftedTime(model: CodeModel, node: IrNode | undefined, depth = 0): { base: IrNode; ms: number } | undefined {
  if (!node || depth > 3) return undefined;
  const unwrapped = unwrapTime(unwrapParens(node));
  if (unwrapped !== node) return shiftedTime(model, unwrapped, depth + 1);
  if (node.kind === 'name') {
    const value = resolve(model, node);
    return value && value !== node ? shiftedTime(model, value, depth + 1) : undefined;
  }
  if (node.kind === 'binary' && (node.operator === '+' || node.operator === '-')) {
    const sign = node.operator === '+' ? 1 : -1;
    const right = durationMs(model, node.right) ?? objectDurationMs(model, node.right);
    if (right !== undefined && !looksLikeTimestamp(node.right)) return { base: unwrapTime(node.left), ms: sign * right };
    if (sign === 1) {
      const left = durationMs(model, node.left);
      if (left !== undefined && !looksLikeTimestamp(node.left)) return { base: unwrapTime(node.right), ms: left };
    }
    return undefined;
  }
  if (node.kind !== 'call' || node.isDecorator) return undefined;
  const last = calleeLast(node);
  const method = SHIFT_METHOD.exec(last);
  if (!method) return undefined;
  const sign = /^(minus|subtract|sub|Subtract)$/i.test(method[1]) ? -1 : 1;
  const unitName = method[2]?.toLowerCase();
  const unit = unitName ? UNIT_NAMES[unitName] : undefined;
  const receiver = node.callee.kind === 'member' ? node.callee.object : undefined;
  // Method on the timestamp: ts.plusHours(72), ts.AddDays(3), moment(ts).add(72, 'hours'), ts.plus(Duration.ofHours(72))
  if (receiver && !isLibraryReceiver(receiver)) {
    const ms = unit !== undefined ? scaled(model, node.args[0]?.value, unit) : durationArgs(model, node, 0);
    if (ms !== undefined) return { base: unwrapTime(receiver), ms: sign * ms };
    return undefined;
  }
  // Function taking the timestamp first: addHours(ts, 72), DateUtils.addDays(date, 3), add(ts, { hours: 72 }), subHours(now, 72)
  if (node.args.length >= 2) {
    const ms = unit !== undefined ? scaled(model, node.args[1].value, unit) : durationArgs(model, node, 1);
    if (ms !== undefined) return { base: unwrapTime(node.args[0].value), ms: sign * ms };
  }
  return undefined;
}

function scaled(model: CodeModel, node: IrNode | undefined, unit: number): number | undefined {
  const n = numberValue(model, node);
  return n === undefined ? undefined : n * unit;
}

function isLibraryReceiver(node: IrNode): boolean {
  return /^(DateUtils|dateFns|datefns|DateUtil|dfns|fns|Dates)$/.test(dotted(node));
}

function looksLikeTimestamp(node: IrNode): boolean {
  const text = dotted(unwrapTime(node)).toLowerCase();
  return /(^|\.)(now|date|time|at|on)$|_at$|at$|time$|date$/.test(text) && !/duration|delay|ttl|timeout|interval/.test(text);
}

/** `now - 72h` and its library forms: how far before now the cutoff lies, in milliseconds. */
export function cutoffBeforeNow(model: CodeModel, node: IrNode | undefined): number | undefined {
  const shifted = shiftedTime(model, node);
  if (!shifted || shifted.ms >= 0 || !isNow(model, shifted.base)) return undefined;
  return -shifted.ms;
}

/**
 * A comparison that tells an item's age against a threshold: `now - ts < 72h`, `hoursSince(ts) >= 72`,
 * `ts > now - 72h`, `ts.isAfter(cutoff)`, `now < ts + 72h`. `youngerWhenTrue` says whether the comparison
 * holds for items younger than the threshold.
 */
export interface AgeTest {
  since: IrNode;
  /** The threshold in milliseconds, when the file says; otherwise see `threshold`. */
  ms?: number;
  /** The threshold expression when its value is not in the file (`options.LabResultHoldHours`). */
  threshold?: IrNode;
  youngerWhenTrue: boolean;
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

export function ageTest(model: CodeModel, node: IrNode): AgeTest | undefined {
  const test = unwrapParens(node);
  if (test.kind === 'binary' && test.operator in FLIP) return ageComparison(model, test);
  if (test.kind === 'call' && !test.isDecorator && test.callee.kind === 'member' && test.args.length === 1) {
    // Java/moment/dayjs/date-fns style: ts.isAfter(cutoff), cutoff.isBefore(ts), now.isBefore(ts.plusHours(72))
    const last = calleeLast(test);
    const after = /^(isAfter|IsAfter|after)$/.test(last);
    const before = /^(isBefore|IsBefore|before)$/.test(last);
    if (!after && !before) return undefined;
    return ageFromOrder(model, test.callee.object, test.args[0].value, after ? '>' : '<');
  }
  if (test.kind === 'call' && !test.isDecorator && /^(isAfter|isBefore)$/.test(calleeLast(test)) && test.args.length === 2) {
    return ageFromOrder(model, test.args[0].value, test.args[1].value, calleeLast(test) === 'isAfter' ? '>' : '<');
  }
  return undefined;
}

function ageComparison(model: CodeModel, test: BinaryNode): AgeTest | undefined {
  for (const [subject, other, op] of [
    [test.left, test.right, test.operator],
    [test.right, test.left, FLIP[test.operator]],
  ] as const) {
    const elapsed = elapsedSince(model, subject);
    if (!elapsed) continue;
    const ms = elapsed.unit === undefined ? durationMs(model, other) : scaledThreshold(model, other, elapsed.unit);
    const youngerWhenTrue = op === '<' || op === '<=';
    if (ms === undefined) return { since: elapsed.since, threshold: other, youngerWhenTrue };
    return ms > 0 ? { since: elapsed.since, ms, youngerWhenTrue } : undefined;
  }
  return ageFromOrder(model, test.left, test.right, test.operator);
}

function scaledThreshold(model: CodeModel, node: IrNode, unit: number): number | undefined {
  const n = numberValue(model, node);
  if (n !== undefined) return n * unit;
  const ms = durationMs(model, node);
  return ms;
}

/** `left op right` over instants, where one side is a cutoff (now - D) or now and the other a timestamp (or ts + D). */
function ageFromOrder(model: CodeModel, left: IrNode, right: IrNode, op: string): AgeTest | undefined {
  for (const [a, b, o] of [
    [left, right, op],
    [right, left, FLIP[op]],
  ] as const) {
    // ts > now - D: younger than D
    const cutoff = cutoffBeforeNow(model, b);
    if (cutoff !== undefined && !isNow(model, a)) return { since: unwrapTime(a), ms: cutoff, youngerWhenTrue: o === '>' || o === '>=' };
    // now < ts + D: younger than D
    if (isNow(model, a)) {
      const shifted = shiftedTime(model, b);
      if (shifted && shifted.ms > 0 && !isNow(model, shifted.base)) return { since: shifted.base, ms: shifted.ms, youngerWhenTrue: o === '<' || o === '<=' };
    }
  }
  return undefined;
}

export const ONE_HOUR_MS = HOUR;
