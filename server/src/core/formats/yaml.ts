/** YAML (every document of a multi-document stream) into the config tree, with its comments. */
import { isMap, isPair, isScalar, isSeq, LineCounter, Parser, parseAllDocuments } from 'yaml';
import type { Comment, SyntaxProblem } from '../ir';
import { ConfigDocument, ConfigEntry, ConfigNode, linkConfig } from './tree';

export function parseYaml(text: string): ConfigDocument {
  const documents = parseAllDocuments(text, { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false });
  const roots: ConfigNode[] = [];
  const syntaxErrors: SyntaxProblem[] = [];
  for (const doc of Array.isArray(documents) ? documents : [documents]) {
    for (const error of doc.errors.slice(0, 5)) {
      syntaxErrors.push({ start: error.pos[0], end: error.pos[1], message: error.message.split('\n')[0] });
    }
    if (doc.contents) {
      const root = convert(doc.contents);
      if (root) {
        linkConfig(root);
        roots.push(root);
      }
    }
  }
  return { format: 'yaml', roots, comments: collectComments(text), syntaxErrors };
}

function convert(node: unknown): ConfigNode | undefined {
  if (isMap(node)) {
    const [start, , end] = node.range ?? [0, 0, 0];
    const entries: ConfigEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as { range?: [number, number, number]; value?: unknown } | null;
      const keyRange = key?.range ?? [start, start, start];
      const keyText = isScalar(key) ? String(key.value) : String(key ?? '');
      const value = convert(pair.value) ?? { kind: 'scalar', value: null, start: keyRange[1], end: keyRange[1] };
      entries.push({ key: keyText, keyStart: keyRange[0], keyEnd: keyRange[1], value, start: keyRange[0], end: Math.max(value.end, keyRange[1]) });
    }
    return { kind: 'map', entries, start, end };
  }
  if (isSeq(node)) {
    const [start, , end] = node.range ?? [0, 0, 0];
    const items: ConfigNode[] = [];
    for (const item of node.items) {
      const converted = convert(item);
      if (converted) items.push(converted);
    }
    return { kind: 'seq', items, start, end };
  }
  if (isScalar(node)) {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    const value = node.value;
    const scalarValue = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : String(value);
    return { kind: 'scalar', value: scalarValue, start, end: valueEnd };
  }
  return undefined;
}

/** Comments with their offsets, read from the concrete syntax tree (the document model drops offsets). */
function collectComments(text: string): Comment[] {
  if (!text.includes('#')) return [];
  const comments: Comment[] = [];
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) {
      for (const t of token) visit(t);
      return;
    }
    if (!token || typeof token !== 'object') return;
    const t = token as Record<string, unknown>;
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      comments.push({ start: t.offset, end: t.offset + t.source.length, text: t.source });
      return;
    }
    for (const [key, value] of Object.entries(t)) if (key !== 'source' && typeof value === 'object') visit(value);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return comments.sort((a, b) => a.start - b.start);
}
