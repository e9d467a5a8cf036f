/**
 * One tree shape for configuration, whatever the format: JSON, YAML, Java `.properties` and XML
 * all become maps, sequences and scalars with offsets, so a rule about `supported_resource_types`
 * or a Kong plugin is written once.
 */
import type { Comment, SyntaxProblem } from '../ir';

export type ConfigFormat = 'json' | 'yaml' | 'properties' | 'xml' | 'nginx';

interface ConfigBase {
  start: number;
  end: number;
  parent?: ConfigNode;
  /** The entry (key) under which this node sits in its parent map, if any. */
  entry?: ConfigEntry;
}

export interface ConfigEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: ConfigNode;
  /** The whole entry: key, value and (for YAML) its sequence dash. */
  start: number;
  end: number;
}

export interface ConfigMap extends ConfigBase {
  kind: 'map';
  entries: ConfigEntry[];
}

export interface ConfigSeq extends ConfigBase {
  kind: 'seq';
  items: ConfigNode[];
}

export type ScalarValue = string | number | boolean | null;

export interface ConfigScalar extends ConfigBase {
  kind: 'scalar';
  value: ScalarValue;
}

export type ConfigNode = ConfigMap | ConfigSeq | ConfigScalar;

export interface ConfigDocument {
  format: ConfigFormat;
  /** One root per YAML document; one for every other format. */
  roots: ConfigNode[];
  comments: Comment[];
  syntaxErrors: SyntaxProblem[];
}

/** Sets `parent` and `entry` links below `root` (without recursion: a tree may be deep). */
export function linkConfig(root: ConfigNode): void {
  const stack: ConfigNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'map') {
      for (const e of node.entries) {
        e.value.parent = node;
        e.value.entry = e;
        stack.push(e.value);
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) {
        item.parent = node;
        stack.push(item);
      }
    }
  }
}

/** The value of `key` in a map (case-sensitive, first match). */
export function child(node: ConfigNode | undefined, key: string): ConfigNode | undefined {
  if (node?.kind !== 'map') return undefined;
  return node.entries.find((e) => e.key === key)?.value;
}

/** Follows a dotted path of keys (`hapi.fhir.supported_resource_types`). Also matches keys that contain dots. */
export function at(node: ConfigNode | undefined, path: string): ConfigNode | undefined {
  if (!node) return undefined;
  if (path === '') return node;
  if (node.kind !== 'map') return undefined;
  for (const e of node.entries) {
    if (e.key === path) return e.value;
    if (path.startsWith(e.key + '.')) {
      const found = at(e.value, path.slice(e.key.length + 1));
      if (found) return found;
    }
  }
  return undefined;
}

/** A sequence's items, or the node itself as a one-item list (XML and FHIR write single items unwrapped). */
export function items(node: ConfigNode | undefined): ConfigNode[] {
  if (!node) return [];
  return node.kind === 'seq' ? node.items : [node];
}

export function scalar(node: ConfigNode | undefined): ScalarValue | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}

export function scalarString(node: ConfigNode | undefined): string | undefined {
  const value = scalar(node);
  return value === undefined || value === null ? undefined : String(value);
}

/** Booleans as YAML 1.1, properties files and XML write them too (`yes`, `on`, `"false"`). */
export function scalarBoolean(node: ConfigNode | undefined): boolean | undefined {
  const value = scalar(node);
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(lower)) return true;
  if (['false', 'no', 'off'].includes(lower)) return false;
  return undefined;
}

export function scalarNumber(node: ConfigNode | undefined): number | undefined {
  const value = scalar(node);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * A list of strings: a sequence of scalars, or one scalar holding a comma-separated list (the way
 * `.properties` files and environment-style settings write lists).
 */
export function stringList(node: ConfigNode | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.kind === 'seq') {
    const out: string[] = [];
    for (const item of node.items) {
      const s = scalarString(item);
      if (s === undefined) return undefined;
      out.push(s);
    }
    return out;
  }
  const s = scalarString(node);
  if (s === undefined) return undefined;
  return s
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Keys from the root down to `node`. Sequence positions are numbers. */
export function pathOf(node: ConfigNode): (string | number)[] {
  const path: (string | number)[] = [];
  let current: ConfigNode | undefined = node;
  while (current?.parent) {
    const parent: ConfigNode = current.parent;
    if (parent.kind === 'seq') path.unshift(parent.items.indexOf(current));
    else if (current.entry) path.unshift(current.entry.key);
    current = parent;
  }
  return path;
}

/** RFC 6901 JSON pointer of a node (`/portal/results/labHoldHours`). */
export function jsonPointer(node: ConfigNode): string {
  return pathOf(node)
    .map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('');
}

/** Dotted key path of a node (`hapi.fhir.bulk_export_enabled`, `services.0.plugins.1`). */
export function dottedPath(node: ConfigNode): string {
  return pathOf(node).join('.');
}

/** Every node below (and including) `root`, depth first. */
export function* descendants(root: ConfigNode): Generator<ConfigNode> {
  const stack: ConfigNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if (node.kind === 'map') for (let i = node.entries.length - 1; i >= 0; i--) stack.push(node.entries[i].value);
    else if (node.kind === 'seq') for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
}

/** Every map entry below `root`, depth first. */
export function* entriesBelow(root: ConfigNode): Generator<ConfigEntry> {
  for (const node of descendants(root)) if (node.kind === 'map') yield* node.entries;
}
