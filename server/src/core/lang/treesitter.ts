/**
 * tree-sitter in WebAssembly: loading grammars, parsing, and copying a tree into plain JS objects.
 *
 * Grammars come from `@vscode/tree-sitter-wasm` (the ones VS Code itself ships); the runtime from
 * `web-tree-sitter`. Nothing native is built and nothing is fetched: the .wasm files are read from
 * disk, next to the bundle (`dist/wasm/`) or from node_modules.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser, Tree } from 'web-tree-sitter';
import type { Comment, SyntaxProblem } from '../ir';
import { MAX_CODE_NESTING, NestingError, parseBudget, SyntaxBudgetError } from '../nesting';

export type GrammarName = 'typescript' | 'tsx' | 'javascript' | 'java' | 'c-sharp' | 'python';

/**
 * A syntax node copied out of WebAssembly memory. `children` holds every child, anonymous tokens
 * (punctuation, keywords, operators) included; `named` tells them apart.
 */
export interface RawNode {
  type: string;
  named: boolean;
  start: number;
  end: number;
  children: RawNode[];
}

const NO_CHILDREN: RawNode[] = [];

/** Nodes that introduce the declaration after them (decorators, attributes, annotation lists). */
const PRELUDE_TYPES = new Set(['decorator', 'attribute_list', 'annotation', 'marker_annotation', 'modifiers']);
/**
 * Argument lists (JavaScript/TypeScript `arguments`; Java, C# and Python `argument_list`): a function
 * passed as an argument is judged with the arguments before it, so that the handler in
 * `router.get('/fhir/$export', (req, res) => ...)` is kept for the route its path names.
 */
const ARGUMENT_LIST_TYPES = new Set(['arguments', 'argument_list']);

interface LoadedGrammar {
  language: Language;
  typeNames: string[];
  typeIsNamed: boolean[];
}

let runtime: Promise<void> | undefined;
const grammars = new Map<GrammarName, Promise<LoadedGrammar>>();
let parser: Parser | undefined;

function wasmPath(file: string): string {
  const bundled = path.join(__dirname, 'wasm', file);
  if (fs.existsSync(bundled)) return bundled;
  if (file === 'web-tree-sitter.wasm') return require.resolve('web-tree-sitter/web-tree-sitter.wasm');
  return path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm', file);
}

function initRuntime(): Promise<void> {
  runtime ??= Parser.init({ locateFile: () => wasmPath('web-tree-sitter.wasm') });
  return runtime;
}

/** Loads a grammar once per thread; later calls return the same promise. */
export function loadGrammar(name: GrammarName): Promise<LoadedGrammar> {
  let loaded = grammars.get(name);
  if (!loaded) {
    loaded = (async () => {
      await initRuntime();
      const language = await Language.load(fs.readFileSync(wasmPath(`tree-sitter-${name}.wasm`)));
      const typeNames: string[] = [];
      const typeIsNamed: boolean[] = [];
      for (let id = 0; id < language.nodeTypeCount; id++) {
        typeNames.push(language.nodeTypeForId(id) ?? '');
        typeIsNamed.push(language.nodeTypeIsNamed(id));
      }
      return { language, typeNames, typeIsNamed };
    })();
    grammars.set(name, loaded);
  }
  return loaded;
}

export interface RawParse {
  root: RawNode;
  /** Comment nodes, taken out of the tree (they may sit between any two children). */
  comments: Comment[];
  errors: SyntaxProblem[];
}

export interface CopyOptions {
  /** Node types copied without their children (string literals, type annotations). */
  leafTypes: ReadonlySet<string>;
  /** Node types that are comments. */
  commentTypes: ReadonlySet<string>;
  /** Function bodies to leave out (see `BodyElision`). */
  elide?: BodyElision;
}

/**
 * Function bodies that cannot matter are not copied: a body is left out (copied as an empty node)
 * when its text contains nothing any enabled rule looks for. `owners` are the grammar's function
 * node types, `bodies` the body node types under them.
 */
export interface BodyElision {
  owners: ReadonlySet<string>;
  bodies: ReadonlySet<string>;
  keep(start: number, end: number): boolean;
}

/**
 * Parses `text` and copies the tree into JS objects, then frees the WebAssembly tree (trees live in
 * WebAssembly memory, which would otherwise grow with the number of files).
 *
 * Leaf types are copied without their children: string literals are decoded from their text, and
 * type annotations are kept as text; skipping them makes the copy cheaper. Throws a `NestingError`
 * for a tree deeper than `MAX_CODE_NESTING`, a `SyntaxBudgetError` when the parse takes too long.
 */
