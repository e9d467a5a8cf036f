/**
 * Literal data written in code, read as a config tree. A SMART configuration, a CapabilityStatement
 * or an OAuth server's settings are as often an object literal in TypeScript, a Python dict or a C#
 * object initializer as a JSON or YAML file; converting the literal to the config tree
 * (`config/tree.ts`) lets one check read both.
 *
 * What the literal does not say is kept apart from what it says: a map with a spread or a computed
 * key is *open* (keys not written here may exist at run time), and a value that is not a literal
 * (a call, a variable bound elsewhere, a template with holes) is *opaque* (present, value unknown).
 * Checks must not report a missing key of an open map or compare an opaque value.
 */
import type { CodeModel } from '../core/code-model';
import { ConfigEntry, ConfigMap, ConfigNode, ConfigScalar, ConfigSeq, linkConfig } from '../core/formats/tree';
import type { CallNode, IrNode } from '../core/ir';
import { calleeLast, calleeName, listElements, resolve, stringValue } from './values';

export interface LiteralTree {
  root: ConfigNode;
  /** Maps (and sequences) that may hold more than the literal shows. */
  open: Set<ConfigNode>;
  /** Scalars whose value is not known from the file. */
  opaque: Set<ConfigNode>;
}

const MAX_DEPTH = 12;

/** Converts an object, dict, initializer or array literal (following constants in the file) to a config tree. */
export function literalTree(model: CodeModel, node: IrNode): LiteralTree {
  const open = new Set<ConfigNode>();
  const opaque = new Set<ConfigNode>();
  const convert = (n: IrNode, depth: number): ConfigNode | undefined => {
    const value = resolve(model, n) ?? n;
    if (depth > MAX_DEPTH) return opaqueScalar(n);
    switch (value.kind) {
      case 'string': {
        const s: ConfigScalar = { kind: 'scalar', value: value.value, start: value.start, end: value.end };
        if (value.interpolated) opaque.add(s);
        return s;
      }
      case 'number':
        return { kind: 'scalar', value: value.value, start: value.start, end: value.end };
      case 'boolean':
        return { kind: 'scalar', value: value.value, start: value.start, end: value.end };
      case 'null':
        return undefined;
      case 'name':
        if (value.name === 'undefined' || value.name === 'None') return undefined;
        return opaqueScalar(n);
      case 'unary':
        if (value.operator === '!' && value.operand.kind === 'number') return { kind: 'scalar', value: value.operand.value === 0, start: value.start, end: value.end };
        return opaqueScalar(n);
      case 'other':
        if (value.type === 'template_string' || value.type === 'string') {
          const s = opaqueScalar(n);
          const literal = value.children.find((c) => c.kind === 'string');
          if (literal?.kind === 'string') s.value = literal.value;
          return s;
        }
        return opaqueScalar(n);
      case 'object':
        return convertObject(value, depth);
      case 'call':
        if (value.initializer?.kind === 'object') return convertObject(value.initializer, depth);
        // `new CapabilityStatement({...})`, `dict(a=1)`, `Map.of(...)` are read by their argument when it is one literal.
        if (value.args.length === 1 && value.args[0].value.kind === 'object' && !value.args[0].name) return convertObject(value.args[0].value, depth);
        // Java `Map.of("k1", v1, "k2", v2)`, Guava `ImmutableMap.of(...)`, `Map.ofEntries(entry("k", v), ...)`
        if (isMapFactory(value)) {
          const pairs = mapPairs(model, value);
          if (pairs) {
            const map: ConfigMap = { kind: 'map', entries: [], start: value.start, end: value.end };
            for (const [key, keyNode, v] of pairs) {
              const converted = convert(v, depth + 1);
              if (converted) map.entries.push({ key, keyStart: keyNode.start, keyEnd: keyNode.end, value: converted, start: keyNode.start, end: v.end });
            }
            return map;
          }
        }
        if (value.callee.kind === 'name' && value.callee.name === 'dict' && value.args.every((a) => a.name)) {
          const entries: ConfigEntry[] = [];
          for (const a of value.args) {
            const v = convert(a.value, depth + 1);
            if (v) entries.push({ key: a.name!, keyStart: a.start, keyEnd: a.start + a.name!.length, value: v, start: a.start, end: a.end });
          }
          return { kind: 'map', entries, start: value.start, end: value.end };
        }
        break;
      case 'array':
        break;
      default:
        return opaqueScalar(n);
    }
    const elements = listElements(model, value);
    if (elements) {
      const seq: ConfigSeq = { kind: 'seq', items: [], start: value.start, end: value.end };
      for (const e of elements) {
        if (e.kind === 'other' && /spread|splat/.test(e.type)) {
          open.add(seq);
          continue;
        }
        const item = convert(e, depth + 1);
        if (item) seq.items.push(item);
        if (item && opaque.has(item)) open.add(seq);
      }
      return seq;
    }
    return opaqueScalar(n);
  };
  const convertObject = (obj: Extract<IrNode, { kind: 'object' }>, depth: number): ConfigMap => {
    const map: ConfigMap = { kind: 'map', entries: [], start: obj.start, end: obj.end };
    for (const p of obj.properties) {
      if (p.key === '...' || p.key === '**' || p.key.startsWith('[') || p.key.startsWith('...')) {
        open.add(map);
        continue;
      }
      if (p.value.kind === 'function') continue;
      const v = convert(p.value, depth + 1);
      if (!v) continue;
      map.entries.push({ key: p.key, keyStart: p.keyStart, keyEnd: p.keyEnd, value: v, start: p.start, end: p.end });
    }
    return map;
  };
  const opaqueScalar = (n: IrNode): ConfigScalar => {
    const s: ConfigScalar = { kind: 'scalar', value: null, start: n.start, end: n.end };
    opaque.add(s);
    return s;
  };
  const root = convert(node, 0) ?? opaqueScalar(node);
  linkConfig(root);
  return { root, open, opaque };
}

const MAP_FACTORIES = /^(Map\.of|ImmutableMap\.of|Map\.ofEntries|java\.util\.Map\.of)$/;

/** `Map.of(...)`, `ImmutableMap.of(...)`, `Map.ofEntries(...)`. */
export function isMapFactory(call: CallNode): boolean {
  return MAP_FACTORIES.test(calleeName(call));
}

/** The key/value pairs of a map factory whose keys are string constants. */
function mapPairs(model: CodeModel, call: CallNode): [string, IrNode, IrNode][] | undefined {
  const out: [string, IrNode, IrNode][] = [];
  if (calleeLast(call) === 'ofEntries') {
    for (const a of call.args) {
      const e = a.value;
      if (e.kind !== 'call' || e.args.length !== 2) return undefined;
      const key = stringValue(model, e.args[0].value);
      if (key === undefined) return undefined;
      out.push([key, e.args[0].value, e.args[1].value]);
    }
    return out;
  }
  if (call.args.length % 2 !== 0) return undefined;
  for (let i = 0; i < call.args.length; i += 2) {
    const key = stringValue(model, call.args[i].value);
    if (key === undefined) return undefined;
    out.push([key, call.args[i].value, call.args[i + 1].value]);
  }
  return out;
}

/** Whether a config node (or anything below it) is opaque or open, so that its value cannot be judged. */
export function isUncertain(tree: Pick<LiteralTree, 'open' | 'opaque'> | undefined, node: ConfigNode | undefined): boolean {
  if (!tree || !node) return false;
  if (tree.opaque.has(node) || tree.open.has(node)) return true;
  if (node.kind === 'seq') return node.items.some((i) => isUncertain(tree, i));
  return false;
}
