/**
 * Reading values out of code: callee names, arguments, strings, numbers, string lists and
 * durations, resolving constants declared in the same file.
 */
import type { CodeModel } from '../core/code-model';
import type { Argument, CallNode, FunctionNode, IrNode, ObjectNode, Origin, Span } from '../core/ir';
import { walk } from '../core/ir';

/** Callee as dotted text: `app.get`, `res.status().send`, `Bucket.builder().addLimit`, `new ForbiddenException` → `ForbiddenException`. */
export function calleeName(call: CallNode): string {
  return dotted(call.callee);
}

/** Dotted text of a name/member chain; calls in the chain appear as `()`. */
export function dotted(node: IrNode): string {
  switch (node.kind) {
    case 'name':
      return node.name;
    case 'member':
      return `${dotted(node.object)}.${node.property}`;
    case 'call':
      return `${dotted(node.callee)}()`;
    case 'index':
      return `${dotted(node.object)}[]`;
    default:
      return '';
  }
}

/** The last identifier of the callee: `send` for `res.status(403).send`, `Bucket` for `new io.Bucket()`. */
export function calleeLast(call: CallNode): string {
  const callee = call.callee;
  if (callee.kind === 'name') return callee.name;
  if (callee.kind === 'member') return callee.property;
  return '';
}

/**
 * Where to point at a call in a chain: from the method name to the end of its arguments, so
 * `Bucket.builder()\n  .addLimit(...)` is reported on the `addLimit` line, not on `Bucket`.
 */
export function callSite(call: CallNode): Span {
  return call.callee.kind === 'member' && !call.isNew ? { start: call.callee.propertyStart, end: call.end } : { start: call.start, end: call.end };
}

/** The object a method is called on (`res.status(...)` → `res`), if the callee is a member. */
export function receiver(call: CallNode): IrNode | undefined {
  return call.callee.kind === 'member' ? call.callee.object : undefined;
}

/** A positional argument by index, or a named (keyword) argument by one of its names. */
export function argument(call: CallNode, index: number, ...names: string[]): Argument | undefined {
  if (names.length > 0) {
    const byName = call.args.find((a) => a.name !== undefined && names.includes(a.name));
    if (byName) return byName;
  }
  if (index < 0) return undefined;
  const positional = call.args.filter((a) => a.name === undefined);
  return positional[index];
}

/** A property of an object literal by key (case-sensitive). */
export function property(node: IrNode | undefined, ...keys: string[]): IrNode | undefined {
  if (node?.kind !== 'object') return undefined;
  return node.properties.find((p) => keys.includes(p.key))?.value;
}

/**
 * Follows a name to the value it is bound to in this file, when it is bound exactly once (or is a
 * constant); failing that, to its value elsewhere in the project (an imported constant, a class's
 * field in another file, a configuration key the code reads), when the project context knows it.
 */
export function resolve(model: CodeModel, node: IrNode | undefined, depth = 0): IrNode | undefined {
  if (!node || depth > 4) return node;
  let name: string | undefined;
  if (node.kind === 'name') name = node.name;
  // `Constants.ALLOWED_TYPES` declared in this file; declared elsewhere, the project context answers.
  else if (node.kind === 'member' && /^[A-Z_][A-Z0-9_]*$/.test(node.property) && model.variables(node.property).length > 0) name = node.property;
  if (name === undefined) return external(model, node, depth) ?? node;
  const bindings = model.variables(name).filter((v) => v.value !== undefined);
  if (bindings.length === 0) return external(model, node, depth) ?? node;
  const chosen = bindings.length === 1 ? bindings[0] : bindings.find((b) => b.isConstant);
  if (!chosen?.value || chosen.value === node) return node;
  return resolve(model, chosen.value, depth + 1);
}

/**
 * Where the value of a name was defined, when it is not written at the place of use: the constant's
 * declaration in this file, or (`origin`) its place in another file or in configuration. For a
 * finding's related locations: "the list is defined here".
 */
export function definitionOf(model: CodeModel, node: IrNode | undefined): { at: Span } | { origin: Origin } | undefined {
  if (!node) return undefined;
  const resolved = resolve(model, node);
  if (!resolved || resolved === node) return undefined;
  if (resolved.origin) return { origin: resolved.origin };
  const declaration = resolved.parent;
  return declaration?.kind === 'variable' && declaration.value === resolved ? { at: declaration } : { at: resolved };
}

/** A function a call runs, with the code it was lowered in; `locate` names its places from another file (`origin`). */
export interface CalledFunction {
  fn: FunctionNode;
  model: CodeModel;
  definition: { at: Span } | { origin: Origin };
  locate?: (span: Span) => Origin;
}

/**
 * The function a call runs when it is a helper the code can see: declared in this file (`isShareable(r)`,
 * `this.isShareable(r)`, `self._is_shareable(r)`) or, through the project context, in another file (a
 * Mirth code template).
 */
