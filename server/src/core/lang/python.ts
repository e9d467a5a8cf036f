/**
 * Lowering for Python (tree-sitter-python).
 *
 * Normalizations worth knowing when writing a rule:
 * - `decorated_definition` becomes the function/class with its decorators (`call`, `isDecorator`);
 *   its `start` is the first decorator's.
 * - `NAME = value` (any level) is a `variable` (`isConstant` for UPPER_CASE names, `isField` in a
 *   class body, `type` from `NAME: T = ...`); `a = b = 1` gives `a` the value `name b`. Attribute,
 *   subscript and tuple targets, augmented assignments and `:=` are `assign`.
 * - Keyword arguments are named `args`; `*x` / `**x` arguments are `other` nodes around the value.
 *   Python has no `new`: constructor calls are plain calls (`isNew: false`).
 * - list/tuple/set/bare tuples (`return body, 403`) are `array`; dict is `object`.
 * - Comprehensions are `loop`s with `comprehension: true`; a second `for` clause is a nested loop in
 *   `body`; several `if` clauses of one `for` are joined with `and` in `test`.
 * - `class X(Enum)` (Enum, StrEnum, IntEnum, Flag, IntFlag, ReprEnum; `enum.` prefix allowed) is an
 *   `enum`; methods and other statements of such a class are kept in an `other` wrapper around it.
 * - `for`/`while`/`try` with an `else:` clause: an `other` wrapper holding the loop/try and the else block.
 */
import type {
  Argument,
  CallNode,
  CatchClause,
  EnumMember,
  FunctionNode,
  ImportBinding,
  ImportNode,
  IrNode,
  LoopNode,
  LoweredCode,
  Parameter,
  Property,
  SwitchCase,
} from '../ir';
import { linkParents } from '../ir';
import { decodeBraces, decodeEscapes, PYTHON_BYTES_ESCAPES, PYTHON_ESCAPES } from './escapes';
import { Lowering, parseNumber, elision, LowerOptions } from './lowering';
import { parseRaw, RawNode } from './treesitter';

const LEAF_TYPES: ReadonlySet<string> = new Set([
  'string_content',
  'string_start',
  'string_end',
  'type',
  'type_parameter',
  'type_conversion',
  'relative_import',
  'import_prefix',
]);
/**
 * `line_continuation` (a backslash before a newline) can sit between any two children, like a
 * comment; it is taken out of the tree the same way and dropped from the comment list afterwards.
 */
const COMMENT_TYPES: ReadonlySet<string> = new Set(['comment', 'line_continuation']);

const ENUM_BASES: ReadonlySet<string> = new Set(['Enum', 'StrEnum', 'IntEnum', 'Flag', 'IntFlag', 'ReprEnum']);

const BODY_OWNERS: ReadonlySet<string> = new Set(['function_definition']);
const BODY_TYPES: ReadonlySet<string> = new Set(['block']);

export async function lowerPython(text: string, options: LowerOptions = {}): Promise<LoweredCode> {
  const raw = await parseRaw('python', text, { leafTypes: LEAF_TYPES, commentTypes: COMMENT_TYPES, elide: elision(BODY_OWNERS, BODY_TYPES, options) });
  const lowering = new PythonLowering(text);
  const root = lowering.lowerProgram(raw.root);
  linkParents(root);
  let comments = raw.comments;
  for (const c of comments) {
    if (c.text.charCodeAt(0) === 92 /* \ */) {
      comments = comments.filter((k) => k.text.charCodeAt(0) !== 92);
      break;
    }
  }
  return { language: 'python', root, comments, syntaxErrors: raw.errors };
}

/** Named children (one pass). */
function kids(node: RawNode): RawNode[] {
  const out: RawNode[] = [];
  for (const c of node.children) if (c.named) out.push(c);
  return out;
}

function firstNamed(node: RawNode): RawNode | undefined {
  for (const c of node.children) if (c.named) return c;
  return undefined;
}

/** UPPER_CASE (at least one upper-case letter, no lower-case one): a Python constant by convention. */
function isUpperCase(name: string): boolean {
  let upper = false;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch >= 97 && ch <= 122) return false;
    if (ch >= 65 && ch <= 90) upper = true;
  }
  return upper;
}

/** Decodes the body of a Python string literal: `{{`/`}}` in f-strings, then backslash escapes unless `raw`. */
export function decodePythonString(body: string, raw: boolean, bytes: boolean, fmt: boolean): string {
  const text = fmt ? decodeBraces(body) : body;
  return raw ? text : decodeEscapes(text, bytes ? PYTHON_BYTES_ESCAPES : PYTHON_ESCAPES);
}

