/**
 * Named values: a setting, whether code or configuration writes it. A constant
 * (`RESULT_HOLD_HOURS = 72`), a field or property (`public int HoldHours { get; set; } = 72`), an
 * object property or keyword argument (`{ labHoldHours: 72 }`, `hold_hours=72`), an assignment
 * (`options.HoldHours = 72`) and a config entry (`portal.results.holdHours: 72`,
 * `<add key="HoldHours" value="72"/>`, `[{ name: "holdHours", value: 72 }]`) all become a name, the
 * words of the names around it, and a value. Rules about settings (release delays, fees, approval
 * switches) are then written once for every language and format.
 */
import type { CodeModel } from '../core/code-model';
import { ConfigEntry, ConfigNode, descendants, scalar, scalarString } from '../core/formats/tree';
import type { CallNode, IrNode, Span } from '../core/ir';
import { walk } from '../core/ir';
import { calleeLast, calleeName, dotted, durationMs, identifierWords, numberValue, parseDurationText, resolve, stringValue } from './values';

export interface CodeSetting {
  name: string;
  /** Words of the name: `labResultHoldHours` → lab, result, hold, hours. */
  words: string[];
  /** Words of the names around it, nearest first: enclosing object keys, the variable or call it is given to, the class. */
  context: string[];
  /** Words of the nearest of those names alone (`resultHold` for `{ resultHold: { hours: 72 } }`). */
  parent: string[];
  value: IrNode;
  /** The whole declaration, property, assignment, argument or setter call. */
  at: Span;
  /** What holds it beside its siblings: the object literal, the class, or the call. */
  owner?: IrNode;
}

export interface ConfigSetting {
  name: string;
  words: string[];
  /** Words of the enclosing keys, nearest first (at most four levels). */
  context: string[];
  /** Words of the nearest enclosing key alone. */
  parent: string[];
  value: ConfigNode;
  /** The entry (key and value), or the `{ key, value }` map. */
  at: Span;
  /** The map that holds it beside its siblings. */
  owner: ConfigNode;
}

const CONTEXT_DEPTH = 4;