export function calledFunction(model: CodeModel, call: CallNode): CalledFunction | undefined {
  if (call.isDecorator || call.isNew) return undefined;
  const callee = call.callee;
  const local = callee.kind === 'name' || (callee.kind === 'member' && callee.object.kind === 'name' && /^(this|self|cls)$/.test(callee.object.name));
  const name = callee.kind === 'name' ? callee.name : callee.kind === 'member' ? callee.property : undefined;
  if (!name || !local) return undefined;
  const fn = model.functionNamed(name);
  if (fn?.body) return { fn, model, definition: { at: fn } };
  const external = callee.kind === 'name' ? model.external?.functionNamed?.(model, name) : undefined;
  return external?.fn.body ? { fn: external.fn, model: external.model, definition: { origin: external.origin }, locate: external.locate } : undefined;
}

/** The value of `node` from elsewhere in the project, resolved further where it is itself a name. */
function external(model: CodeModel, node: IrNode, depth: number): IrNode | undefined {
  if (!model.external || node.kind === 'function') return undefined;
  const value = model.external.lookup(model, node);
  return value && value !== node ? resolve(model, value, depth + 1) : undefined;
}

/** `a || b`, `a ?? b`, `a or b`: the first operand that has a value (a setting with its default). */
function firstWithValue<T>(node: IrNode, read: (n: IrNode) => T | undefined): T | undefined {
  if (node.kind !== 'binary' || !/^(\|\||\?\?|or)$/.test(node.operator)) return undefined;
  return read(node.left) ?? read(node.right);
}

/** A string value: a literal, a constant, or a `+` concatenation of those. */
export function stringValue(model: CodeModel, node: IrNode | undefined, depth = 0): string | undefined {
  // `const URL = process.env.URL || '...'` resolves back into itself: stop instead of recursing forever.
  if (depth > 8) return undefined;
  const resolved = resolve(model, node);
  if (!resolved) return undefined;
  if (resolved.kind === 'string') return resolved.value;
  if (resolved.kind === 'other' && resolved.type === 'template_string' && resolved.children[0]?.kind === 'string') return resolved.children[0].value;
  const either = firstWithValue(resolved, (n) => stringValue(model, n, depth + 1));
  if (either !== undefined) return either;
  if (resolved.kind === 'binary' && resolved.operator === '+') {
    const left = stringValue(model, resolved.left, depth + 1);
    const right = stringValue(model, resolved.right, depth + 1);
    if (left !== undefined && right !== undefined) return left + right;
  }
  return undefined;
}

/** A numeric value: a literal, a constant, or arithmetic (`60 * 60 * 1000`) over those. */
export function numberValue(model: CodeModel, node: IrNode | undefined, depth = 0): number | undefined {
  // A binding that refers to itself through a member (`const PORT = process.env.PORT || 80`): stop.
  if (depth > 8) return undefined;
  const resolved = resolve(model, node);
  if (!resolved) return undefined;
  if (resolved.kind === 'number') return resolved.value;
  if (resolved.kind === 'unary' && resolved.operator === '-') {
    const v = numberValue(model, resolved.operand, depth + 1);
    return v === undefined ? undefined : -v;
  }
  const either = firstWithValue(resolved, (n) => numberValue(model, n, depth + 1));
  if (either !== undefined) return either;
  if (resolved.kind === 'binary') {
    const l = numberValue(model, resolved.left, depth + 1);
    const r = numberValue(model, resolved.right, depth + 1);
    if (l === undefined || r === undefined) return undefined;
    switch (resolved.operator) {
      case '*':
        return l * r;
      case '+':
        return l + r;
      case '-':
        return l - r;
      case '/':
        return r === 0 ? undefined : l / r;
    }
  }
  if (resolved.kind === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(resolved.value)) return Number(resolved.value);
  return undefined;
}

const COLLECTION_FACTORIES = new Set([
  'List.of',
  'Set.of',
  'Arrays.asList',
  'EnumSet.of',
  'ImmutableList.of',
  'ImmutableSet.of',
  'Stream.of',
  'Collections.singletonList',
  'Collections.singleton',
  'Collections.unmodifiableList',
  'Collections.unmodifiableSet',
  'Array.of',
  'Object.freeze',
  'set',
  'frozenset',
  'tuple',
  'list',
  'sorted',
]);

const COLLECTION_TYPES = /^(Set|HashSet|TreeSet|LinkedHashSet|List|ArrayList|LinkedList|ReadOnlyCollection|ImmutableArray|Array|SortedSet)$/;

