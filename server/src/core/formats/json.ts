/** JSON (and JSON with comments, as ASP.NET `appsettings.json` and VS Code settings allow) into the config tree. */
import * as jsonc from 'jsonc-parser';
import type { Comment, SyntaxProblem } from '../ir';
import { checkNesting, jsonNesting, MAX_CONFIG_NESTING } from '../nesting';
import { ConfigDocument, ConfigEntry, ConfigNode, linkConfig } from './tree';

/** Throws a `NestingError` for text nested deeper than configuration is read (the parser recurses). */
export function parseJson(text: string): ConfigDocument {
  checkNesting(jsonNesting(text, MAX_CONFIG_NESTING).depth, MAX_CONFIG_NESTING);
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const syntaxErrors: SyntaxProblem[] = errors.slice(0, 5).map((e) => ({
    start: e.offset,
    end: e.offset + e.length,
    message: jsonc.printParseErrorCode(e.error),
  }));
  const roots: ConfigNode[] = [];
  if (tree) {
    const root = convert(tree);
    linkConfig(root);
    roots.push(root);
  }
  return { format: 'json', roots, comments: scanComments(text), syntaxErrors };
}

function convert(node: jsonc.Node): ConfigNode {
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const entries: ConfigEntry[] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key) continue;
        const converted: ConfigNode = value ? convert(value) : { kind: 'scalar', value: null, start: key.offset + key.length, end: key.offset + key.length };
        entries.push({
          key: String(key.value),
          keyStart: key.offset,
          keyEnd: key.offset + key.length,
          value: converted,
          start: property.offset,
          end: property.offset + property.length,
        });
      }
      return { kind: 'map', entries, start, end };
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map(convert), start, end };
    default:
      return { kind: 'scalar', value: (node.value as string | number | boolean | null) ?? null, start, end };
  }
}

function scanComments(text: string): Comment[] {
  if (!text.includes('//') && !text.includes('/*')) return [];
  const comments: Comment[] = [];
  const scanner = jsonc.createScanner(text, false);
  for (let token = scanner.scan(); token !== jsonc.SyntaxKind.EOF; token = scanner.scan()) {
    if (token === jsonc.SyntaxKind.LineCommentTrivia || token === jsonc.SyntaxKind.BlockCommentTrivia) {
      const start = scanner.getTokenOffset();
      const end = start + scanner.getTokenLength();
      comments.push({ start, end, text: text.slice(start, end) });
    }
  }
  return comments;
}
