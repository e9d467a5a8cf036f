/**
 * One piece of lowered code (a source file, or one script of a Mirth channel) with the lookups
 * rules share: enclosing function and class, constants by name, imports. Derived facts that cost
 * something are computed once per model (`memo`).
 */
import type { ClassNode, CodeLanguage, Comment, FunctionNode, ImportNode, IrNode, LoweredCode, Origin, VariableNode } from './ir';
import { walk } from './ir';
import type { LanguageId } from './language';


/** Where a piece of code is embedded, when it is not a file of its own. */
export interface Embedding {
  host: 'mirth';
  /** `script`, `preprocessingScript`, ..., or `code` (code template). */
  element: string;
  label: string;
  transportName?: string;
}

/**
 * What code in this model refers to elsewhere in the project (an imported constant, a class's field in
 * another file, a configuration key read at run time): given a node that does not resolve within the
 * file, its value, as IR built for this model (offsets of the reference, `origin` on the value).
 * Set by the project context before rules run; absent for a file analysed on its own.
 */
export interface ExternalLookup {
  lookup(model: CodeModel, node: IrNode): IrNode | undefined;
  /**
   * A function that code in this model calls by name but that is declared in another file (a Mirth
   * code template's function), with the model it was lowered in, where it was defined, and how to
   * name a place in that model from this one (`locate`).
   */
  /**
   * Other code files of the project whose text contains `word` (loaded before rules run for the words
   * the project context follows, such as the names of ASP.NET Core policies), with how to name a
   * place in each.
   */
  codeMentioning?(model: CodeModel, word: string): { model: CodeModel; locate(span: { start: number; end: number }): Origin }[];
  functionNamed?(model: CodeModel, name: string): { fn: FunctionNode; model: CodeModel; origin: Origin; locate(span: { start: number; end: number }): Origin } | undefined;
  /**
   * The paths other files of the project apply a name to (a guard, middleware or policy declared here
   * and registered on routes elsewhere), with where each is applied; names a registration links to
   * the name (a policy made of a requirement) are followed.
   */
  pathsApplying?(name: string): { path: string; origin: Origin }[];
}

export class CodeModel {
  readonly root: LoweredCode['root'];
  /** Values from other files and configuration; see `ExternalLookup`. */
  external?: ExternalLookup;
  readonly comments: Comment[];
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly language: LanguageId,
    readonly codeLanguage: CodeLanguage,
    /** The text the offsets refer to (for a Mirth script: the decoded script). */
    readonly text: string,
    lowered: LoweredCode,
    readonly embedding?: Embedding,
  ) {
    this.root = lowered.root;
    this.comments = lowered.comments;
  }

  /** Computes a derived fact once per model. */
  memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  textOf(node: { start: number; end: number }): string {
    return this.text.slice(node.start, node.end);
  }

  /** The innermost function (method, lambda, ...) containing `node`, not counting `node` itself. */
  enclosingFunction(node: IrNode): FunctionNode | undefined {
    for (let p = node.parent; p; p = p.parent) if (p.kind === 'function') return p;
    return undefined;
  }

  /** The outermost function containing `node` that is not a lambda passed somewhere (a named function or method). */
  enclosingNamedFunction(node: IrNode): FunctionNode | undefined {
    for (let p = node.parent; p; p = p.parent) if (p.kind === 'function' && !p.isLambda) return p;
    return undefined;
  }

  enclosingClass(node: IrNode): ClassNode | undefined {
    for (let p = node.parent; p; p = p.parent) if (p.kind === 'class') return p;
    return undefined;
  }

  /** Every function, method and lambda, in source order. */
  functions(): FunctionNode[] {
    return this.memo('functions', () => {
      const out: FunctionNode[] = [];
      walk(this.root, (n) => {
        if (n.kind === 'function') out.push(n);
      });
      return out;
    });
  }

  /** Top-level and member functions by name (the first declaration wins). */
  functionNamed(name: string): FunctionNode | undefined {
    const byName = this.memo('functionsByName', () => {
      const map = new Map<string, FunctionNode>();
      for (const f of this.functions()) if (f.name && !map.has(f.name)) map.set(f.name, f);
      return map;
    });
    return byName.get(name);
  }

  /** Bindings by name: every `variable` node, in source order, so rules can resolve `ALLOWED_TYPES` to its value. */
  variables(name: string): VariableNode[] {
    const byName = this.memo('variablesByName', () => {
      const map = new Map<string, VariableNode[]>();
      walk(this.root, (n) => {
        if (n.kind !== 'variable') return;
        const list = map.get(n.name);
        if (list) list.push(n);
        else map.set(n.name, [n]);
      });
      return map;
    });
    return byName.get(name) ?? [];
  }

  imports(): ImportNode[] {
    return this.memo('imports', () => {
      const out: ImportNode[] = [];
      walk(this.root, (n) => {
        if (n.kind === 'import') out.push(n);
        // Imports sit at the top of a file or a namespace; no need to look inside functions.
        return n.kind !== 'function';
      });
      return out;
    });
  }

  /** Whether any import's source contains one of the fragments (`express-rate-limit`, `bucket4j`). */
  importsFrom(...fragments: string[]): boolean {
    return this.imports().some((i) => fragments.some((f) => i.source.toLowerCase().includes(f)));
  }
}