/** The element nodes of a list-like value: array literals, collection factories and constructors, resolved through constants. */
export function listElements(model: CodeModel, node: IrNode | undefined): IrNode[] | undefined {
  const resolved = resolve(model, node);
  if (!resolved) return undefined;
  if (resolved.kind === 'array') return resolved.elements;
  if (resolved.kind === 'call') {
    const name = calleeName(resolved);
    if (resolved.initializer?.kind === 'array') return resolved.initializer.elements;
    if (COLLECTION_FACTORIES.has(name) || (resolved.isNew && COLLECTION_TYPES.test(calleeLast(resolved)))) {
      if (resolved.args.length === 1) {
        const inner = listElements(model, resolved.args[0].value);
        if (inner) return inner;
      }
      return resolved.args.map((a) => a.value);
    }
    // Chained `.asList()`, `.toList()`, `.freeze()`-style wrappers around a list.
    if (resolved.callee.kind === 'member' && /^(toList|asList|toArray|ToList|ToArray|ToHashSet|freeze|copyOf)$/.test(resolved.callee.property)) {
      return listElements(model, resolved.callee.object);
    }
  }
  return undefined;
}

/**
 * The strings of a list-like value. Enum member references (`Channel.FAX`, `ResourceType.Patient`)
 * count as their member name. `undefined` if the value is not a list or any element is not a string.
 */
