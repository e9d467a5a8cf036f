/** YAML (every document of a multi-document stream) into the config tree, with its comments. */
import { Composer, CST, isMap, isPair, isScalar, isSeq, Parser } from 'yaml';
import type { Comment, SyntaxProblem } from '../ir';
import { checkNesting, MAX_CONFIG_NESTING, NestingError } from '../nesting';
import { ConfigDocument, ConfigEntry, ConfigNode, linkConfig } from './tree';

/**
 * The text is tokenised once (the concrete syntax tree, built without recursion); its nesting is
 * measured before the documents are composed from it, since composing recurses.
 */
export function parseYaml(text: string): ConfigDocument {
  let tokens: CST.Token[];
  try {
    tokens = Array.from(new Parser().parse(text));
  } catch (err) {
    // The YAML parser recurses once per implicit key it opens: a line of thousands of `"x": 1, ` nests
    // that deep and overflows the stack. Such a file is refused as too deeply nested, like any other.
    if (err instanceof RangeError) throw new NestingError(MAX_CONFIG_NESTING);
    throw err;
  }
  const { depth, comments } = scanTokens(tokens, text.includes('#'));
  checkNesting(depth, MAX_CONFIG_NESTING);
  const documents = Array.from(new Composer({ uniqueKeys: false, prettyErrors: false }).compose(tokens));
  const roots: ConfigNode[] = [];
  const syntaxErrors: SyntaxProblem[] = [];
  for (const doc of documents) {
    for (const error of doc.errors.slice(0, 5)) {
      syntaxErrors.push({ start: error.pos[0], end: error.pos[1], message: error.message.split('\n')[0] });
    }
    if (doc.contents) {
      const root = convert(doc.contents, text);
      if (root) {
        linkConfig(root);
        roots.push(root);
      }
    }
  }
  return { format: 'yaml', roots, comments, syntaxErrors };
}

function convert(node: unknown, text: string): ConfigNode | undefined {
  if (isMap(node)) {
    const [start, , end] = node.range ?? [0, 0, 0];
    const entries: ConfigEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as { range?: [number, number, number]; value?: unknown } | null;
      const keyRange = key?.range ?? [start, start, start];
      // An empty key (`: value`) is '' (the parser gives it the value null, which a literal `null:` key also has).
      // A collection as a key (`? [a, b]`) is named by its source text: stringifying it costs the size of
      // everything nested in it, at every level.
      const keyText = isScalar(key) ? (keyRange[1] > keyRange[0] ? String(key.value) : '') : key ? text.slice(keyRange[0], Math.min(keyRange[1], keyRange[0] + 200)) : '';
      const value = convert(pair.value, text) ?? { kind: 'scalar', value: null, start: keyRange[1], end: keyRange[1] };
      entries.push({ key: keyText, keyStart: keyRange[0], keyEnd: keyRange[1], value, start: keyRange[0], end: Math.max(value.end, keyRange[1]) });
    }
    return { kind: 'map', entries, start, end };
  }
  if (isSeq(node)) {
    const [start, , end] = node.range ?? [0, 0, 0];
    const items: ConfigNode[] = [];
    for (const item of node.items) {
      const converted = convert(item, text);
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

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * The deepest nesting of collections in the concrete syntax tree, and (when `withComments`) the
 * comments with their offsets (the document model drops offsets), in one walk without recursion.
 */
function scanTokens(tokens: unknown[], withComments: boolean): { depth: number; comments: Comment[] } {
  const comments: Comment[] = [];
  let max = 0;
  const stack: { value: unknown; depth: number }[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ value: tokens[i], depth: 0 });
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (value[i] && typeof value[i] === 'object') stack.push({ value: value[i], depth });
      continue;
    }
    const t = value as Record<string, unknown>;
    if (t.type === 'comment') {
      if (withComments && typeof t.offset === 'number' && typeof t.source === 'string') comments.push({ start: t.offset, end: t.offset + t.source.length, text: t.source });
      continue;
    }
    const below = typeof t.type === 'string' && COLLECTIONS.has(t.type) ? depth + 1 : depth;
    if (below > max) max = below;
    for (const key in t) {
      const child = t[key];
      if (key !== 'source' && child && typeof child === 'object') stack.push({ value: child, depth: below });
    }
  }
  return { depth: max, comments: comments.sort((a, b) => a.start - b.start) };
}