interface DecodedString {
  value: string;
  interpolated: boolean;
}

class PythonLowering extends Lowering {
  lowerProgram(node: RawNode) {
    return this.block(node, this.lowerStatements(node.children));
  }

  /** Lowers a statement list; a decorator left loose by error recovery goes to what follows it. */
  private lowerStatements(children: RawNode[], inClass = false): IrNode[] {
    const out: IrNode[] = [];
    let pending: CallNode[] = [];
    for (const child of children) {
      if (!child.named) continue;
      if (child.type === 'decorator') {
        pending.push(this.lowerDecorator(child));
        continue;
      }
      const lowered = inClass ? this.lowerClassMember(child) : this.lower(child);
      if (!lowered) continue;
      if (pending.length > 0 && !attachDecorators(lowered, pending, pending[0].start)) out.push(...pending);
      pending = [];
      out.push(lowered);
    }
    out.push(...pending);
    return out;
  }

  lower(node: RawNode): IrNode | undefined {
    switch (node.type) {
      case 'module':
      case 'block':
        return this.block(node, this.lowerStatements(node.children));
      case 'expression_statement': {
        const parts = kids(node);
        if (parts.length === 1) return this.lower(parts[0]);
        return this.array(node, this.lowerList(parts));
      }
      case 'parenthesized_expression':
      case 'as_pattern_target':
      case 'case_pattern': {
        const inner = firstNamed(node);
        return inner ? this.lower(inner) : undefined;
      }
      case 'decorated_definition':
        return this.lowerDecorated(node, false);
      case 'function_definition':
        return this.lowerFunction(node, false);
      case 'lambda':
        return this.lowerFunction(node, false);
      case 'class_definition':
        return this.lowerClass(node);
      case 'assignment':
        return this.lowerAssignment(node, false);
      case 'augmented_assignment':
      case 'named_expression':
        return this.lowerAssign(node);
      case 'import_statement':
        return this.lowerImport(node);
      case 'import_from_statement':
      case 'future_import_statement':
        return this.lowerFromImport(node);
      case 'if_statement':
        return this.lowerIf(node);
      case 'for_statement':
      case 'while_statement':
        return this.lowerLoop(node);
      case 'try_statement':
        return this.lowerTry(node);
      case 'with_statement':
        return this.lowerWith(node);
      case 'match_statement':
        return this.lowerMatch(node);
      case 'return_statement': {
        const value = this.lowerTuple(kids(node));
        return this.return(node, value);
      }
      case 'raise_statement':
        return this.lowerRaise(node);
      case 'break_statement':
        return this.jump('break', node);
      case 'continue_statement':
        return this.jump('continue', node);
      case 'pass_statement':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'type_alias_statement':
      case 'type':
      case 'type_parameter':
      case 'positional_separator':
      case 'keyword_separator':
        return undefined;
      case 'call':
        return this.lowerCall(node);
      case 'decorator':
        return this.lowerDecorator(node);
      case 'attribute': {
        const parts = kids(node);
        const property = parts[parts.length - 1];
        return this.member(node, this.lowerRequired(parts[0]), this.text(property), property.start);
      }
      case 'subscript': {
        const parts = kids(node);
        const index =
          parts.length === 2
            ? this.lowerRequired(parts[1])
            : this.array({ start: parts[1]?.start ?? node.end, end: parts[parts.length - 1]?.end ?? node.end }, this.lowerList(parts.slice(1)));
        return this.index(node, this.lowerRequired(parts[0]), index);
      }
      case 'dotted_name':
        return this.lowerDotted(node);
      case 'identifier':
        return this.name(node);
      case 'none':
        return this.null(node);
      case 'true':
      case 'false':
        return this.boolean(node, node.type === 'true');
      case 'integer':
      case 'float': {
        const raw = this.text(node);
        return this.number(node, parseNumber(raw), raw);
      }
      case 'string':
      case 'concatenated_string':
        return this.lowerString(node);
      case 'list':
      case 'tuple':
      case 'set':
      case 'expression_list':
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
        return this.array(node, this.lowerList(kids(node)));
      case 'dictionary':
        return this.lowerDict(node);
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
      case 'dictionary_comprehension':
        return this.lowerComprehension(node);
      case 'comparison_operator':
        return this.lowerComparison(node);
      case 'boolean_operator':
      case 'binary_operator': {
        const parts = kids(node);
        return this.binary(node, this.operatorToken(node), this.lowerRequired(parts[0]), this.lowerRequired(parts[parts.length - 1]));
      }
      case 'not_operator':
      case 'unary_operator':
      case 'await': {
        const operand = firstNamed(node);
        const operator = node.type === 'not_operator' ? 'not' : node.type === 'await' ? 'await' : this.operatorToken(node);
        return this.unary(node, operator, operand ? this.lowerRequired(operand) : this.other(node, []));
      }
      case 'conditional_expression': {
        // `consequent if test else alternate`
        const [consequent, test, alternate] = kids(node);
        return this.conditional(
          node,
          this.lowerRequired(test ?? node),
          this.lowerRequired(consequent ?? node),
          alternate ? this.lowerRequired(alternate) : this.other(node, []),
        );
      }
      default:
        return this.other(node);
    }
  }

