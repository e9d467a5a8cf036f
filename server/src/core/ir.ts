/**
 * The language-neutral syntax tree that every rule reads.
 *
 * Each code language (TypeScript/TSX/JavaScript, Java, C#, Python, and the JavaScript inside Mirth
 * channels) is parsed with its tree-sitter grammar and then *lowered* into these node kinds, so a
 * rule asks one question ("a call whose callee ends in `.status` with the argument 403") instead of
 * four. Constructs a lowering does not model become `other` nodes whose children are still lowered,
 * so nothing inside them is lost.
 *
 * Offsets are UTF-16 code-unit offsets into the text that was parsed (for a Mirth script, the
 * decoded script text; the engine maps them back to the XML file).
 */

export type CodeLanguage = 'typescript' | 'tsx' | 'javascript' | 'java' | 'csharp' | 'python';

export interface Span {
  start: number;
  end: number;
}

/**
 * Where a value that came from another file or from configuration was written: a constant in an
 * imported module, a key in `application.yml`. Zero-based lines and characters, like `Range`.
 */
export interface Origin {
  /** The file as reports name it. */
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

interface Base extends Span {
  /** Set by `linkParents` after lowering; undefined only on the root. */
  parent?: IrNode;
  /**
   * On values built by the project's value flow (`analysis/project.ts`) instead of lowered from this
   * text: where the value was defined. Their offsets are those of the reference in this file.
   */
  origin?: Origin;
}

/* ---------- expressions ---------- */

export interface StringNode extends Base {
  kind: 'string';
  /** The decoded value; for an interpolated string, its literal parts joined with `…` where a hole was. */
  value: string;
  interpolated: boolean;
}

export interface NumberNode extends Base {
  kind: 'number';
  value: number;
  raw: string;
}

export interface BooleanNode extends Base {
  kind: 'boolean';
  value: boolean;
}

export interface NullNode extends Base {
  kind: 'null';
}

/** An identifier, or `this`/`self`/`base`/`super`. */
export interface NameNode extends Base {
  kind: 'name';
  name: string;
}

/** `object.property` (also `?.`, Java field access, C# member access, Python attribute). */
export interface MemberNode extends Base {
  kind: 'member';
  object: IrNode;
  property: string;
  propertyStart: number;
}

/** `object[index]`. */
export interface IndexNode extends Base {
  kind: 'index';
  object: IrNode;
  index: IrNode;
}

export interface Argument extends Span {
  /** Keyword / named argument name (Python `key=`, C# `name:`, Java annotation `key =`). */
  name?: string;
  value: IrNode;
}

/**
 * A call, a constructor call (`isNew`), or a decorator / annotation / attribute (`isDecorator`;
 * a bare `@Foo` or `[Foo]` has no arguments).
 */
export interface CallNode extends Base {
  kind: 'call';
  callee: IrNode;
  args: Argument[];
  isNew: boolean;
  isDecorator: boolean;
  /** C# object / collection initializer, Java anonymous array initializer after `new T[]`. */
  initializer?: ObjectNode | ArrayNode;
}

/** Array, list, tuple or set literal; Java/C# array and collection initializers. */
export interface ArrayNode extends Base {
  kind: 'array';
  elements: IrNode[];
}

export interface Property extends Span {
  /** The key as text: identifier name or decoded string key; computed keys give their source text. */
  key: string;
  keyStart: number;
  keyEnd: number;
  value: IrNode;
}

/** Object literal, Python dict, C# anonymous object or object initializer. */
export interface ObjectNode extends Base {
  kind: 'object';
  properties: Property[];
}

export interface Parameter extends Span {
  name: string;
  /** The declared type as source text, if any. */
  type?: string;
  decorators: CallNode[];
  defaultValue?: IrNode;
}

/** Function declaration, method, constructor, arrow function, lambda, Python def. */
export interface FunctionNode extends Base {
  kind: 'function';
  name?: string;
  params: Parameter[];
  /** A block, or an expression for expression-bodied lambdas; absent for abstract/interface methods. */
  body?: IrNode;
  decorators: CallNode[];
  /** Return type as source text, if declared. */
  returnType?: string;
  isAsync: boolean;
  isMethod: boolean;
  isLambda: boolean;
  /** Offset where the body starts (after the signature), or `end` when there is no body. */
  bodyStart: number;
}

export interface BinaryNode extends Base {
  kind: 'binary';
  /** The operator as written: `===`, `==`, `!=`, `&&`, `and`, `in`, `not in`, `instanceof`, `is`, `+`, ... */
  operator: string;
  left: IrNode;
  right: IrNode;
}

export interface UnaryNode extends Base {
  kind: 'unary';
  /** `!`, `not`, `-`, `+`, `~`, `typeof`, `await`, `++`, `--`, `delete`, `void`. */
  operator: string;
  operand: IrNode;
}

export interface ConditionalNode extends Base {
  kind: 'conditional';
  test: IrNode;
  consequent: IrNode;
  alternate: IrNode;
}

export interface AssignNode extends Base {
  kind: 'assign';
  target: IrNode;
  /** `=`, `+=`, `??=`, ... */
  operator: string;
  value: IrNode;
}

/** Anything the lowering does not model; its children are lowered. `type` is the grammar's node type. */
export interface OtherNode extends Base {
  kind: 'other';
  type: string;
  children: IrNode[];
}

/* ---------- statements and declarations ---------- */

export interface BlockNode extends Base {
  kind: 'block';
  body: IrNode[];
}

export interface IfNode extends Base {
  kind: 'if';
  test: IrNode;
  consequent: IrNode;
  /** An `else` branch; `elif`/`else if` chains nest another `if` here. */
  alternate?: IrNode;
}

export interface ReturnNode extends Base {
  kind: 'return';
  value?: IrNode;
}

/** `throw` / Python `raise`. */
export interface ThrowNode extends Base {
  kind: 'throw';
  value?: IrNode;
}

export interface JumpNode extends Base {
  kind: 'continue' | 'break';
}

/**
 * Any loop: for, for-in/of, foreach, while, do-while, Python for/while, and Python comprehensions
 * (`comprehension`: `body` is the element expression, `test` the `if` filter, if any).
 */
export interface LoopNode extends Base {
  kind: 'loop';
  /** Loop variable name (as written; a tuple target gives its text) for for-each style loops. */
  variable?: string;
  /** The collection iterated by a for-each style loop. */
  iterable?: IrNode;
  /** The condition of a while / classic for loop, or a comprehension's filter. */
  test?: IrNode;
  body: IrNode;
  comprehension?: boolean;
}

export interface CatchClause extends Span {
  param?: string;
  /** Caught exception types as source text (Java/C#/Python). */
  types: string[];
  body: IrNode;
}

export interface TryNode extends Base {
  kind: 'try';
  body: IrNode;
  handlers: CatchClause[];
  finalizer?: IrNode;
}

export interface SwitchCase extends Span {
  /** Empty for the default case. */
  tests: IrNode[];
  body: IrNode[];
}

/** switch statement or expression, C# switch expression, Python match. */
export interface SwitchNode extends Base {
  kind: 'switch';
  discriminant: IrNode;
  cases: SwitchCase[];
}

/**
 * A named binding: `const x = ...`, a Java/C# field or local, a C# property with an initializer,
 * a Python module/class/function-level `NAME = ...`, a TS class field.
 */
export interface VariableNode extends Base {
  kind: 'variable';
  name: string;
  nameStart: number;
  /** Declared type as source text, if any. */
  type?: string;
  value?: IrNode;
  /** `const`, `final`, `readonly`, `static final`, C# `const`, or an UPPER_CASE Python name. */
  isConstant: boolean;
  /** Declared as a member of a class. */
  isField: boolean;
  decorators: CallNode[];
}

export interface ClassNode extends Base {
  kind: 'class';
  name: string;
  /** Base classes and implemented interfaces, as source text. */
  bases: string[];
  decorators: CallNode[];
  members: IrNode[];
  isInterface: boolean;
}

export interface EnumMember extends Span {
  name: string;
  value?: IrNode;
}

/** TS/Java/C# enum; a Python class deriving from Enum/StrEnum/IntEnum. */
export interface EnumNode extends Base {
  kind: 'enum';
  name: string;
  members: EnumMember[];
  decorators: CallNode[];
}

export interface ImportBinding {
  /** The exported name (`default`, `*`, or a name); for Java/C#/Python, the last segment. */
  imported: string;
  local: string;
}

/** ES import / require binding, Java import, C# using, Python import / from-import. */
export interface ImportNode extends Base {
  kind: 'import';
  /** Module or namespace: `express-rate-limit`, `io.github.bucket4j.Bucket`, `flask_limiter`. */
  source: string;
  names: ImportBinding[];
}

export type IrNode =
  | StringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | NameNode
  | MemberNode
  | IndexNode
  | CallNode
  | ArrayNode
  | ObjectNode
  | FunctionNode
  | BinaryNode
  | UnaryNode
  | ConditionalNode
  | AssignNode
  | OtherNode
  | BlockNode
  | IfNode
  | ReturnNode
  | ThrowNode
  | JumpNode
  | LoopNode
  | TryNode
  | SwitchNode
  | VariableNode
  | ClassNode
  | EnumNode
  | ImportNode;

export type IrKind = IrNode['kind'];
export type NodeOfKind<K extends IrKind> = Extract<IrNode, { kind: K }>;

export interface Comment extends Span {
  /** The comment as written, delimiters included. */
  text: string;
}

/** A region the parser could not make sense of; reported as a per-file notice. */
export interface SyntaxProblem extends Span {
  message: string;
}

/** What a lowering produces for one piece of code. */
export interface LoweredCode {
  language: CodeLanguage;
  root: BlockNode;
  comments: Comment[];
  syntaxErrors: SyntaxProblem[];
}

/** Calls `visit` for each direct child of `node`, in source order. */
export function forEachChild(node: IrNode, visit: (child: IrNode) => void): void {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'name':
    case 'continue':
    case 'break':
    case 'import':
      return;
    case 'member':
      visit(node.object);
      return;
    case 'index':
      visit(node.object);
      visit(node.index);
      return;
    case 'call':
      visit(node.callee);
      for (const a of node.args) visit(a.value);
      if (node.initializer) visit(node.initializer);
      return;
    case 'array':
      node.elements.forEach(visit);
      return;
    case 'object':
      for (const p of node.properties) visit(p.value);
      return;
    case 'function':
      node.decorators.forEach(visit);
      for (const p of node.params) {
        p.decorators.forEach(visit);
        if (p.defaultValue) visit(p.defaultValue);
      }
      if (node.body) visit(node.body);
      return;
    case 'binary':
      visit(node.left);
      visit(node.right);
      return;
    case 'unary':
      visit(node.operand);
      return;
    case 'conditional':
      visit(node.test);
      visit(node.consequent);
      visit(node.alternate);
      return;
    case 'assign':
      visit(node.target);
      visit(node.value);
      return;
    case 'other':
      node.children.forEach(visit);
      return;
    case 'block':
      node.body.forEach(visit);
      return;
    case 'if':
      visit(node.test);
      visit(node.consequent);
      if (node.alternate) visit(node.alternate);
      return;
    case 'return':
    case 'throw':
      if (node.value) visit(node.value);
      return;
    case 'loop':
      if (node.iterable) visit(node.iterable);
      if (node.test) visit(node.test);
      visit(node.body);
      return;
    case 'try':
      visit(node.body);
      for (const h of node.handlers) visit(h.body);
      if (node.finalizer) visit(node.finalizer);
      return;
    case 'switch':
      visit(node.discriminant);
      for (const c of node.cases) {
        c.tests.forEach(visit);
        c.body.forEach(visit);
      }
      return;
    case 'variable':
      node.decorators.forEach(visit);
      if (node.value) visit(node.value);
      return;
    case 'class':
      node.decorators.forEach(visit);
      node.members.forEach(visit);
      return;
    case 'enum':
      node.decorators.forEach(visit);
      for (const m of node.members) if (m.value) visit(m.value);
      return;
  }
}

/** Sets `parent` on every node below `root`. */
export function linkParents(root: IrNode): void {
  const stack: IrNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    forEachChild(node, (child) => {
      child.parent = node;
      stack.push(child);
    });
  }
}

/** Depth-first, pre-order walk. Return `false` from `enter` to skip a node's children. */
export function walk(root: IrNode, enter: (node: IrNode) => boolean | void): void {
  const visitNode = (node: IrNode): void => {
    if (enter(node) === false) return;
    forEachChild(node, visitNode);
  };
  visitNode(root);
}
