/**
 * Pieces every lowering (tree-sitter tree → IR) shares.
 */
import type {
  ArrayNode,
  Argument,
  AssignNode,
  BinaryNode,
  BlockNode,
  BooleanNode,
  CallNode,
  CatchClause,
  ClassNode,
  ConditionalNode,
  EnumMember,
  EnumNode,
  FunctionNode,
  IfNode,
  ImportBinding,
  ImportNode,
  IndexNode,
  IrNode,
  JumpNode,
  LoopNode,
  MemberNode,
  NameNode,
  NullNode,
  NumberNode,
  ObjectNode,
  OtherNode,
  Parameter,
  Property,
  ReturnNode,
  Span,
  StringNode,
  SwitchCase,
  SwitchNode,
  ThrowNode,
  TryNode,
  UnaryNode,
  VariableNode,
} from '../ir';
import type { BodyElision, RawNode } from './treesitter';

export interface LowerOptions {
  /** Whether a function body spanning these offsets may matter; bodies for which it says no are left out. */
  keepBody?: (start: number, end: number) => boolean;
}

/** The body elision for a grammar, when the caller asked for one. */
export function elision(owners: ReadonlySet<string>, bodies: ReadonlySet<string>, options: LowerOptions): BodyElision | undefined {
  return options.keepBody ? { owners, bodies, keep: options.keepBody } : undefined;
}

/** A node's own fields: all but its kind, span and parent. */
type Fields<N extends IrNode> = Omit<N, 'kind' | 'start' | 'end' | 'parent'>;
/** `Fields`, with those in `K` optional: the builder supplies their usual value. */
type FieldsWithDefaults<N extends IrNode, K extends keyof Fields<N>> = Omit<Fields<N>, K> & Partial<Pick<Fields<N>, K>>;

/**
 * Base for a language's lowering: holds the source text, the generic fallbacks, and one builder per
 * IR shape, so that every adapter builds a given node kind the same way.
 */
export abstract class Lowering {
  constructor(protected readonly source: string) {}

  /** Lowers one node; `undefined` for nodes with no meaning to rules (punctuation, type-only declarations). */
  abstract lower(node: RawNode): IrNode | undefined;

  protected text(node: Span): string {
    return this.source.slice(node.start, node.end);
  }

  /** Lowers the named children of `node`, dropping the ones that lower to nothing. */
  protected lowerNamed(node: RawNode): IrNode[] {
    const out: IrNode[] = [];
    for (const child of node.children) {
      if (!child.named) continue;
      const lowered = this.lower(child);
      if (lowered) out.push(lowered);
    }
    return out;
  }

  /** The fallback for constructs the lowering does not model: keep the children. */
  protected other(node: RawNode, children: IrNode[] = this.lowerNamed(node)): OtherNode {
    return { kind: 'other', type: node.type, start: node.start, end: node.end, children };
  }

  /** Lowers a node that must produce something, falling back to an `other` leaf. */
  protected lowerRequired(node: RawNode): IrNode {
    return this.lower(node) ?? this.other(node, []);
  }

  protected positionalArgs(nodes: RawNode[]): Argument[] {
    const args: Argument[] = [];
    for (const n of nodes) {
      const value = this.lower(n);
      if (value) args.push(this.argument(n, value));
    }
    return args;
  }

  /** A decorator/annotation/attribute as a call with `isDecorator`. */
  protected decorator(whole: Span, callee: IrNode, args: Argument[]): CallNode {
    return this.call(whole, callee, args, false, true);
  }

  /** `@f(x)` lowered as the call `f(x)`: the call becomes the decorator and takes the decorator's span. */
  protected callAsDecorator(call: CallNode, whole: Span): CallNode {
    call.isDecorator = true;
    call.start = whole.start;
    call.end = whole.end;
    return call;
  }

  /* ---------- builders, one per IR shape ---------- */

  protected str(span: Span, value: string, interpolated = false): StringNode {
    return { kind: 'string', value, interpolated, start: span.start, end: span.end };
  }

  protected number(span: Span, value: number, raw: string): NumberNode {
    return { kind: 'number', value, raw, start: span.start, end: span.end };
  }

  protected boolean(span: Span, value: boolean): BooleanNode {
    return { kind: 'boolean', value, start: span.start, end: span.end };
  }

  protected null(span: Span): NullNode {
    return { kind: 'null', start: span.start, end: span.end };
  }

  /** A name; its text is the source under `span` unless given. */
  protected name(span: Span, name = this.text(span)): NameNode {
    return { kind: 'name', name, start: span.start, end: span.end };
  }

  protected member(span: Span, object: IrNode, property: string, propertyStart: number): MemberNode {
    return { kind: 'member', object, property, propertyStart, start: span.start, end: span.end };
  }

  protected index(span: Span, object: IrNode, index: IrNode): IndexNode {
    return { kind: 'index', object, index, start: span.start, end: span.end };
  }

  protected call(span: Span, callee: IrNode, args: Argument[], isNew = false, isDecorator = false): CallNode {
    return { kind: 'call', callee, args, isNew, isDecorator, start: span.start, end: span.end };
  }

  /** A positional argument, or a named one when `name` is given. */
  protected argument(span: Span, value: IrNode, name?: string): Argument {
    return name === undefined ? { value, start: span.start, end: span.end } : { name, value, start: span.start, end: span.end };
  }

  protected array(span: Span, elements: IrNode[]): ArrayNode {
    return { kind: 'array', elements, start: span.start, end: span.end };
  }

  protected object(span: Span, properties: Property[]): ObjectNode {
    return { kind: 'object', properties, start: span.start, end: span.end };
  }