  /* ---------- declarations ---------- */

  private lowerClassMember(node: RawNode): IrNode | undefined {
    switch (node.type) {
      case 'expression_statement': {
        const parts = kids(node);
        if (parts.length === 1 && parts[0].type === 'assignment') return this.lowerAssignment(parts[0], true);
        return this.lower(node);
      }
      case 'function_definition':
        return this.lowerFunction(node, true);
      case 'decorated_definition':
        return this.lowerDecorated(node, true);
      default:
        return this.lower(node);
    }
  }

  private lowerDecorated(node: RawNode, inClass: boolean): IrNode | undefined {
    const decorators: CallNode[] = [];
    let definition: RawNode | undefined;
    for (const c of node.children) {
      if (c.type === 'decorator') decorators.push(this.lowerDecorator(c));
      else if (c.named) definition = c;
    }
    const lowered = definition
      ? definition.type === 'function_definition'
        ? this.lowerFunction(definition, inClass)
        : this.lower(definition)
      : undefined;
    if (!lowered) return decorators.length > 0 ? this.other(node, decorators) : undefined;
    if (attachDecorators(lowered, decorators, node.start)) return lowered;
    return this.other(node, [...decorators, lowered]);
  }

  private lowerDecorator(node: RawNode): CallNode {
    const inner = firstNamed(node);
    if (inner?.type === 'call') return this.callAsDecorator(this.lowerCall(inner), node);
    return this.decorator(node, inner ? this.lowerRequired(inner) : this.other(node, []), []);
  }