export function stringList(model: CodeModel, node: IrNode | undefined): string[] | undefined {
  const elements = listElements(model, node);
  if (!elements) return undefined;
  const out: string[] = [];
  for (const e of elements) {
    const s = stringValue(model, e) ?? memberName(e);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

/** `Channel.FAX` → `FAX`; `ResourceType.Patient` → `Patient`. */
export function memberName(node: IrNode | undefined): string | undefined {
  if (node?.kind === 'member' && node.object.kind === 'name') return node.property;
  return undefined;
}

/** Object literal (or C# object initializer) of a value. */
export function objectValue(model: CodeModel, node: IrNode | undefined): ObjectNode | undefined {
  const resolved = resolve(model, node);
  if (resolved?.kind === 'object') return resolved;
  if (resolved?.kind === 'call' && resolved.initializer?.kind === 'object') return resolved.initializer;
  return undefined;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  millis: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

/**
 * A duration in milliseconds from code: `Duration.ofMinutes(5)`, `TimeSpan.FromHours(1)`,
 * `timedelta(hours=72)`, `TimeUnit.SECONDS.toMillis(30)`, or a plain number in `defaultUnit`.
 */
export function durationMs(model: CodeModel, node: IrNode | undefined, defaultUnit: keyof typeof UNIT_MS = 'ms'): number | undefined {
  const resolved = resolve(model, node);
  if (!resolved) return undefined;
  const plain = numberValue(model, resolved);
  if (plain !== undefined) return plain * UNIT_MS[defaultUnit];
  if (resolved.kind === 'string') return parseDurationText(resolved.value);
  if (resolved.kind !== 'call') return undefined;
  const name = calleeLast(resolved);
  // A random delay between bounds (jitter): at most its upper bound.
  if (/^(GetInt32|Next|nextInt|nextLong|randint|uniform|randrange|random|randomInt|between)$/.test(name) && resolved.args.length >= 2) {
    const upper = numberValue(model, resolved.args[resolved.args.length - 1].value);
    return upper === undefined ? undefined : upper * UNIT_MS[defaultUnit];
  }
  const first = resolved.args[0]?.value;
  const fromFactory = /^(?:of|From)(Millis|Milliseconds|Seconds|Minutes|Hours|Days)$/.exec(name);
  if (fromFactory) {
    const n = numberValue(model, first);
    const unit = fromFactory[1].toLowerCase().replace('millis', 'milliseconds');
    return n === undefined ? undefined : n * UNIT_MS[unit];
  }
  if (name === 'timedelta') {
    let total = 0;
    for (const a of resolved.args) {
      const n = numberValue(model, a.value);
      if (n === undefined || !a.name || !(a.name in UNIT_MS)) continue;
      total += n * UNIT_MS[a.name];
    }
    return total > 0 ? total : undefined;
  }
  const timeUnit = /^to(Millis|Seconds|Minutes|Hours|Days)$/.exec(name);
  if (timeUnit && resolved.callee.kind === 'member') {
    const unitName = resolved.callee.object.kind === 'member' ? resolved.callee.object.property.toLowerCase() : '';
    const n = numberValue(model, first);
    if (n !== undefined && unitName in UNIT_MS) return n * UNIT_MS[unitName];
  }
  return undefined;
}

/** `"30s"`, `"5m"`, `"1 hour"`, `"PT30M"`, `"00:05:00"` → milliseconds. */
export function parseDurationText(text: string): number | undefined {
  const trimmed = text.trim();
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(trimmed);
  if (iso && trimmed.length > 1) {
    const [, d, h, m, s] = iso;
    return (Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
  }
  const clock = /^(\d+):(\d{2}):(\d{2})$/.exec(trimmed);
  if (clock) return (Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3])) * 1000;
  const simple = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(trimmed);
  if (simple && simple[2].toLowerCase() in UNIT_MS) return Number(simple[1]) * UNIT_MS[simple[2].toLowerCase()];
  return undefined;
}

/**
 * Words of an identifier: `getPatientRecords` → `get patient records`, `RESULT_HOLD_HOURS` → `result hold hours`.
 * Rules ask for the same keys and names again and again (every entry of a large config, every
 * ancestor of each), so short names are split once (callers get a copy).
 */
export function identifierWords(name: string): string[] {
  let words = WORDS_CACHE.get(name);
  if (words) return words.slice();
  words = Object.freeze(
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter((w) => w.length > 0)
      .map((w) => w.toLowerCase()),
  );
  // The same few thousand names recur in every file and rule: splitting them was a tenth of a run's time.
  if (WORDS_CACHE.size >= WORDS_CACHE_LIMIT) WORDS_CACHE.clear();
  if (name.length <= 200) WORDS_CACHE.set(name, words);
  return words.slice();
}

const WORDS_CACHE = new Map<string, readonly string[]>();
const WORDS_CACHE_LIMIT = 50_000;

const KEEP_FILTERS = /^(filter|Where|FindAll|findAll|filtered|select|Select|takeWhile|partition)$/;
const DROP_FILTERS = /^(removeIf|RemoveAll|RemoveWhere|reject|filterNot|omitBy|remove|Remove|dropWhile|exclude|Except)$/;

export interface CollectionFilter {
  /** `keep`: the predicate selects what stays (`filter`, `Where`); `drop`: what goes (`removeIf`, `reject`). */
  mode: 'keep' | 'drop';
  /** The predicate's expression: a lambda's expression body or its single `return` value. */
  predicate?: IrNode;
  /** A method reference or function name passed instead of a lambda (`Result::isReviewed`, `is_final`). */
  reference?: IrNode;
}

/** A method call that filters a collection by a predicate: `list.filter(r => ...)`, `stream.filter(Result::isFinal)`, `entries.removeIf(...)`. */
export function collectionFilter(call: CallNode): CollectionFilter | undefined {
  if (call.isDecorator || call.callee.kind !== 'member') return undefined;
  const last = calleeLast(call);
  const mode = KEEP_FILTERS.test(last) ? 'keep' : DROP_FILTERS.test(last) ? 'drop' : undefined;
  if (!mode) return undefined;
  const lambda = call.args.find((a) => a.value.kind === 'function')?.value;
  if (lambda?.kind === 'function') {
    if (!lambda.body) return undefined;
    const predicate = lambda.body.kind === 'block' ? singleReturn(lambda.body) : lambda.body;
    return predicate ? { mode, predicate } : undefined;
  }
  const only = call.args.length === 1 && !call.args[0].name ? call.args[0].value : undefined;
  if (only && (only.kind === 'member' || only.kind === 'name')) return { mode, reference: only };
  return undefined;
}

function singleReturn(block: IrNode): IrNode | undefined {
  if (block.kind !== 'block' || block.body.length !== 1) return undefined;
  const only = block.body[0];
  return only.kind === 'return' ? only.value : undefined;
}

/** Whether any of the words is in the set. */
export function hasWord(words: readonly string[], set: ReadonlySet<string>): boolean {
  return words.some((w) => set.has(w));
}

/** Identifier words of the names, members and short strings in an expression (not inside nested functions). */
export function expressionWords(node: IrNode): string[] {
  const words: string[] = [];
  walk(node, (n) => {
    if (n.kind === 'function' && n !== node) return false;
    if (n.kind === 'name') words.push(...identifierWords(n.name));
    else if (n.kind === 'member') words.push(...identifierWords(n.property));
    else if (n.kind === 'string' && n.value.length < 60) words.push(...identifierWords(n.value));
  });
  return words;
}

/** Identifier words of the functions and classes around a node, nearest first. */
export function enclosingNameWords(node: IrNode): string[] {
  const words: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if ((p.kind === 'function' && p.name) || p.kind === 'class') words.push(...identifierWords(p.name ?? ''));
  }
  return words;
}

/** A test that holds when something is missing: `!x`, `not x`, `x == null`, `x is None`, `x === false`, and either side of `||`/`&&` being one. */
export function absenceTest(test: IrNode): boolean {
  if (test.kind === 'unary' && (test.operator === '!' || test.operator === 'not')) return true;
  if (test.kind === 'binary') {
    if (/^(\|\||or|&&|and)$/.test(test.operator)) return absenceTest(test.left) || absenceTest(test.right);
    if (/^(==|===|is)$/.test(test.operator)) return test.right.kind === 'null' || test.left.kind === 'null' || (test.right.kind === 'boolean' && !test.right.value);
  }
  return false;
}
