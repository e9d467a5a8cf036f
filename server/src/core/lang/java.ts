/**
 * Lowering for Java.
 *
 * Normalizations (see the final report of the branch and `test/lang/java.test.ts`):
 * - annotations → `call` with `isDecorator` (`key = value` pairs → named arguments, `{a, b}` → `array`),
 *   taken out of `modifiers` and attached to the class / method / field / parameter / enum they annotate;
 * - `method_invocation` → `call` (callee `member` when there is an object, else `name`); `field_access`,
 *   `Type::method` and `Type.class` → `member`;
 * - `new T(...)` → `call` with `isNew` (callee = the type name, type arguments dropped; a qualified name gives a
 *   `member` chain); an anonymous class body makes an `other` wrapper holding the call and an `other` class body;
 * - `new T[]{...}`, `{...}` array initializers and annotation `{...}` → `array`;
 * - fields / locals / interface constants / record components → `variable` (`isConstant` when `final`, interface
 *   constants and record components always); several declarators → an `other` wrapper;
 * - types are kept as source text, never lowered.
 */
import type {
  Argument,
  BlockNode,
  CallNode,
  CatchClause,
  ClassNode,
  EnumMember,
  FunctionNode,
  IrNode,
  LoweredCode,
  Parameter,
  SwitchCase,
  VariableNode,
} from '../ir';
import { linkParents } from '../ir';
import { decodeEscapes, JAVA_ESCAPES } from './escapes';
import { Lowering, elision, LowerOptions } from './lowering';
import { parseRaw, RawNode } from './treesitter';

/** Type syntax is kept as text, so it is copied without children. */
const LEAF_TYPES: ReadonlySet<string> = new Set([
  'generic_type',
  'array_type',
  'scoped_type_identifier',
  'integral_type',
  'floating_point_type',
  'boolean_type',
  'void_type',
  'type_arguments',
  'type_parameters',
  'annotated_type',
  'dimensions',
  'throws',
  'permits',
  'wildcard',
  'character_literal',
]);
const COMMENT_TYPES: ReadonlySet<string> = new Set(['line_comment', 'block_comment']);

/** Node types that are type syntax: never lowered as expressions. */
const TYPE_TYPES: ReadonlySet<string> = new Set([
  'type_identifier',
  'generic_type',
  'array_type',
  'scoped_type_identifier',
  'integral_type',
  'floating_point_type',
  'boolean_type',
  'void_type',
  'type_arguments',
  'type_parameters',
  'type_parameter',
  'type_bound',
  'annotated_type',
  'dimensions',
  'throws',
  'permits',
  'wildcard',
  'superclass',
  'super_interfaces',
  'extends_interfaces',
  'type_list',
]);

const BODY_OWNERS: ReadonlySet<string> = new Set(['method_declaration', 'constructor_declaration', 'lambda_expression', 'compact_constructor_declaration']);
const BODY_TYPES: ReadonlySet<string> = new Set(['block', 'constructor_body']);

export async function lowerJava(text: string, options: LowerOptions = {}): Promise<LoweredCode> {
  const raw = await parseRaw('java', text, { leafTypes: LEAF_TYPES, commentTypes: COMMENT_TYPES, elide: elision(BODY_OWNERS, BODY_TYPES, options) });
  const lowering = new JavaLowering(text);
  const root = lowering.lowerProgram(raw.root);
  linkParents(root);
  return { language: 'java', root, comments: raw.comments, syntaxErrors: raw.errors };
}

interface Modifiers {
  decorators: CallNode[];
  isFinal: boolean;
}

function firstNamed(node: RawNode): RawNode | undefined {
  for (const c of node.children) if (c.named) return c;
  return undefined;
}

function lastNamed(node: RawNode): RawNode | undefined {
  const children = node.children;
  for (let i = children.length - 1; i >= 0; i--) if (children[i].named) return children[i];
  return undefined;
}

function childOf(node: RawNode, type: string): RawNode | undefined {
  for (const c of node.children) if (c.type === type) return c;
  return undefined;
}

type Handler = (l: JavaLowering, node: RawNode) => IrNode | undefined;

class JavaLowering extends Lowering {
  /** Where the name of the parameter last lowered by `lowerParameter` starts (record components need it). */
  private paramNameStart = 0;

  lowerProgram(node: RawNode): BlockNode {
    return this.block(node, this.lowerStatements(node.children));
  }

  /**
   * Lowers a statement or member list. Annotations only stand loose here when error recovery split them from
   * their declaration; they are then attached to the declaration that follows.
   */
  private lowerStatements(children: RawNode[]): IrNode[] {
    const out: IrNode[] = [];
    let pending: CallNode[] | undefined;
    for (const child of children) {
      if (!child.named) continue;
      if (child.type === 'annotation' || child.type === 'marker_annotation') {
        (pending ??= []).push(this.lowerAnnotation(child));
        continue;
      }
      const lowered = this.lower(child);
      if (!lowered) continue;
      if (pending) {
        if (!attachDecorators(lowered, pending)) out.push(...pending);
        pending = undefined;
      }
      out.push(lowered);
    }
    if (pending) out.push(...pending);
    return out;
  }