/** Every named value in a piece of code, in source order. */
export function codeSettings(model: CodeModel): CodeSetting[] {
  return model.memo('codeSettings', () => {
    const out: CodeSetting[] = [];
    const add = (name: string, value: IrNode | undefined, at: Span, names: string[], owner?: IrNode): void => {
      if (!value || name.length === 0 || value.kind === 'function') return;
      out.push({ name, words: identifierWords(name), context: names.flatMap(identifierWords), parent: identifierWords(names[0] ?? ''), value, at, owner });
    };
    walk(model.root, (node) => {
      switch (node.kind) {
        case 'variable': {
          const cls = node.isField ? model.enclosingClass(node) : undefined;
          add(node.name, node.value, node, cls ? [cls.name] : [], cls);
          break;
        }
        case 'assign': {
          const target = node.target;
          if (target.kind === 'member') add(target.property, node.value, node, [dotted(target.object)]);
          else if (target.kind === 'name') add(target.name, node.value, node, []);
          else if (target.kind === 'index') {
            const key = stringValue(model, target.index);
            if (key) add(key, node.value, node, [dotted(target.object)]);
          }
          break;
        }
        case 'object': {
          const context = objectContext(node);
          for (const p of node.properties) add(p.key.replace(/^["']|["']$/g, ''), p.value, p, context, node);
          break;
        }
        case 'call': {
          if (node.isDecorator) break;
          // The method is the nearest name (`update` in `Request.objects.filter(...).update(status=...)`), its receiver the next.
          for (const a of node.args) if (a.name) add(a.name, a.value, a, callNames(node), node);
          // Setters: request.setStatus(PENDING_REVIEW), options.set_release_delay(72)
          const setter = node.callee.kind === 'member' ? /^set(?:([A-Z]\w*)|_(\w+))$/.exec(node.callee.property) : null;
          if (setter && node.args.length === 1 && !node.args[0].name && node.callee.kind === 'member') {
            add(setter[1] ?? setter[2], node.args[0].value, node, [dotted(node.callee.object)]);
          }
          break;
        }
      }
    });
    return out;
  });
}

/** The names an object literal is given to, nearest first: enclosing property keys, then the variable, assignment target or callee. */
function objectContext(node: IrNode): string[] {
  const names: string[] = [];
  let current: IrNode = node;
  for (let p = node.parent, depth = 0; p && depth < CONTEXT_DEPTH; current = p, p = p.parent, depth++) {
    if (p.kind === 'object') {
      const prop = p.properties.find((x) => x.value === current);
      if (prop) names.push(prop.key);
      continue;
    }
    if (p.kind === 'array') continue;
    if (p.kind === 'variable') names.push(p.name);
    else if (p.kind === 'assign') names.push(dotted(p.target));
    else if (p.kind === 'call') {
      const arg = p.args.find((a) => a.value === current);
      if (arg?.name) names.push(arg.name);
      names.push(...callNames(p));
    }
    break;
  }
  return names;
}

/** A call's method name, then what it is called on: `update`, `Request.objects.filter()`. */
function callNames(call: CallNode): string[] {
  const last = calleeLast(call);
  const receiver = call.callee.kind === 'member' ? dotted(call.callee.object) : '';
  return receiver ? [last, receiver] : [last];
}

/** Every named value in a config tree: scalar entries, and `{ key|name: X, value: V }` maps. */
export function configSettings(root: ConfigNode): ConfigSetting[] {
  // Several rules ask for the settings of the same tree: list them once per tree.
  let out = SETTINGS_OF.get(root);
  if (!out) SETTINGS_OF.set(root, (out = listSettings(root)));
  return out;
}

const SETTINGS_OF = new WeakMap<ConfigNode, ConfigSetting[]>();

function listSettings(root: ConfigNode): ConfigSetting[] {
  const out: ConfigSetting[] = [];
  for (const node of descendants(root)) {
    if (node.kind !== 'map') continue;
    const pair = nameValuePair(node);
    if (pair) {
      const names = contextOf(node.parent?.kind === 'seq' ? node.parent : node);
      out.push({ name: pair.name, words: identifierWords(pair.name), context: names.flatMap(identifierWords), parent: identifierWords(names[0] ?? ''), value: pair.value, at: node, owner: node.parent ?? node });
      continue;
    }
    // An XML element with attributes and text: `<retrievalFee currency="USD">15.00</retrievalFee>`.
    const text = node.entries.find((e) => e.key === '#text');
    if (text && node.entry && node.entries.every((e) => e.value.kind === 'scalar')) {
      const names = contextOf(node.parent ?? node);
      out.push({ name: node.entry.key, words: identifierWords(node.entry.key), context: names.flatMap(identifierWords), parent: identifierWords(names[0] ?? ''), value: text.value, at: entrySpan(node.entry), owner: node.parent ?? node });
    }
    for (const e of node.entries) {
      if (e.value.kind !== 'scalar' || e.key === '#text') continue;
      const names = contextOf(node);
      out.push({ name: e.key, words: identifierWords(e.key), context: names.flatMap(identifierWords), parent: identifierWords(names[0] ?? ''), value: e.value, at: entrySpan(e), owner: node });
    }
  }
  return out;
}

/** `<add key="X" value="V"/>`, `<property name="X" value="V"/>`, `{ "name": "X", "value": V }`. */
function nameValuePair(map: ConfigNode): { name: string; value: ConfigNode } | undefined {
  if (map.kind !== 'map') return undefined;
  const nameEntry = map.entries.find((e) => /^(key|name)$/i.test(e.key));
  const valueEntry = map.entries.find((e) => /^(value|#text)$/i.test(e.key));
  if (!nameEntry || !valueEntry || valueEntry.value.kind !== 'scalar') return undefined;
  const name = scalarString(nameEntry.value);
  if (!name || map.entries.length > 4) return undefined;
  return { name, value: valueEntry.value };
}

/** Keys of the maps around a node, nearest first (sequence levels are skipped). */
function contextOf(node: ConfigNode): string[] {
  const names: string[] = [];
  let current: ConfigNode | undefined = node;
  for (let depth = 0; current && names.length < CONTEXT_DEPTH && depth < CONTEXT_DEPTH * 2; depth++) {
    if (current.entry) names.push(current.entry.key);
    current = current.parent;
  }
  return names;
}

function entrySpan(e: ConfigEntry): Span {
  return { start: e.start, end: e.end };
}

/* ---------------- values ---------------- */

const UNIT_WORDS: Record<string, number> = {
  ms: 1,
  millis: 1,
  milliseconds: 1,
  msec: 1,
  seconds: 1000,
  secs: 1000,
  sec: 1000,
  minutes: 60_000,
  mins: 60_000,
  min: 60_000,
  hours: 3_600_000,
  hrs: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  days: 86_400_000,
  day: 86_400_000,
  weeks: 604_800_000,
  week: 604_800_000,
};

/** The time unit a name states (`holdHours`, `RELEASE_DELAY_DAYS`, `timeout_ms`), in milliseconds. */
export function unitFromWords(words: string[]): number | undefined {
  for (let i = words.length - 1; i >= 0; i--) if (words[i] in UNIT_WORDS) return UNIT_WORDS[words[i]];
  return undefined;
}

export interface DurationSetting {
  /** Milliseconds, when the value or the name states a unit. */
  ms?: number;
  /** The number as written, when it is a plain number. */
  amount?: number;
}

/** A duration from a code setting: `Duration.ofHours(72)`, `timedelta(days=3)`, `"72h"`, or a number in the unit its name states. */
export function codeDuration(model: CodeModel, setting: CodeSetting): DurationSetting | undefined {
  const amount = numberValue(model, setting.value);
  if (amount !== undefined) {
    const unit = unitFromWords(setting.words);
    return { amount, ms: unit === undefined ? undefined : amount * unit };
  }
  const resolved = resolve(model, setting.value);
  if (resolved?.kind !== 'call' && resolved?.kind !== 'string') return undefined;
  const ms = durationMs(model, resolved);
  return ms === undefined ? undefined : { ms };
}

/** A duration from a config value: `72` in the unit the key states, `"72h"`, `"P3D"`, `"3 days"`. */
export function configDuration(setting: ConfigSetting): DurationSetting | undefined {
  const value = scalar(setting.value);
  const unit = unitFromWords(setting.words);
  if (typeof value === 'number') return { amount: value, ms: unit === undefined ? undefined : value * unit };
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) {
    const amount = Number(trimmed);
    return { amount, ms: unit === undefined ? undefined : amount * unit };
  }
  const ms = parseDurationText(trimmed.replace(/^in\s+/i, ''));
  return ms === undefined ? undefined : { ms };
}

/** A boolean from a code setting (a literal, or a constant bound to one). */
export function codeBoolean(model: CodeModel, setting: CodeSetting): boolean | undefined {
  const resolved = resolve(model, setting.value);
  if (resolved?.kind === 'boolean') return resolved.value;
  return undefined;
}

/**
 * A money amount: a number, a numeric or currency string (`"25.00"`, `"$0.05"`, `"25 USD"`),
 * `Decimal("25.00")`, `new BigDecimal("25.00")`, `BigDecimal.valueOf(25)`, `Money.of(25, "USD")`,
 * or an object carrying one (`{ amount: 25, currency: "USD" }`).
 */
export function codeAmount(model: CodeModel, node: IrNode | undefined, depth = 0): number | undefined {
  const resolved = resolve(model, node);
  if (!resolved || depth > 2) return undefined;
  const n = numberValue(model, resolved);
  if (n !== undefined) return n;
  if (resolved.kind === 'string') return amountText(resolved.value);
  if (resolved.kind === 'call') {
    const name = calleeName(resolved).split('.').pop() ?? '';
    if (/^(Decimal|BigDecimal|valueOf|of|ofMajor|parse|Parse|parseFloat|float|Number|decimal|Money|Amount)$/.test(name)) {
      return codeAmount(model, resolved.args[0]?.value, depth + 1);
    }
    if (resolved.initializer?.kind === 'object') return codeAmount(model, resolved.initializer, depth + 1);
  }
  if (resolved.kind === 'object') {
    const inner = resolved.properties.find((p) => /^(amount|value|price|unitAmount|unit_amount|cents|amountCents|amount_cents|Amount|Value)$/.test(p.key));
    return inner ? codeAmount(model, inner.value, depth + 1) : undefined;
  }
  return undefined;
}

/** A money amount from a config value, or from a map carrying one (`{ amount: 25 }`). */
export function configAmount(node: ConfigNode | undefined): number | undefined {
  if (!node) return undefined;
  if (node.kind === 'map') {
    const inner = node.entries.find((e) => /^(amount|value|price|unitAmount|unit_amount|cents|amountCents|amount_cents)$/i.test(e.key));
    return inner ? configAmount(inner.value) : undefined;
  }
  const value = scalar(node);
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? amountText(value) : undefined;
}

/** `"25.00"`, `"$25"`, `"0.05 USD"`, `"USD 25"` → the number; anything else → undefined. */
export function amountText(text: string): number | undefined {
  const m = /^\s*(?:[$€£]|USD\s*)?\s*(\d+(?:[.,]\d+)?)\s*(?:USD|EUR|GBP|dollars?)?\s*$/i.exec(text);
  return m ? Number(m[1].replace(',', '.')) : undefined;
}