export async function parseRaw(name: GrammarName, text: string, options: CopyOptions): Promise<RawParse> {
  const grammar = await loadGrammar(name);
  parser ??= new Parser();
  parser.setLanguage(grammar.language);
  const budget = parseBudget(text.length);
  let calls = 0;
  let cancelled = false;
  const started = Date.now();
  const tree = parser.parse(text, null, {
    progressCallback: () => {
      if (++calls > budget.calls || Date.now() - started > budget.ms) cancelled = true;
      return cancelled;
    },
  });
  if (cancelled || !tree) {
    tree?.delete();
    parser.reset();
    if (cancelled) throw new SyntaxBudgetError();
    throw new Error(`the ${name} parser returned no tree`);
  }
  try {
    const comments: Comment[] = [];
    const root = copyTree(tree, grammar, options, (start, end) => comments.push({ start, end, text: text.slice(start, end) }));
    return { root, comments, errors: tree.rootNode.hasError ? collectErrors(tree) : [] };
  } finally {
    tree.delete();
  }
}

function copyTree(
  tree: Tree,
  grammar: LoadedGrammar,
  { leafTypes, commentTypes, elide }: CopyOptions,
  onComment: (start: number, end: number) => void,
): RawNode {
  const cursor = tree.walk();
  const { typeNames, typeIsNamed } = grammar;
  /**
   * `contextStart`: where the text that belongs to a node begins, counting the decorators,
   * annotations, attributes and comments right before it (`@Get('$export')` above a method), and
   * for an argument the arguments before it. A body is judged by that text from its function's
   * context start, not by the body alone.
   */
  const copy = (parentType: string, parentContextStart: number, contextStart: number, depth: number): RawNode | undefined => {
    // The lowering and the rules recurse over the tree: a tree deeper than they can walk is refused here.
    if (depth > MAX_CODE_NESTING) throw new NestingError(MAX_CODE_NESTING);
    const id = cursor.nodeTypeId;
    const type = typeNames[id] ?? 'ERROR';
    if (commentTypes.has(type)) {
      onComment(cursor.startIndex, cursor.endIndex);
      return undefined;
    }
    const node: RawNode = {
      type,
      named: typeIsNamed[id] ?? true,
      start: cursor.startIndex,
      end: cursor.endIndex,
      children: NO_CHILDREN,
    };
    const elided = elide !== undefined && elide.bodies.has(type) && elide.owners.has(parentType) && !elide.keep(parentContextStart, node.end);
    if (!elided && !leafTypes.has(type) && cursor.gotoFirstChild()) {
      const children: RawNode[] = [];
      let childContext = contextStart;
      do {
        const child = copy(type, contextStart, childContext, depth + 1);
        if (child) {
          children.push(child);
          if (!PRELUDE_TYPES.has(child.type) && !ARGUMENT_LIST_TYPES.has(type)) childContext = child.end;
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
      node.children = children;
    }
    return node;
  };
  try {
    return copy('', 0, 0, 0) ?? { type: 'program', named: true, start: 0, end: 0, children: NO_CHILDREN };
  } finally {
    cursor.delete();
  }
}

const MAX_REPORTED_ERRORS = 5;

/**
 * The first syntax errors in document order. Without recursion: the copy above may have left out
 * function bodies, so this walk can go deeper than the copy did.
 */
function collectErrors(tree: Tree): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const root = tree.rootNode;
  if (root.isMissing || root.isError) return [{ start: root.startIndex, end: root.endIndex, message: 'syntax error' }];
  const stack: import('web-tree-sitter').Node[] = [root];
  while (stack.length > 0 && problems.length < MAX_REPORTED_ERRORS) {
    const node = stack.pop()!;
    if (!node.hasError && !node.isMissing) continue;
    if (node.isError) {
      problems.push({ start: node.startIndex, end: node.endIndex, message: 'syntax error' });
      continue;
    }
    if (node.isMissing) {
      problems.push({ start: node.startIndex, end: node.endIndex, message: `missing ${node.type}` });
      continue;
    }
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return problems;
}

/** Named children only. */
export function named(node: RawNode): RawNode[] {
  return node.children.filter((c) => c.named);
}

/** The first child (named or not) of one of the given types. */
export function childOfType(node: RawNode, ...types: string[]): RawNode | undefined {
  return node.children.find((c) => types.includes(c.type));
}

export function childrenOfType(node: RawNode, ...types: string[]): RawNode[] {
  return node.children.filter((c) => types.includes(c.type));
}

/** Whether an anonymous token (keyword, operator) with this text is a direct child. */
export function hasToken(node: RawNode, token: string): boolean {
  return node.children.some((c) => !c.named && c.type === token);
}