  protected property(key: string, keySpan: Span, value: IrNode, whole: Span): Property {
    return { key, keyStart: keySpan.start, keyEnd: keySpan.end, value, start: whole.start, end: whole.end };
  }

  protected unary(span: Span, operator: string, operand: IrNode): UnaryNode {
    return { kind: 'unary', operator, operand, start: span.start, end: span.end };
  }

  protected binary(span: Span, operator: string, left: IrNode, right: IrNode): BinaryNode {
    return { kind: 'binary', operator, left, right, start: span.start, end: span.end };
  }

  protected conditional(span: Span, test: IrNode, consequent: IrNode, alternate: IrNode): ConditionalNode {
    return { kind: 'conditional', test, consequent, alternate, start: span.start, end: span.end };
  }

  protected assign(span: Span, target: IrNode, operator: string, value: IrNode): AssignNode {
    return { kind: 'assign', target, operator, value, start: span.start, end: span.end };
  }

  protected block(span: Span, body: IrNode[]): BlockNode {
    return { kind: 'block', body, start: span.start, end: span.end };
  }

  protected if(span: Span, test: IrNode, consequent: IrNode, alternate: IrNode | undefined): IfNode {
    return { kind: 'if', test, consequent, alternate, start: span.start, end: span.end };
  }

  protected return(span: Span, value: IrNode | undefined): ReturnNode {
    return { kind: 'return', value, start: span.start, end: span.end };
  }

  protected throw(span: Span, value: IrNode | undefined): ThrowNode {
    return { kind: 'throw', value, start: span.start, end: span.end };
  }

  protected jump(kind: JumpNode['kind'], span: Span): JumpNode {
    return { kind, start: span.start, end: span.end };
  }

  protected loop(span: Span, f: Fields<LoopNode>): LoopNode {
    return {
      kind: 'loop',
      variable: f.variable,
      iterable: f.iterable,
      test: f.test,
      body: f.body,
      comprehension: f.comprehension,
      start: span.start,
      end: span.end,
    };
  }

  protected try(span: Span, body: IrNode, handlers: CatchClause[], finalizer: IrNode | undefined): TryNode {
    return { kind: 'try', body, handlers, finalizer, start: span.start, end: span.end };
  }

  protected catchClause(span: Span, param: string | undefined, types: string[], body: IrNode): CatchClause {
    return { param, types, body, start: span.start, end: span.end };
  }

  protected switch(span: Span, discriminant: IrNode, cases: SwitchCase[]): SwitchNode {
    return { kind: 'switch', discriminant, cases, start: span.start, end: span.end };
  }

  protected switchCase(span: Span, tests: IrNode[], body: IrNode[]): SwitchCase {
    return { tests, body, start: span.start, end: span.end };
  }

  protected variable(span: Span, f: FieldsWithDefaults<VariableNode, 'decorators'>): VariableNode {
    return {
      kind: 'variable',
      name: f.name,
      nameStart: f.nameStart,
      type: f.type,
      value: f.value,
      isConstant: f.isConstant,
      isField: f.isField,
      decorators: f.decorators ?? [],
      start: span.start,
      end: span.end,
    };
  }

  protected function(span: Span, f: FieldsWithDefaults<FunctionNode, 'decorators' | 'isAsync' | 'isMethod' | 'isLambda'>): FunctionNode {
    return {
      kind: 'function',
      name: f.name,
      params: f.params,
      body: f.body,
      decorators: f.decorators ?? [],
      returnType: f.returnType,
      isAsync: f.isAsync ?? false,
      isMethod: f.isMethod ?? false,
      isLambda: f.isLambda ?? false,
      bodyStart: f.bodyStart,
      start: span.start,
      end: span.end,
    };
  }

  protected parameter(span: Span, name: string, type?: string, decorators: CallNode[] = [], defaultValue?: IrNode): Parameter {
    return { name, type, decorators, defaultValue, start: span.start, end: span.end };
  }

  protected class(span: Span, f: FieldsWithDefaults<ClassNode, 'decorators' | 'isInterface'>): ClassNode {
    return {
      kind: 'class',
      name: f.name,
      bases: f.bases,
      decorators: f.decorators ?? [],
      members: f.members,
      isInterface: f.isInterface ?? false,
      start: span.start,
      end: span.end,
    };
  }

  protected enum(span: Span, name: string, members: EnumMember[], decorators: CallNode[] = []): EnumNode {
    return { kind: 'enum', name, members, decorators, start: span.start, end: span.end };
  }

  protected enumMember(span: Span, name: string, value: IrNode | undefined): EnumMember {
    return { name, value, start: span.start, end: span.end };
  }

  protected import(span: Span, source: string, names: ImportBinding[]): ImportNode {
    return { kind: 'import', source, names, start: span.start, end: span.end };
  }
}

/** Parses a numeric literal as written in JS, Java, C# or Python (separators, suffixes, radix prefixes). */
export function parseNumber(raw: string): number {
  const digits = raw.replace(/_/g, '');
  if (/^0[xX]/.test(digits)) return parseInt(digits.slice(2).replace(/[lLuUn]+$/, ''), 16);
  const cleaned = digits.replace(/[lLfFdDmMuUnjJ]+$/, '');
  if (/^0[bB]/.test(cleaned)) return parseInt(cleaned.slice(2), 2);
  if (/^0[oO]/.test(cleaned)) return parseInt(cleaned.slice(2), 8);
  const value = Number(cleaned);
  return Number.isNaN(value) ? parseFloat(cleaned) : value;
}