  lower(node: RawNode): IrNode | undefined {
    const handler = HANDLERS.get(node.type);
    return handler === undefined ? this.other(node) : handler(this, node);
  }

  /** The lowering of each raw node type; types not listed become `other` nodes. */
  static handlers(): Map<string, Handler> {
    const table = new Map<string, Handler>();
    const on = (types: string[], handler: Handler): void => {
      for (const t of types) table.set(t, handler);
    };
    on(['program', 'block', 'constructor_body'], (l, node) => l.block(node, l.lowerStatements(node.children)));
    on(['static_initializer'], (l, node) => {
      const block = childOf(node, 'block');
      return block ? l.lower(block) : undefined;
    });
    on(['expression_statement', 'parenthesized_expression'], (l, node) => {
      const inner = firstNamed(node);
      return inner ? l.lower(inner) : undefined;
    });
    on(['labeled_statement', 'cast_expression'], (l, node) => {
      const inner = lastNamed(node);
      return inner ? l.lower(inner) : undefined;
    });

    /* ---------- declarations ---------- */
    on(['class_declaration', 'interface_declaration', 'record_declaration', 'annotation_type_declaration'], (l, node) =>
      l.lowerClass(node),
    );
    on(['enum_declaration'], (l, node) => l.lowerEnum(node));
    on(['field_declaration', 'constant_declaration'], (l, node) => l.lowerVariables(node, true));
    on(['local_variable_declaration'], (l, node) => l.lowerVariables(node, false));
    on(['annotation_type_element_declaration'], (l, node) => l.lowerAnnotationElement(node));
    on(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration'], (l, node) => l.lowerMethod(node));
    on(['import_declaration'], (l, node) => l.lowerImport(node));
    on(['package_declaration'], (l, node) => {
      const mods = childOf(node, 'modifiers');
      const decorators = mods ? l.lowerModifiers(mods).decorators : [];
      return decorators.length > 0 ? l.other(node, decorators) : undefined;
    });
    on(['annotation', 'marker_annotation'], (l, node) => l.lowerAnnotation(node));

    /* ---------- statements ---------- */
    on(['if_statement'], (l, node) => l.lowerIf(node));
    on(['for_statement'], (l, node) => l.lowerFor(node));
    on(['enhanced_for_statement'], (l, node) => l.lowerForEach(node));
    on(['while_statement'], (l, node) => {
      let test: RawNode | undefined;
      let body: RawNode | undefined;
      for (const c of node.children) {
        if (!c.named) continue;
        if (!test) test = c;
        else body = c;
      }
      return l.conditionLoop(node, test, body);
    });
    on(['do_statement'], (l, node) => {
      let test: RawNode | undefined;
      let body: RawNode | undefined;
      for (const c of node.children) {
        if (!c.named) continue;
        if (!body) body = c;
        else test = c;
      }
      return l.conditionLoop(node, test, body);
    });
    on(['try_statement', 'try_with_resources_statement'], (l, node) => l.lowerTry(node));
    on(['switch_expression'], (l, node) => l.lowerSwitch(node));
    on(['return_statement', 'throw_statement'], (l, node) => {
      const valueNode = firstNamed(node);
      const value = valueNode ? l.lower(valueNode) : undefined;
      return node.type === 'return_statement' ? l.return(node, value) : l.throw(node, value);
    });
    on(['break_statement'], (l, node) => l.jump('break', node));
    on(['continue_statement'], (l, node) => l.jump('continue', node));
    on(['resource'], (l, node) => l.lowerResource(node));

    /* ---------- expressions ---------- */
    on(['method_invocation'], (l, node) => l.lowerInvocation(node));
    on(['explicit_constructor_invocation'], (l, node) => l.lowerInvocation(node));
    on(['object_creation_expression'], (l, node) => l.lowerNew(node));
    on(['array_creation_expression'], (l, node) => l.lowerArrayCreation(node));
    on(['array_initializer', 'element_value_array_initializer'], (l, node) => l.array(node, l.lowerNamed(node)));
    on(['field_access', 'scoped_identifier'], (l, node) => l.lowerChain(node, undefined));
    on(['array_access'], (l, node) => {
      let object: RawNode | undefined;
      let index: RawNode | undefined;
      for (const c of node.children) {
        if (!c.named) continue;
        if (!object) object = c;
        else index = c;
      }
      return l.index(node, l.lowerRequired(object!), index ? l.lowerRequired(index) : l.other(node, []));
    });
    on(['method_reference'], (l, node) => l.lowerMethodReference(node));
    on(['class_literal'], (l, node) => {
      const type = firstNamed(node)!;
      const kw = node.children[node.children.length - 1];
      return l.member(node, l.typeRef(type), 'class', kw.start);
    });
    on(['identifier', 'this', 'super'], (l, node) => l.name(node));
    on(['null_literal'], (l, node) => l.null(node));
    on(['true', 'false'], (l, node) => l.boolean(node, node.type === 'true'));
    const numbers = [
      'decimal_integer_literal',
      'hex_integer_literal',
      'octal_integer_literal',
      'binary_integer_literal',
      'decimal_floating_point_literal',
      'hex_floating_point_literal',
    ];
    on(numbers, (l, node) => {
      const raw = l.text(node);
      return l.number(node, parseJavaNumber(node.type, raw), raw);
    });
    on(['string_literal'], (l, node) => l.lowerString(node));
    on(['character_literal'], (l, node) => l.str(node, decodeEscapes(l.text(node).slice(1, -1), JAVA_ESCAPES)));
    on(['template_expression'], (l, node) => l.other(node));
    on(['binary_expression'], (l, node) => {
      let left: RawNode | undefined;
      let right: RawNode | undefined;
      let operator = '';
      for (const c of node.children) {
        if (!c.named) {
          if (left && !right) operator = c.type;
        } else if (!left) left = c;
        else right = c;
      }
      return l.binary(node, operator, l.lowerRequired(left!), right ? l.lowerRequired(right) : l.other(node, []));
    });
    on(['instanceof_expression'], (l, node) => {
      const left = firstNamed(node)!;
      let right: IrNode | undefined;
      for (const c of node.children) {
        if (!c.named || c === left) continue;
        right = TYPE_TYPES.has(c.type) ? l.typeRef(c) : l.lower(c);
        break;
      }
      return l.binary(node, 'instanceof', l.lowerRequired(left), right ?? l.other(node, []));
    });
    on(['unary_expression', 'update_expression'], (l, node) => {
      let operator = '';
      let operand: RawNode | undefined;
      for (const c of node.children) {
        if (c.named) operand ??= c;
        else operator ||= c.type;
      }
      return l.unary(node, operator, operand ? l.lowerRequired(operand) : l.other(node, []));
    });
    on(['ternary_expression'], (l, node) => {
      const parts: RawNode[] = [];
      for (const c of node.children) if (c.named) parts.push(c);
      return l.conditional(
        node,
        l.lowerRequired(parts[0]),
        parts[1] ? l.lowerRequired(parts[1]) : l.other(node, []),
        parts[2] ? l.lowerRequired(parts[2]) : l.other(node, []),
      );
    });
    on(['assignment_expression'], (l, node) => {
      let target: RawNode | undefined;
      let value: RawNode | undefined;
      let operator = '=';
      for (const c of node.children) {
        if (!c.named) {
          if (target && !value) operator = c.type;
        } else if (!target) target = c;
        else value = c;
      }
      return l.assign(node, l.lowerRequired(target!), operator, value ? l.lowerRequired(value) : l.other(node, []));
    });
    on(['lambda_expression'], (l, node) => l.lowerLambda(node));

    /* ---------- type syntax and punctuation: nothing for rules ---------- */
    on([...TYPE_TYPES, 'receiver_parameter', 'asterisk'], () => undefined);
    return table;
  }

  /* ---------- declarations ---------- */

  private lowerModifiers(node: RawNode): Modifiers {
    const decorators: CallNode[] = [];
    let isFinal = false;
    for (const c of node.children) {
      if (c.type === 'annotation' || c.type === 'marker_annotation') decorators.push(this.lowerAnnotation(c));
      else if (c.type === 'final') isFinal = true;
    }
    return { decorators, isFinal };
  }

  private lowerAnnotation(node: RawNode): CallNode {
    let callee: IrNode | undefined;
    const args: Argument[] = [];
    for (const c of node.children) {
      if (c.type === 'identifier' || c.type === 'scoped_identifier') callee = this.lower(c);
      else if (c.type === 'annotation_argument_list') {
        for (const a of c.children) {
          if (!a.named) continue;
          if (a.type === 'element_value_pair') {
            const key = firstNamed(a);
            const value = lastNamed(a);
            if (!key || !value || key === value) continue;
            args.push(this.argument(a, this.lowerRequired(value), this.text(key)));
          } else {
            const value = this.lower(a);
            if (value) args.push(this.argument(a, value));
          }
        }
      }
    }
    return this.decorator(node, callee ?? this.other(node, []), args);
  }

  private lowerClass(node: RawNode): ClassNode {
    let decorators: CallNode[] = [];
    let name = '';
    const bases: string[] = [];
    const members: IrNode[] = [];
    for (const c of node.children) {
      switch (c.type) {
        case 'modifiers':
          decorators = this.lowerModifiers(c).decorators;
          break;
        case 'identifier':
          if (!name) name = this.text(c);
          break;
        case 'superclass':
          for (const t of c.children) if (t.named) bases.push(this.text(t));
          break;
        case 'super_interfaces':
        case 'extends_interfaces':
          for (const list of c.children) {
            if (list.type !== 'type_list') continue;
            for (const t of list.children) if (t.named) bases.push(this.text(t));
          }
          break;
        case 'formal_parameters':
          // Record components: implicitly final fields.
          for (const p of c.children) {
            if (p.type !== 'formal_parameter' && p.type !== 'spread_parameter') continue;
            const param = this.lowerParameter(p);
            if (!param) continue;
            members.push(
              this.variable(p, {
                name: param.name,
                nameStart: this.paramNameStart,
                type: param.type,
                isConstant: true,
                isField: true,
                decorators: param.decorators,
              }),
            );
          }
          break;
        case 'class_body':
        case 'interface_body':
        case 'annotation_type_body':
          for (const m of this.lowerStatements(c.children)) members.push(m);
          break;
      }
    }
    return this.class(node, {
      name,
      bases,
      decorators,
      members,
      isInterface: node.type === 'interface_declaration' || node.type === 'annotation_type_declaration',
    });
  }

  /**
   * An enum. Constants with one constructor argument get that argument as value; with several, a `call`
   * (`isNew`, callee = the constant's name). Annotations or a class body on a constant wrap the value in an
   * `other` (`enum_constant`). Fields, constructors and methods of the enum, which `EnumNode` cannot hold,
   * make an `other` (`enum_declaration`) wrapper around the enum.
   */
  private lowerEnum(node: RawNode): IrNode {
    let decorators: CallNode[] = [];
    let name = '';
    const members: EnumMember[] = [];
    let extra: IrNode[] | undefined;
    for (const c of node.children) {
      if (c.type === 'modifiers') decorators = this.lowerModifiers(c).decorators;
      else if (c.type === 'identifier') name ||= this.text(c);
      else if (c.type === 'enum_body') {
        for (const m of c.children) {
          if (m.type === 'enum_constant') members.push(this.lowerEnumConstant(m));
          else if (m.type === 'enum_body_declarations') extra = this.lowerStatements(m.children);
          else if (m.named) {
            const lowered = this.lower(m);
            if (lowered) (extra ??= []).push(lowered);
          }
        }
      }
    }
    const en = this.enum(node, name, members, decorators);
    if (!extra || extra.length === 0) return en;
    return this.other(node, [en, ...extra]);
  }

  private lowerEnumConstant(node: RawNode): EnumMember {
    let nameNode: RawNode | undefined;
    let decorators: CallNode[] | undefined;
    let args: Argument[] | undefined;
    let argsNode: RawNode | undefined;
    let body: RawNode | undefined;
    for (const c of node.children) {
      if (c.type === 'identifier') nameNode ??= c;
      else if (c.type === 'modifiers') decorators = this.lowerModifiers(c).decorators;
      else if (c.type === 'argument_list') {
        argsNode = c;
        args = this.lowerArguments(c);
      }
      else if (c.type === 'class_body') body = c;
    }
    const name = nameNode ? this.text(nameNode) : '';
    let value: IrNode | undefined;
    if (args && args.length === 1) value = args[0].value;
    else if (args && args.length > 1) {
      value = this.call({ start: nameNode!.start, end: argsNode!.end }, this.name(nameNode!, name), args, true);
    }
    if ((decorators && decorators.length > 0) || body) {
      const children: IrNode[] = decorators ? [...decorators] : [];
      if (value) children.push(value);
      if (body) children.push(this.classBody(body));
      value = this.other(node, children);
    }
    return this.enumMember(node, name, value);
  }

  private classBody(body: RawNode): IrNode {
    return this.other(body, this.lowerStatements(body.children));
  }

  /** Field, constant or local declaration: one `variable` per declarator. */
  private lowerVariables(node: RawNode, isField: boolean): IrNode | undefined {
    let mods: RawNode | undefined;
    let typeNode: RawNode | undefined;
    let modifiers: Modifiers | undefined;
    const declarators: RawNode[] = [];
    for (const c of node.children) {
      if (c.type === 'variable_declarator') declarators.push(c);
      else if (c.type === 'modifiers') mods = c;
      else if (c.named && !typeNode) typeNode = c;
    }
    if (mods) modifiers = this.lowerModifiers(mods);
    const isConstant = node.type === 'constant_declaration' || (modifiers?.isFinal ?? false);
    const baseType = typeNode ? this.text(typeNode) : undefined;
    const type = baseType === 'var' ? undefined : baseType;
    const variables: VariableNode[] = [];
    for (let i = 0; i < declarators.length; i++) {
      const decorators = !mods ? [] : i === 0 ? modifiers!.decorators : this.lowerModifiers(mods).decorators;
      variables.push(this.declarator(declarators[i], type, isConstant, isField, decorators));
    }
    if (variables.length === 1) {
      variables[0].start = node.start;
      variables[0].end = node.end;
      return variables[0];
    }
    if (variables.length === 0) return this.other(node);
    return this.other(node, variables);
  }

  private declarator(node: RawNode, type: string | undefined, isConstant: boolean, isField: boolean, decorators: CallNode[]): VariableNode {
    let nameNode: RawNode | undefined;
    let valueNode: RawNode | undefined;
    let dims: RawNode | undefined;
    let seenEq = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === '=') seenEq = true;
      } else if (seenEq) valueNode ??= c;
      else if (c.type === 'dimensions') dims = c;
      else nameNode ??= c;
    }
    return this.variable(node, {
      name: nameNode ? this.text(nameNode) : '',
      nameStart: nameNode?.start ?? node.start,
      type: dims && type !== undefined ? type + this.text(dims) : type,
      value: valueNode ? this.lower(valueNode) : undefined,
      isConstant,
      isField,
      decorators,
    });
  }

  /** `String value() default "x";` in an `@interface`: a constant member bound to its default. */
  private lowerAnnotationElement(node: RawNode): VariableNode {
    let decorators: CallNode[] = [];
    let typeNode: RawNode | undefined;
    let nameNode: RawNode | undefined;
    let valueNode: RawNode | undefined;
    let seenDefault = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === 'default') seenDefault = true;
      } else if (c.type === 'modifiers') decorators = this.lowerModifiers(c).decorators;
      else if (seenDefault) valueNode ??= c;
      else if (c.type === 'identifier') nameNode ??= c;
      else if (c.type !== 'dimensions') typeNode ??= c;
    }
    return this.variable(node, {
      name: nameNode ? this.text(nameNode) : '',
      nameStart: nameNode?.start ?? node.start,
      type: typeNode ? this.text(typeNode) : undefined,
      value: valueNode ? this.lower(valueNode) : undefined,
      isConstant: true,
      isField: true,
      decorators,
    });
  }

  private lowerMethod(node: RawNode): FunctionNode {
    let decorators: CallNode[] = [];
    let nameNode: RawNode | undefined;
    let returnType: RawNode | undefined;
    let body: RawNode | undefined;
    const params: Parameter[] = [];
    for (const c of node.children) {
      if (!c.named) continue;
      switch (c.type) {
        case 'modifiers':
          decorators = this.lowerModifiers(c).decorators;
          break;
        case 'identifier':
          nameNode ??= c;
          break;
        case 'formal_parameters':
          for (const p of c.children) {
            const param = this.lowerParameter(p);
            if (param) params.push(param);
          }
          break;
        case 'block':
        case 'constructor_body':
          body = c;
          break;
        case 'type_parameters':
        case 'throws':
        case 'dimensions':
          break;
        default:
          if (!nameNode) returnType = c;
      }
    }
    return this.function(node, {
      name: nameNode ? this.text(nameNode) : undefined,
      params,
      body: body ? this.lower(body) : undefined,
      decorators,
      returnType: returnType ? this.text(returnType) : undefined,
      isMethod: true,
      bodyStart: body ? body.start : node.end,
    });
  }

  /** `formal_parameter`, `spread_parameter` (`String... xs`) or a lambda's bare identifier. */
  private lowerParameter(node: RawNode): Parameter | undefined {
    if (node.type === 'identifier') {
      this.paramNameStart = node.start;
      return this.parameter(node, this.text(node));
    }
    if (node.type !== 'formal_parameter' && node.type !== 'spread_parameter') return undefined;
    let decorators: CallNode[] = [];
    let typeNode: RawNode | undefined;
    let nameNode: RawNode | undefined;
    let dims: RawNode | undefined;
    for (const c of node.children) {
      if (!c.named) continue;
      if (c.type === 'modifiers') decorators = this.lowerModifiers(c).decorators;
      else if (c.type === 'annotation' || c.type === 'marker_annotation') decorators.push(this.lowerAnnotation(c));
      else if (c.type === 'identifier') nameNode = c;
      else if (c.type === 'variable_declarator') nameNode = firstNamed(c);
      else if (c.type === 'dimensions' && typeNode) dims = c;
      else typeNode ??= c;
    }
    let type = typeNode ? this.text(typeNode) : undefined;
    if (type === 'var') type = undefined;
    else if (type !== undefined && node.type === 'spread_parameter') type += '...';
    else if (type !== undefined && dims) type += this.text(dims);
    this.paramNameStart = nameNode?.start ?? node.start;
    return this.parameter(node, nameNode ? this.text(nameNode) : '', type, decorators);
  }

  private lowerLambda(node: RawNode): FunctionNode {
    const params: Parameter[] = [];
    let body: RawNode | undefined;
    let seenArrow = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === '->') seenArrow = true;
        continue;
      }
      if (seenArrow) {
        body ??= c;
      } else if (c.type === 'identifier') {
        params.push(this.lowerParameter(c)!);
      } else {
        // formal_parameters or inferred_parameters
        for (const p of c.children) {
          const param = this.lowerParameter(p);
          if (param) params.push(param);
        }
      }
    }
    return this.function(node, { params, body: body ? this.lower(body) : undefined, isLambda: true, bodyStart: body ? body.start : node.end });
  }

  /** `import a.b.C;` → source `a.b.C`, binding `C`; `import a.b.*;` → source `a.b`, binding `*`. */
  private lowerImport(node: RawNode): IrNode | undefined {
    let nameNode: RawNode | undefined;
    let wildcard = false;
    for (const c of node.children) {
      if (c.type === 'scoped_identifier' || c.type === 'identifier') nameNode = c;
      else if (c.type === 'asterisk') wildcard = true;
    }
    if (!nameNode) return this.other(node);
    const source = this.dottedText(nameNode);
    const last = source.slice(source.lastIndexOf('.') + 1);
    const imported = wildcard ? '*' : last;
    return this.import(node, source, [{ imported, local: imported }]);
  }

  /** A dotted name's text without any whitespace or comments between the segments. */
  private dottedText(node: RawNode): string {
    const text = this.text(node);
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch <= 32 || ch === 47 /* / */) {
        const parts: string[] = [];
        const collect = (n: RawNode): void => {
          if (n.type === 'identifier') parts.push(this.text(n));
          else for (const c of n.children) if (c.named) collect(c);
        };
        collect(node);
        return parts.join('.');
      }
    }
    return text;
  }

  /* ---------- statements ---------- */

  private lowerIf(node: RawNode): IrNode {
    let test: RawNode | undefined;
    let consequent: RawNode | undefined;
    let alternate: RawNode | undefined;
    let seenElse = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === 'else') seenElse = true;
      } else if (seenElse) alternate ??= c;
      else if (!test) test = c;
      else consequent ??= c;
    }
    return this.if(
      node,
      test ? this.lowerRequired(test) : this.other(node, []),
      consequent ? this.lowerRequired(consequent) : this.other(node, []),
      alternate ? this.lower(alternate) : undefined,
    );
  }

  /** A loop with a condition (while, do, classic for). */
  private conditionLoop(node: RawNode, test: RawNode | undefined, body: RawNode | undefined): IrNode {
    return this.loop(node, { test: test ? this.lower(test) : undefined, body: body ? this.lowerRequired(body) : this.other(node, []) });
  }

  /** Classic `for`: the loop keeps its condition; init and update, if any, sit beside it in an `other` wrapper. */
  private lowerFor(node: RawNode): IrNode {
    let state = 0; // 0 init, 1 condition, 2 update, 3 body
    const init: IrNode[] = [];
    const update: IrNode[] = [];
    let test: RawNode | undefined;
    let body: RawNode | undefined;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === ';') state = state < 2 ? state + 1 : state;
        else if (c.type === ')') state = 3;
        continue;
      }
      if (state === 3) body ??= c;
      else if (state === 1) test ??= c;
      else {
        const lowered = this.lower(c);
        if (lowered) (state === 0 ? init : update).push(lowered);
        if (c.type === 'local_variable_declaration') state = 1;
      }
    }
    const loop = this.conditionLoop(node, test, body);
    if (init.length === 0 && update.length === 0) return loop;
    return this.other(node, [...init, loop, ...update]);
  }

  private lowerForEach(node: RawNode): IrNode {
    let variable: RawNode | undefined;
    let iterable: RawNode | undefined;
    let body: RawNode | undefined;
    let state = 0; // 0 before ':', 1 iterable, 2 body
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === ':') state = 1;
        else if (c.type === ')' && state === 1) state = 2;
        continue;
      }
      if (state === 0) {
        if (c.type === 'identifier' || c.type === 'record_pattern' || c.type === 'underscore_pattern') variable = c;
      } else if (state === 1) iterable ??= c;
      else body ??= c;
    }
    return this.loop(node, {
      variable: variable ? this.text(variable) : undefined,
      iterable: iterable ? this.lower(iterable) : undefined,
      body: body ? this.lowerRequired(body) : this.other(node, []),
    });
  }

  /** try / try-with-resources: resources (usually variables) sit beside the `try` in an `other` wrapper. */
  private lowerTry(node: RawNode): IrNode {
    let body: IrNode | undefined;
    let finalizer: IrNode | undefined;
    let resources: IrNode[] | undefined;
    const handlers: CatchClause[] = [];
    for (const c of node.children) {
      switch (c.type) {
        case 'block':
          body ??= this.lower(c);
          break;
        case 'resource_specification':
          resources = this.lowerNamed(c);
          break;
        case 'catch_clause':
          handlers.push(this.lowerCatch(c));
          break;
        case 'finally_clause': {
          const block = childOf(c, 'block');
          finalizer = block ? this.lower(block) : undefined;
          break;
        }
      }
    }
    const tryNode = this.try(node, body ?? this.other(node, []), handlers, finalizer);
    if (!resources || resources.length === 0) return tryNode;
    return this.other(node, [...resources, tryNode]);
  }

  private lowerCatch(node: RawNode): CatchClause {
    let param: string | undefined;
    const types: string[] = [];
    let body: IrNode | undefined;
    for (const c of node.children) {
      if (c.type === 'catch_formal_parameter') {
        for (const p of c.children) {
          if (p.type === 'catch_type') {
            for (const t of p.children) if (t.named) types.push(this.text(t));
          } else if (p.type === 'identifier') param = this.text(p);
        }
      } else if (c.type === 'block') body = this.lower(c);
    }
    return this.catchClause(node, param, types, body ?? this.other(node, []));
  }

  private lowerResource(node: RawNode): IrNode | undefined {
    if (!node.children.some((c) => c.type === '=')) {
      const inner = firstNamed(node);
      return inner ? this.lower(inner) : undefined;
    }
    let decorators: CallNode[] = [];
    let typeNode: RawNode | undefined;
    let nameNode: RawNode | undefined;
    let valueNode: RawNode | undefined;
    let seenEq = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === '=') seenEq = true;
      } else if (seenEq) valueNode ??= c;
      else if (c.type === 'modifiers') decorators = this.lowerModifiers(c).decorators;
      else if (c.type === 'identifier') nameNode = c;
      else typeNode ??= c;
    }
    const type = typeNode ? this.text(typeNode) : undefined;
    return this.variable(node, {
      name: nameNode ? this.text(nameNode) : '',
      nameStart: nameNode?.start ?? node.start,
      type: type === 'var' ? undefined : type,
      value: valueNode ? this.lower(valueNode) : undefined,
      isConstant: true,
      isField: false,
      decorators,
    });
  }

  /** Switch statements and expressions, old (`case X:`) and arrow (`case X ->`) forms. */
  private lowerSwitch(node: RawNode): IrNode {
    let discriminant: RawNode | undefined;
    const cases: SwitchCase[] = [];
    for (const c of node.children) {
      if (c.type === 'switch_block') {
        for (const group of c.children) {
          if (group.type === 'switch_block_statement_group' || group.type === 'switch_rule') cases.push(this.lowerCase(group));
        }
      } else if (c.named) discriminant ??= c;
    }
    return this.switch(node, discriminant ? this.lowerRequired(discriminant) : this.other(node, []), cases);
  }

  private lowerCase(group: RawNode): SwitchCase {
    let tests: IrNode[] = [];
    let isDefault = false;
    const statements: RawNode[] = [];
    for (const c of group.children) {
      if (c.type === 'switch_label') {
        for (const t of c.children) {
          if (!t.named) {
            if (t.type === 'default') isDefault = true;
          } else if (t.type === 'identifier' && this.source.startsWith('default', t.start) && t.end - t.start === 7) {
            isDefault = true; // `case null, default`
          } else {
            const lowered = this.lower(t);
            if (lowered) tests.push(lowered);
          }
        }
      } else if (c.named) statements.push(c);
    }
    if (isDefault) tests = [];
    return this.switchCase(group, tests, this.lowerStatements(statements));
  }

  /* ---------- expressions ---------- */

  private lowerArguments(node: RawNode): Argument[] {
    return this.positionalArgs(node.children.filter((c) => c.named));
  }

  /**
   * `a.b.c` (field access, scoped identifier) and the callee of `a.b.m(...)` / `Outer.super.m()` /
   * `this(...)`: the first named part is the base, every later one a `member` on what precedes it.
   */
  private lowerChain(node: RawNode, stopAt: RawNode | undefined): IrNode {
    let result: IrNode | undefined;
    for (const c of node.children) {
      if (c === stopAt) break;
      if (!c.named || c.type === 'type_arguments') continue;
      if (!result) result = this.lowerRequired(c);
      else result = this.member({ start: result.start, end: c.end }, result, this.text(c), c.start);
    }
    return result ?? this.other(node, []);
  }

  private lowerInvocation(node: RawNode): CallNode {
    const argsNode = childOf(node, 'argument_list');
    return this.call(node, this.lowerChain(node, argsNode), argsNode ? this.lowerArguments(argsNode) : []);
  }

  /**
   * `new T(args)` → `call` with `isNew`; an anonymous class body, or the outer object of `outer.new T()`,
   * make an `other` wrapper holding them beside the call.
   */
  private lowerNew(node: RawNode): IrNode {
    let outer: RawNode | undefined;
    let typeNode: RawNode | undefined;
    let argsNode: RawNode | undefined;
    let body: RawNode | undefined;
    let seenNew = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === 'new') seenNew = true;
        continue;
      }
      if (!seenNew) outer ??= c;
      else if (c.type === 'argument_list') argsNode = c;
      else if (c.type === 'class_body') body = c;
      else if (c.type !== 'type_arguments' && c.type !== 'annotation' && c.type !== 'marker_annotation') typeNode ??= c;
    }
    const call = this.call(node, typeNode ? this.typeRef(typeNode) : this.other(node, []), argsNode ? this.lowerArguments(argsNode) : [], true);
    if (!outer && !body) return call;
    const children: IrNode[] = [];
    if (outer) {
      const lowered = this.lower(outer);
      if (lowered) children.push(lowered);
    }
    children.push(call);
    if (body) children.push(this.classBody(body));
    return this.other(node, children);
  }

  /** `new T[]{a, b}` → `array`; `new T[n]` → `other` holding the dimension expressions. */
  private lowerArrayCreation(node: RawNode): IrNode {
    const dims: IrNode[] = [];
    for (const c of node.children) {
      if (c.type === 'array_initializer') {
        return this.array(node, this.lowerNamed(c));
      }
      if (c.type === 'dimensions_expr') for (const d of this.lowerNamed(c)) dims.push(d);
    }
    return this.other(node, dims);
  }

  /** `Type::method` → member (`new` for constructor references). */
  private lowerMethodReference(node: RawNode): IrNode {
    let object: IrNode | undefined;
    let seenColons = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === '::') seenColons = true;
        else if (seenColons && c.type === 'new') return this.member(node, object ?? this.other(node, []), 'new', c.start);
        continue;
      }
      if (!seenColons) object ??= TYPE_TYPES.has(c.type) ? this.typeRef(c) : this.lowerRequired(c);
      else if (c.type !== 'type_arguments') return this.member(node, object ?? this.other(node, []), this.text(c), c.start);
    }
    return this.other(node);
  }

  /** A type used as a value (`new T()`, `T.class`, `T::m`, `x instanceof T`): its name without type arguments. */
  private typeRef(node: RawNode): IrNode {
    if (node.type === 'type_identifier' || node.type === 'identifier') return this.name(node);
    let text = this.text(node);
    const lt = text.indexOf('<');
    if (lt >= 0) text = text.slice(0, lt);
    const at = text.lastIndexOf('@');
    let offset = node.start;
    if (at >= 0) {
      // `@NonNull Foo`: skip the annotations
      const space = text.indexOf(' ', at);
      if (space >= 0) {
        offset += space + 1;
        text = text.slice(space + 1);
      }
    }
    // Build a member chain for a qualified name: `java.util.ArrayList`.
    let result: IrNode | undefined;
    let segStart = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && text.charCodeAt(i) !== 46 /* . */) continue;
      let a = segStart;
      let b = i;
      while (a < b && text.charCodeAt(a) <= 32) a++;
      while (b > a && text.charCodeAt(b - 1) <= 32) b--;
      const segment = text.slice(a, b);
      if (!result) result = this.name({ start: offset + a, end: offset + b }, segment);
      else result = this.member({ start: result.start, end: offset + b }, result, segment, offset + a);
      segStart = i + 1;
    }
    return result!;
  }

  private lowerString(node: RawNode): IrNode {
    const children = node.children;
    let holes: RawNode[] | undefined;
    for (const c of children) if (c.type === 'string_interpolation') (holes ??= []).push(c);
    const isTextBlock = this.source.startsWith('"""', node.start);
    if (!holes) {
      const body = this.source.slice(node.start + (isTextBlock ? 3 : 1), node.end - (isTextBlock ? 3 : 1));
      return this.str(node, isTextBlock ? decodeTextBlock(body) : decodeEscapes(body, JAVA_ESCAPES));
    }
    // String template (`STR."a \{x}"`): each hole becomes `…`, and its expression is lowered beside the string.
    let raw = '';
    let cursor = node.start + (isTextBlock ? 3 : 1);
    const lowered: IrNode[] = [];
    for (const h of holes) {
      raw += this.source.slice(cursor, h.start) + HOLE;
      cursor = h.end;
      for (const e of this.lowerNamed(h)) lowered.push(e);
    }
    raw += this.source.slice(cursor, node.end - (isTextBlock ? 3 : 1));
    const value = (isTextBlock ? decodeTextBlock(raw) : decodeEscapes(raw, JAVA_ESCAPES)).split(HOLE).join('…');
    return this.other(node, [this.str(node, value, true), ...lowered]);
  }
}

