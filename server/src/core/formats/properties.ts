/**
 * Java `.properties` (Spring Boot `application.properties`, HAPI FHIR settings) into the config tree.
 * Dotted keys become nested maps and `[n]` indexes become sequences, so
 * `hapi.fhir.supported_resource_types=Patient,Observation` is found where the YAML form is.
 */
import type { Comment } from '../ir';
import { MAX_CONFIG_NESTING, NestingError } from '../nesting';
import { ConfigDocument, ConfigEntry, ConfigMap, ConfigNode, ConfigSeq, linkConfig } from './tree';

export function parseProperties(text: string): ConfigDocument {
  const root: ConfigMap = { kind: 'map', entries: [], start: 0, end: text.length };
  const comments: Comment[] = [];
  let offset = 0;
  while (offset < text.length) {
    const lineEnd = endOfLine(text, offset);
    const lineStart = offset;
    offset = nextLine(text, lineEnd);
    const firstNonSpace = skipSpaces(text, lineStart, lineEnd);
    if (firstNonSpace >= lineEnd) continue;
    if (text[firstNonSpace] === '#' || text[firstNonSpace] === '!') {
      comments.push({ start: firstNonSpace, end: lineEnd, text: text.slice(firstNonSpace, lineEnd) });
      continue;
    }
    // A logical line continues while a physical line ends with an odd number of backslashes.
    let logicalEnd = lineEnd;
    let raw = text.slice(firstNonSpace, lineEnd);
    while (endsWithContinuation(raw) && offset < text.length) {
      const nextEnd = endOfLine(text, offset);
      raw = raw.slice(0, -1) + text.slice(skipSpaces(text, offset, nextEnd), nextEnd);
      logicalEnd = nextEnd;
      offset = nextLine(text, nextEnd);
    }
    const separator = findSeparator(raw);
    const key = unescape(raw.slice(0, separator).trimEnd());
    let valueStartInRaw = separator;
    while (valueStartInRaw < raw.length && /[\s]/.test(raw[valueStartInRaw])) valueStartInRaw++;
    if (raw[valueStartInRaw] === '=' || raw[valueStartInRaw] === ':') valueStartInRaw++;
    while (valueStartInRaw < raw.length && /[ \t\f]/.test(raw[valueStartInRaw])) valueStartInRaw++;
    const value = unescape(raw.slice(valueStartInRaw));
    const keyEnd = firstNonSpace + raw.slice(0, separator).trimEnd().length;
    insert(root, key, value, { keyStart: firstNonSpace, keyEnd, valueStart: Math.min(firstNonSpace + valueStartInRaw, logicalEnd), end: logicalEnd });
  }
  linkConfig(root);
  return { format: 'properties', roots: [root], comments, syntaxErrors: [] };
}

interface Spans {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  end: number;
}

function insert(root: ConfigMap, key: string, value: string, spans: Spans): void {
  const segments: (string | number)[] = [];
  for (const part of key.split('.')) {
    const m = /^(.*?)((?:\[\d+\])+)$/.exec(part);
    if (m) {
      if (m[1]) segments.push(m[1]);
      for (const idx of m[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(idx[1]));
    } else segments.push(part);
  }
  // Each segment is a level of the tree that rules walk.
  if (segments.length > MAX_CONFIG_NESTING) throw new NestingError(MAX_CONFIG_NESTING);
  let container: ConfigNode = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    const makeNext = (): ConfigNode =>
      last
        ? { kind: 'scalar', value, start: spans.valueStart, end: spans.end }
        : typeof segments[i + 1] === 'number'
          ? ({ kind: 'seq', items: [], start: spans.keyStart, end: spans.end } as ConfigSeq)
          : ({ kind: 'map', entries: [], start: spans.keyStart, end: spans.end } as ConfigMap);
    if (typeof segment === 'number' && container.kind === 'seq') {
      while (container.items.length <= segment) container.items.push({ kind: 'map', entries: [], start: spans.keyStart, end: spans.end });
      if (last) container.items[segment] = makeNext();
      else if (container.items[segment].kind === 'scalar') container.items[segment] = makeNext();
      container.end = Math.max(container.end, spans.end);
      container = container.items[segment];
    } else if (container.kind === 'map') {
      const name = String(segment);
      let entry: ConfigEntry | undefined = container.entries.find((e) => e.key === name);
      if (!entry || last) {
        entry = { key: name, keyStart: spans.keyStart, keyEnd: spans.keyEnd, value: makeNext(), start: spans.keyStart, end: spans.end };
        container.entries.push(entry);
      }
      container.end = Math.max(container.end, spans.end);
      container = entry.value;
    } else return;
  }
}

function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function nextLine(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') return lineEnd + 2;
  return lineEnd + 1;
}

function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f')) i++;
  return i;
}

function endsWithContinuation(line: string): boolean {
  let count = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

function findSeparator(raw: string): number {
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '=' || ch === ':' || ch === ' ' || ch === '\t' || ch === '\f') return i;
  }
  return raw.length;
}

function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f' }[e] ?? e;
  });
}