  private lowerFunction(node: RawNode, isMethod: boolean): FunctionNode {
    const isLambda = node.type === 'lambda';
    let nameNode: RawNode | undefined;
    let paramsNode: RawNode | undefined;
    let returnType: RawNode | undefined;
    let bodyNode: RawNode | undefined;
    let isAsync = false;
    let afterArrow = false;
    let afterColon = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === 'async') isAsync = true;
        else if (c.type === '->') afterArrow = true;
        else if (c.type === ':') afterColon = true;
        continue;
      }
      if (afterColon) bodyNode ??= c;
      else if (afterArrow) returnType ??= c;
      else if (c.type === 'identifier') nameNode ??= c;
      else if (c.type === 'parameters' || c.type === 'lambda_parameters') paramsNode = c;
    }
    const params: Parameter[] = [];
    if (paramsNode) {
      for (const p of paramsNode.children) {
        if (!p.named || p.type === 'positional_separator' || p.type === 'keyword_separator') continue;
        params.push(this.lowerParameter(p));
      }
    }
    return this.function(node, {
      name: nameNode && !isLambda ? this.text(nameNode) : undefined,
      params,
      body: bodyNode ? this.lower(bodyNode) : undefined,
      returnType: returnType ? this.text(returnType) : undefined,
      isAsync,
      isMethod,
      isLambda,
      bodyStart: bodyNode ? bodyNode.start : node.end,
    });
  }

  private lowerParameter(node: RawNode): Parameter {
    if (
      node.type === 'identifier' ||
      node.children.length === 0 ||
      node.type === 'list_splat_pattern' ||
      node.type === 'dictionary_splat_pattern' ||
      node.type === 'tuple_pattern'
    ) {
      return this.parameter(node, this.text(node));
    }
    // typed_parameter, default_parameter, typed_default_parameter
    let name: string | undefined;
    let type: string | undefined;
    let defaultValue: IrNode | undefined;
    let afterEq = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === '=') afterEq = true;
        continue;
      }
      if (afterEq) defaultValue ??= this.lower(c);
      else if (c.type === 'type') type = this.text(c);
      else name ??= this.text(c);
    }
    return this.parameter(node, name ?? this.text(node), type, [], defaultValue);
  }

  private lowerClass(node: RawNode): IrNode {
    let nameNode: RawNode | undefined;
    let body: RawNode | undefined;
    const bases: string[] = [];
    let isEnum = false;
    for (const c of node.children) {
      if (c.type === 'identifier') nameNode ??= c;
      else if (c.type === 'block') body = c;
      else if (c.type === 'argument_list') {
        for (const b of c.children) {
          if (!b.named || b.type === 'keyword_argument' || b.type === 'dictionary_splat' || b.type === 'list_splat') continue;
          const text = this.text(b);
          bases.push(text);
          if (ENUM_BASES.has(text.startsWith('enum.') ? text.slice(5) : text)) isEnum = true;
        }
      }
    }
    const name = nameNode ? this.text(nameNode) : '';
    if (isEnum) return this.lowerEnum(node, name, body);
    return this.class(node, { name, bases, members: body ? this.lowerStatements(body.children, true) : [] });
  }

  /** An Enum class: members are the class-body assignments; anything else is kept beside it. */
  private lowerEnum(node: RawNode, name: string, body: RawNode | undefined): IrNode {
    const members: EnumMember[] = [];
    const rest: IrNode[] = [];
    for (const stmt of body ? body.children : []) {
      if (!stmt.named || stmt.type === 'pass_statement') continue;
      const expr = stmt.type === 'expression_statement' ? firstNamed(stmt) : undefined;
      if (expr?.type === 'assignment') {
        const target = firstNamed(expr);
        if (target?.type === 'identifier') {
          const { value } = this.assignmentParts(expr);
          if (value) members.push(this.enumMember(stmt, this.text(target), this.lower(value)));
          continue;
        }
      }
      // a docstring says nothing; methods and the like are kept beside the enum
      if (expr && (expr.type === 'string' || expr.type === 'concatenated_string') && rest.length === 0 && members.length === 0) continue;
      const lowered = this.lowerClassMember(stmt);
      if (lowered) rest.push(lowered);
    }
    const en = this.enum(node, name, members);
    if (rest.length === 0) return en;
    return this.other(node, [en, ...rest]);
  }

  private assignmentParts(node: RawNode): { target?: RawNode; type?: RawNode; value?: RawNode } {
    let target: RawNode | undefined;
    let type: RawNode | undefined;
    let value: RawNode | undefined;
    let state = 0; // 0 target, 1 after ':', 2 after '='
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === ':') state = 1;
        else if (c.type === '=') state = 2;
        continue;
      }
      if (state === 0) target ??= c;
      else if (state === 1) type ??= c;
      else value ??= c;
    }
    return { target, type, value };
  }

  /** `x = v`, `x: T = v`, `x: T` → variable; other targets → assign; `a = b = v` → one binding per target. */
  private lowerAssignment(node: RawNode, isField: boolean): IrNode {
    const { target, type, value } = this.assignmentParts(node);
    if (value?.type === 'assignment') {
      // chained: a = b = ... = v; each target but the last is bound to the next target
      const bindings: IrNode[] = [];
      let current: RawNode = node;
      for (;;) {
        const parts = this.assignmentParts(current);
        if (!parts.target) break;
        const next = parts.value;
        if (next?.type === 'assignment') {
          const nextTarget = firstNamed(next);
          bindings.push(this.binding(current, parts.target, parts.type, nextTarget, isField, '='));
          current = next;
        } else {
          bindings.push(this.binding(current, parts.target, parts.type, next, isField, '='));
          break;
        }
      }
      return this.other(node, bindings);
    }
    if (!target) return this.other(node);
    return this.binding(node, target, type, value, isField, '=');
  }

  private binding(node: RawNode, target: RawNode, type: RawNode | undefined, value: RawNode | undefined, isField: boolean, operator: string): IrNode {
    if (target.type === 'identifier') {
      const name = this.text(target);
      return this.variable(node, {
        name,
        nameStart: target.start,
        type: type ? this.text(type) : undefined,
        value: value ? this.lower(value) : undefined,
        isConstant: isUpperCase(name),
        isField,
      });
    }
    const lowered = value ? this.lower(value) : undefined;
    if (!lowered) return this.other(node, [this.lowerRequired(target)]);
    return this.assign(node, this.lowerRequired(target), operator, lowered);
  }

  private lowerAssign(node: RawNode): IrNode {
    const parts = kids(node);
    let operator = '=';
    for (const c of node.children) {
      if (!c.named) {
        operator = c.type;
        break;
      }
    }
    return this.assign(node, this.lowerRequired(parts[0]), operator, this.lowerRequired(parts[parts.length - 1]));
  }

  /* ---------- imports ---------- */

  /** `import a.b as c, d` → one import per module (an `other` wrapper when there are several). */
  private lowerImport(node: RawNode): IrNode | undefined {
    const imports: ImportNode[] = [];
    for (const c of node.children) {
      if (c.type === 'dotted_name') {
        const source = this.text(c);
        imports.push(this.import(c, source, [{ imported: '*', local: source }]));
      } else if (c.type === 'aliased_import') {
        const [module, alias] = kids(c);
        if (!module) continue;
        const source = this.text(module);
        imports.push(this.import(c, source, [{ imported: '*', local: alias ? this.text(alias) : source }]));
      }
    }
    if (imports.length === 0) return undefined;
    if (imports.length === 1) {
      imports[0].start = node.start;
      imports[0].end = node.end;
      return imports[0];
    }
    return this.other(node, imports);
  }

  /** `from m import a, b as c` / `from . import x` / `from m import *` / `from __future__ import x`. */
  private lowerFromImport(node: RawNode): IrNode {
    let source = node.type === 'future_import_statement' ? '__future__' : '';
    let seenImport = false;
    const names: ImportBinding[] = [];
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === 'import') seenImport = true;
        continue;
      }
      if (!seenImport) {
        source = this.text(c);
        continue;
      }
      if (c.type === 'dotted_name') {
        const name = this.lastSegment(c);
        names.push({ imported: name, local: name });
      } else if (c.type === 'aliased_import') {
        const [imported, alias] = kids(c);
        if (imported) names.push({ imported: this.lastSegment(imported), local: alias ? this.text(alias) : this.lastSegment(imported) });
      } else if (c.type === 'wildcard_import') names.push({ imported: '*', local: '*' });
    }
    return this.import(node, source, names);
  }

  private lastSegment(node: RawNode): string {
    const parts = kids(node);
    return this.text(parts.length > 0 ? parts[parts.length - 1] : node);
  }

  /* ---------- statements ---------- */

  private lowerIf(node: RawNode): IrNode {
    // if_statement: condition, block, elif_clause*, else_clause?
    const parts = kids(node);
    let alternate: IrNode | undefined;
    for (let i = parts.length - 1; i >= 2; i--) {
      const clause = parts[i];
      if (clause.type === 'else_clause') {
        const body = firstNamed(clause);
        alternate = body ? this.lower(body) : undefined;
      } else if (clause.type === 'elif_clause') {
        const [cond, body] = kids(clause);
        alternate = this.if(
          { start: clause.start, end: alternate ? alternate.end : clause.end },
          this.lowerRequired(cond ?? clause),
          body ? this.lowerRequired(body) : this.other(clause, []),
          alternate,
        );
      }
    }
    return this.if(node, this.lowerRequired(parts[0] ?? node), parts[1] ? this.lowerRequired(parts[1]) : this.other(node, []), alternate);
  }

  private lowerLoop(node: RawNode): IrNode {
    let elseClause: RawNode | undefined;
    let loop: LoopNode;
    if (node.type === 'for_statement') {
      let left: RawNode | undefined;
      const right: RawNode[] = [];
      let body: RawNode | undefined;
      let state = 0; // 0 target, 1 after 'in', 2 after ':'
      for (const c of node.children) {
        if (!c.named) {
          if (c.type === 'in' && state === 0) state = 1;
          else if (c.type === ':') state = 2;
          continue;
        }
        if (c.type === 'else_clause') elseClause = c;
        else if (state === 0) left ??= c;
        else if (state === 1) right.push(c);
        else body ??= c;
      }
      loop = this.loop(node, {
        variable: left ? this.text(left) : undefined,
        iterable: this.lowerTuple(right),
        body: body ? this.lowerRequired(body) : this.other(node, []),
      });
    } else {
      const parts = kids(node);
      if (parts[parts.length - 1]?.type === 'else_clause') elseClause = parts[parts.length - 1];
      loop = this.loop(node, {
        test: parts[0] ? this.lower(parts[0]) : undefined,
        body: parts[1] && parts[1] !== elseClause ? this.lowerRequired(parts[1]) : this.other(node, []),
      });
    }
    return this.withElse(node, loop, elseClause);
  }

  /** `for/while/try ... else:`: the IR has no place for the else block; keep it beside the construct. */
  private withElse(node: RawNode, construct: IrNode, elseClause: RawNode | undefined): IrNode {
    if (!elseClause) return construct;
    const body = firstNamed(elseClause);
    const lowered = body ? this.lower(body) : undefined;
    if (!lowered) return construct;
    construct.end = elseClause.start;
    return this.other(node, [construct, lowered]);
  }

  private lowerTry(node: RawNode): IrNode {
    let body: IrNode | undefined;
    let finalizer: IrNode | undefined;
    let elseClause: RawNode | undefined;
    const handlers: CatchClause[] = [];
    for (const c of node.children) {
      if (!c.named) continue;
      switch (c.type) {
        case 'block':
          body ??= this.lower(c);
          break;
        case 'except_clause':
        case 'except_group_clause':
          handlers.push(this.lowerExcept(c));
          break;
        case 'else_clause':
          elseClause = c;
          break;
        case 'finally_clause': {
          const block = firstNamed(c);
          finalizer = block ? this.lower(block) : undefined;
          break;
        }
      }
    }
    const tryNode = this.try(node, body ?? this.other(node, []), handlers, finalizer);
    if (elseClause && finalizer) {
      // keep the else block, but the finally block stays inside the try's span
      const elseBody = firstNamed(elseClause);
      const loweredElse = elseBody ? this.lower(elseBody) : undefined;
      return loweredElse ? this.other(node, [tryNode, loweredElse]) : tryNode;
    }
    return this.withElse(node, tryNode, elseClause);
  }

  private lowerExcept(node: RawNode): CatchClause {
    let param: string | undefined;
    const types: string[] = [];
    let block: RawNode | undefined;
    const addTypes = (t: RawNode): void => {
      if (t.type === 'tuple' || t.type === 'parenthesized_expression' || t.type === 'expression_list') {
        for (const e of t.children) if (e.named) addTypes(e);
      } else types.push(this.text(t));
    };
    for (const c of node.children) {
      if (!c.named) continue;
      if (c.type === 'block') block = c;
      else if (c.type === 'as_pattern') {
        for (const p of c.children) {
          if (!p.named) continue;
          if (p.type === 'as_pattern_target') param = this.text(p);
          else addTypes(p);
        }
      } else if (!block) addTypes(c);
    }
    return this.catchClause(node, param, types, block ? this.lowerRequired(block) : this.other(node, []));
  }

  /** `with a as x, b:` → `other` holding the items (an `as` target lowered beside its value) and the body. */
  private lowerWith(node: RawNode): IrNode {
    const children: IrNode[] = [];
    const addItems = (n: RawNode): void => {
      for (const c of n.children) {
        if (!c.named) continue;
        if (c.type === 'with_clause' || c.type === 'with_item') addItems(c);
        else {
          const lowered = this.lower(c);
          if (lowered) children.push(lowered);
        }
      }
    };
    addItems(node);
    return this.other(node, children);
  }

  private lowerMatch(node: RawNode): IrNode {
    const subjects: RawNode[] = [];
    const cases: SwitchCase[] = [];
    for (const c of node.children) {
      if (!c.named) continue;
      if (c.type === 'block') {
        for (const clause of c.children) if (clause.type === 'case_clause') cases.push(this.lowerCase(clause));
      } else if (c.type === 'case_clause') cases.push(this.lowerCase(c));
      else subjects.push(c);
    }
    return this.switch(node, this.lowerTuple(subjects) ?? this.other(node, []), cases);
  }

  /**
   * `case p1 | p2 if guard:` → tests [p1, p2]; `case _:` → no tests (default). The IR has no guard
   * field: a guard is kept as an `other` (type `if_clause`) at the start of the case body.
   */
  private lowerCase(node: RawNode): SwitchCase {
    const tests: IrNode[] = [];
    const body: IrNode[] = [];
    let isDefault = false;
    for (const c of node.children) {
      if (!c.named) continue;
      if (c.type === 'case_pattern') {
        const inner = firstNamed(c);
        if (!inner) {
          isDefault = true; // `_`
          continue;
        }
        if (inner.type === 'union_pattern') {
          for (const alt of inner.children) {
            if (!alt.named) continue;
            const lowered = this.lower(alt);
            if (lowered) tests.push(lowered);
          }
        } else {
          const lowered = this.lower(inner);
          if (lowered) tests.push(lowered);
        }
      } else if (c.type === 'if_clause') body.push(this.other(c));
      else if (c.type === 'block') body.push(...this.lowerStatements(c.children));
    }
    return this.switchCase(node, isDefault ? [] : tests, body);
  }

  /** `raise X` → throw X; `raise X from e` keeps a non-trivial cause in an `other` wrapper. */
  private lowerRaise(node: RawNode): IrNode {
    let value: RawNode | undefined;
    let cause: RawNode | undefined;
    let afterFrom = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === 'from') afterFrom = true;
        continue;
      }
      if (afterFrom) cause ??= c;
      else value ??= c;
    }
    const thrown = this.throw(node, value ? this.lower(value) : undefined);
    if (!cause || cause.type === 'identifier' || cause.type === 'none') return thrown;
    const loweredCause = this.lower(cause);
    return loweredCause ? this.other(node, [thrown, loweredCause]) : thrown;
  }

  /* ---------- expressions ---------- */

  private lowerCall(node: RawNode): CallNode {
    let callee: RawNode | undefined;
    const args: Argument[] = [];
    for (const c of node.children) {
      if (!c.named) continue;
      if (!callee) {
        callee = c;
        continue;
      }
      if (c.type === 'argument_list') {
        for (const a of c.children) {
          if (!a.named) continue;
          if (a.type === 'keyword_argument') {
            const [nameNode, valueNode] = kids(a);
            const value = valueNode ? this.lower(valueNode) : undefined;
            if (value) args.push(this.argument(a, value, nameNode ? this.text(nameNode) : undefined));
          } else {
            const value = this.lower(a);
            if (value) args.push(this.argument(a, value));
          }
        }
      } else if (c.type === 'generator_expression') {
        args.push(this.argument(c, this.lowerComprehension(c)));
      }
    }
    return this.call(node, callee ? this.lowerRequired(callee) : this.other(node, []), args);
  }

  private lowerDotted(node: RawNode): IrNode {
    let result: IrNode | undefined;
    for (const c of node.children) {
      if (!c.named) continue;
      result = result ? this.member({ start: node.start, end: c.end }, result, this.text(c), c.start) : this.name(c);
    }
    return result ?? this.other(node, []);
  }

  private lowerList(nodes: RawNode[]): IrNode[] {
    const out: IrNode[] = [];
    for (const n of nodes) {
      const lowered = this.lower(n);
      if (lowered) out.push(lowered);
    }
    return out;
  }

  /** One expression, or an `array` for a bare tuple (`return body, 403`, `for x in a, b`). */
  private lowerTuple(parts: RawNode[]): IrNode | undefined {
    if (parts.length === 0) return undefined;
    if (parts.length === 1) return this.lower(parts[0]);
    return this.array({ start: parts[0].start, end: parts[parts.length - 1].end }, this.lowerList(parts));
  }

  private operatorToken(node: RawNode): string {
    for (const c of node.children) if (!c.named) return c.type;
    return '';
  }

  /** `a < b <= c` → `(a < b) and (b <= c)`; `not in` / `is not` keep their two words. */
  private lowerComparison(node: RawNode): IrNode {
    const operands: RawNode[] = [];
    const operators: string[] = [];
    for (const c of node.children) {
      if (c.named) operands.push(c);
      else operators.push(c.type);
    }
    if (operands.length < 2 || operators.length === 0) return this.other(node);
    let result: IrNode | undefined;
    for (let i = 0; i < operators.length && i + 1 < operands.length; i++) {
      const left = operands[i];
      const right = operands[i + 1];
      const single = operators.length === 1;
      const cmp = this.binary(single ? node : { start: left.start, end: right.end }, operators[i], this.lowerRequired(left), this.lowerRequired(right));
      result = result ? this.binary({ start: node.start, end: cmp.end }, 'and', result, cmp) : cmp;
    }
    return result!;
  }

  private lowerDict(node: RawNode): IrNode {
    const properties: Property[] = [];
    for (const p of node.children) {
      if (!p.named) continue;
      if (p.type === 'pair') {
        const [key, value] = kids(p);
        if (!key || !value) continue;
        properties.push(this.property(this.keyText(key), key, this.lowerRequired(value), p));
      } else if (p.type === 'dictionary_splat') {
        properties.push(this.property('**', p, this.other(p), p));
      }
    }
    return this.object(node, properties);
  }

  private keyText(node: RawNode): string {
    if (node.type === 'string' || node.type === 'concatenated_string') {
      const decoded = this.decodeString(node, undefined);
      if (!decoded.interpolated) return decoded.value;
    }
    return this.text(node);
  }

  /**
   * `[body for v in it if t1 if t2 for w in v ...]` → loop(v, it, test: t1 and t2, body: loop(w, v, body)).
   * A dict comprehension's `k: v` body is an `other` (type `pair`) holding key and value.
   */
  private lowerComprehension(node: RawNode): IrNode {
    let bodyNode: RawNode | undefined;
    const clauses: { clause: RawNode; ifs: RawNode[] }[] = [];
    for (const c of node.children) {
      if (!c.named) continue;
      if (c.type === 'for_in_clause') clauses.push({ clause: c, ifs: [] });
      else if (c.type === 'if_clause') clauses[clauses.length - 1]?.ifs.push(c);
      else bodyNode ??= c;
    }
    if (clauses.length === 0) return this.other(node);
    let inner: IrNode = bodyNode ? this.lowerRequired(bodyNode) : this.other(node, []);
    const lastEnd = node.children.length > 0 && !node.children[node.children.length - 1].named ? node.children[node.children.length - 1].start : node.end;
    for (let i = clauses.length - 1; i >= 0; i--) {
      const { clause, ifs } = clauses[i];
      let left: RawNode | undefined;
      const right: RawNode[] = [];
      let afterIn = false;
      for (const c of clause.children) {
        if (!c.named) {
          if (c.type === 'in') afterIn = true;
          continue;
        }
        if (afterIn) right.push(c);
        else left ??= c;
      }
      let test: IrNode | undefined;
      for (const f of ifs) {
        const cond = firstNamed(f);
        if (!cond) continue;
        const lowered = this.lowerRequired(cond);
        test = test ? this.binary({ start: test.start, end: lowered.end }, 'and', test, lowered) : lowered;
      }
      inner = this.loop(i === 0 ? node : { start: clause.start, end: lastEnd }, {
        variable: left ? this.text(left) : undefined,
        iterable: this.lowerTuple(right),
        test,
        body: inner,
        comprehension: true,
      });
    }
    return inner;
  }

  /* ---------- strings ---------- */

  private lowerString(node: RawNode): IrNode {
    const holes: IrNode[] = [];
    const { value, interpolated } = this.decodeString(node, holes);
    const str = this.str(node, value, interpolated);
    return holes.length === 0 ? str : this.other(node, [str, ...holes]);
  }

  /** Decodes a `string` or `concatenated_string`; lowers f-string holes into `holes` when given. */
  private decodeString(node: RawNode, holes: IrNode[] | undefined): DecodedString {
    if (node.type === 'concatenated_string') {
      let value = '';
      let interpolated = false;
      for (const part of node.children) {
        if (part.type !== 'string') continue;
        const d = this.decodeString(part, holes);
        value += d.value;
        interpolated ||= d.interpolated;
      }
      return { value, interpolated };
    }
    const children = node.children;
    const startTok = children[0];
    const endTok = children[children.length - 1];
    if (!startTok || startTok.type !== 'string_start') return { value: this.text(node), interpolated: false };
    let raw = false;
    let bytes = false;
    let fmt = false;
    for (let i = startTok.start; i < startTok.end; i++) {
      const ch = this.source.charCodeAt(i) | 32; // lower-case
      if (ch === 114 /* r */) raw = true;
      else if (ch === 98 /* b */) bytes = true;
      else if (ch === 102 /* f */ || ch === 116 /* t */) fmt = true;
    }
    const contentEnd = endTok && endTok !== startTok && endTok.type === 'string_end' ? endTok.start : node.end;
    let value = '';
    let interpolated = false;
    let cursor = startTok.end;
    for (const part of children) {
      if (part.type !== 'interpolation') continue;
      value += decodePythonString(this.source.slice(cursor, part.start), raw, bytes, fmt);
      value += '…';
      interpolated = true;
      cursor = part.end;
      if (holes) this.lowerHoles(part, holes);
    }
    value += decodePythonString(this.source.slice(cursor, contentEnd), raw, bytes, fmt);
    return { value, interpolated };
  }

  /** The expressions of an f-string hole, and of holes nested in its format spec (`{x:>{w}}`). */
  private lowerHoles(interpolation: RawNode, holes: IrNode[]): void {
    for (const c of interpolation.children) {
      if (!c.named || c.type === 'type_conversion') continue;
      if (c.type === 'format_specifier') {
        for (const f of c.children) if (f.type === 'format_expression') this.lowerHoles(f, holes);
        continue;
      }
      const lowered = this.lower(c);
      if (lowered) holes.push(lowered);
    }
  }
}

/** Attaches decorators to a function/class/enum; `false` when `node` cannot hold them. */
function attachDecorators(node: IrNode, decorators: CallNode[], start: number): boolean {
  if (decorators.length === 0) return true;
  let target: IrNode = node;
  // an Enum class with methods is an `other` wrapper around the enum
  if (node.kind === 'other' && node.type === 'class_definition' && node.children[0]?.kind === 'enum') target = node.children[0];
  if (target.kind === 'function' || target.kind === 'class' || target.kind === 'variable' || target.kind === 'enum') {
    target.decorators = [...decorators, ...target.decorators];
    target.start = Math.min(target.start, start);
    node.start = Math.min(node.start, start);
    return true;
  }
  return false;
}