const HOLE = '\uE000';

const HANDLERS = JavaLowering.handlers();

/** Attaches decorators split from their declaration by error recovery; false when `node` cannot hold them. */
function attachDecorators(node: IrNode, decorators: CallNode[]): boolean {
  if (node.kind === 'function' || node.kind === 'class' || node.kind === 'variable' || node.kind === 'enum') {
    node.decorators = [...decorators, ...node.decorators];
    node.start = Math.min(node.start, decorators[0].start);
    return true;
  }
  return false;
}

/**
 * The value of a text block (`"""` … `"""`, delimiters removed): the opening line is dropped, incidental
 * indentation and trailing spaces are stripped (JLS 3.10.6), then escapes are decoded.
 */
export function decodeTextBlock(body: string): string {
  const firstBreak = body.search(/\r\n|\r|\n/);
  if (firstBreak < 0) return decodeEscapes(body.trim(), JAVA_ESCAPES);
  const lines = body.slice(firstBreak + (body.startsWith('\r\n', firstBreak) ? 2 : 1)).split(/\r\n|\r|\n/);
  const last = lines.length - 1;
  let indent = Infinity;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let n = 0;
    while (n < line.length && (line[n] === ' ' || line[n] === '\t' || line[n] === '\f')) n++;
    if (n === line.length && i !== last) continue; // blank lines do not count, except the closing one
    if (n < indent) indent = n;
  }
  if (indent === Infinity) indent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    lines[i] = line.trim() === '' ? '' : line.slice(indent).trimEnd();
  }
  return decodeEscapes(lines.join('\n'), JAVA_ESCAPES);
}

/** Numeric value of a Java literal: separators, `L`/`f`/`d` suffixes, hex, octal, binary and hex floats. */
export function parseJavaNumber(type: string, raw: string): number {
  const digits = raw.indexOf('_') >= 0 ? raw.split('_').join('') : raw;
  switch (type) {
    case 'hex_integer_literal':
      return parseInt(digits.slice(2).replace(/[lL]$/, ''), 16);
    case 'octal_integer_literal':
      return parseInt(digits.replace(/[lL]$/, ''), 8);
    case 'binary_integer_literal':
      return parseInt(digits.slice(2).replace(/[lL]$/, ''), 2);
    case 'hex_floating_point_literal': {
      const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/.exec(digits);
      if (!m) return NaN;
      const frac = m[2] ?? '';
      const mantissa = parseInt((m[1] || '0') + frac, 16) / Math.pow(16, frac.length);
      return mantissa * Math.pow(2, parseInt(m[3], 10));
    }
    default:
      return Number(digits.replace(/[lLfFdD]$/, ''));
  }
}
