/**
 * Lowering for C# (tree-sitter-c-sharp).
 *
 * Normalization choices, beyond the ones every lowering shares:
 * - Attributes (`[HttpGet("x")]`, `[Authorize(Policy = "p")]`) are decorator calls attached to the
 *   class / method / property / field / parameter / enum they sit on; `Name = value` and `name: value`
 *   attribute arguments are named arguments.
 * - Namespaces (block or file scoped) and `#if` regions are transparent: their members are spliced into
 *   the enclosing statement / member list.
 * - `using` directives are imports (`source` = the namespace, or the aliased target).
 * - Properties with an initializer or expression body are `variable`s (`isField`) holding the value;
 *   get-only properties count as constant. Record positional parameters are fields of the record.
 * - `new T(...) { ... }` is a `call` with `isNew`; its object/collection initializer is an `object`
 *   (all `Name = value` / `["key"] = value`) or an `array`. Array creations with an initializer,
 *   `new[] { }`, `{ }` array initializers and collection expressions `[a, b]` are `array`s; tuples too.
 *   `new { a = 1 }` is an `object`.
 * - `x is T`, `x is "a"`, `x is not null` are `binary` with operator `is` / `is not`; patterns:
 *   constants lower to the constant, type patterns to a `name` holding the type text, `and` / `or` /
 *   `not` patterns to `binary` / `unary`, property patterns `{ P: v }` to an `object`.
 * - A catch clause with an exception filter has as body an `if` whose test is the filter.
 * - Attributes on an enum member (which has no decorators in the IR) wrap its value in an `other`.
 * - LINQ query syntax `from x in xs where c select e` is a comprehension `loop`.
 */
import type {
  Argument,
  CallNode,
  CatchClause,
  ClassNode,
  EnumMember,
  FunctionNode,
  IrNode,
  LoweredCode,
  Parameter,
  Property,
  SwitchCase,
  VariableNode,
} from '../ir';
import { linkParents } from '../ir';
import { CSHARP_ESCAPES, decodeBraces, decodeEscapes } from './escapes';
import { Lowering, parseNumber, elision, LowerOptions } from './lowering';
import { parseRaw, RawNode } from './treesitter';

const LEAF_TYPES: ReadonlySet<string> = new Set([
  'string_literal',
  'verbatim_string_literal',
  'raw_string_literal',
  'character_literal',
  'modifier',
  'predefined_type',
  'implicit_type',
  'array_type',
  'nullable_type',
  'pointer_type',
  'tuple_type',
  'function_pointer_type',
  'ref_type',
  'scoped_type',
  'generic_name',
  'type_argument_list',
  'type_parameter_list',
  'type_parameter_constraints_clause',
  'attribute_target_specifier',
  'explicit_interface_specifier',
  'delegate_declaration',
  'preproc_region',
  'preproc_endregion',
  'preproc_pragma',
  'preproc_nullable',
  'preproc_define',
  'preproc_undef',
  'preproc_line',
  'preproc_error',
  'preproc_warning',
  'extern_alias_directive',
  'shebang_directive',
]);
const COMMENT_TYPES: ReadonlySet<string> = new Set(['comment']);

/** Operators that bind looser than `is`: a constant pattern containing one of them is a misparse. */
const LOOSER_THAN_IS: ReadonlySet<string> = new Set(['==', '!=', '&', '^', '|', '&&', '||', '??']);

/** Statement-list members with no meaning to rules. */
const SKIPPED: ReadonlySet<string> = new Set([
  'empty_statement',
  'delegate_declaration',
  'extern_alias_directive',
  'shebang_directive',
  'preproc_region',
  'preproc_endregion',
  'preproc_pragma',
  'preproc_nullable',
  'preproc_define',
  'preproc_undef',
  'preproc_line',
  'preproc_error',
  'preproc_warning',
]);

const BODY_OWNERS: ReadonlySet<string> = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression', 'operator_declaration', 'conversion_operator_declaration', 'destructor_declaration', 'accessor_declaration']);
const BODY_TYPES: ReadonlySet<string> = new Set(['block']);

export async function lowerCSharp(text: string, options: LowerOptions = {}): Promise<LoweredCode> {
  const raw = await parseRaw('c-sharp', text, { leafTypes: LEAF_TYPES, commentTypes: COMMENT_TYPES, elide: elision(BODY_OWNERS, BODY_TYPES, options) });
  const lowering = new CSharpLowering(text);
  const root = lowering.lowerProgram(raw.root);
  linkParents(root);
  return { language: 'csharp', root, comments: raw.comments, syntaxErrors: raw.errors };
}

/** Named children, plus the `this` / `base` keywords, which this grammar leaves anonymous. */
function parts(node: RawNode): RawNode[] {
  const out: RawNode[] = [];
  for (const c of node.children) if (c.named || c.type === 'this' || c.type === 'base') out.push(c);
  return out;
}

function firstPart(node: RawNode): RawNode | undefined {
  for (const c of node.children) if (c.named || c.type === 'this' || c.type === 'base') return c;
  return undefined;
}

function lastPart(node: RawNode): RawNode | undefined {
  const children = node.children;
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i];
    if (c.named || c.type === 'this' || c.type === 'base') return c;
  }
  return undefined;
}

/** The first anonymous child (operator / keyword token). */
function firstToken(node: RawNode): string | undefined {
  for (const c of node.children) if (!c.named) return c.type;
  return undefined;
}

/** The first named child after the anonymous token `token`. */
function partAfter(node: RawNode, token: string): RawNode | undefined {
  let seen = false;
  for (const c of node.children) {
    if (seen && (c.named || c.type === 'this' || c.type === 'base')) return c;
    if (!c.named && c.type === token) seen = true;
  }
  return undefined;
}

class CSharpLowering extends Lowering {
  lowerProgram(node: RawNode) {
    return this.block(node, this.lowerStatements(node.children));
  }

  /** Keeps `this` / `base` too. */
  protected override lowerNamed(node: RawNode): IrNode[] {
    const out: IrNode[] = [];
    for (const child of node.children) {
      if (!child.named && child.type !== 'this' && child.type !== 'base') continue;
      const lowered = this.lower(child);
      if (lowered) out.push(lowered);
    }
    return out;
  }

  /** Lowers a statement or member list; namespaces and `#if` regions are spliced in. */
  private lowerStatements(children: RawNode[], out: IrNode[] = []): IrNode[] {
    for (const child of children) {
      if (!child.named) continue;
      switch (child.type) {
        case 'namespace_declaration': {
          const body = child.children.find((c) => c.type === 'declaration_list');
          if (body) this.lowerStatements(body.children, out);
          continue;
        }
        case 'file_scoped_namespace_declaration': {
          // This grammar leaves the members as siblings; newer ones nest them after the name.
          const nameNode = child.children.find((c) => c.named);
          this.lowerStatements(
            child.children.filter((c) => c !== nameNode),
            out,
          );
          continue;
        }
        case 'preproc_if':
        case 'preproc_elif':
        case 'preproc_else': {
          // Skip the condition: the first named child after `#if` / `#elif`.
          const condition = child.type === 'preproc_else' ? undefined : child.children.find((c) => c.named);
          this.lowerStatements(
            child.children.filter((c) => c !== condition),
            out,
          );
          continue;
        }
      }
      if (SKIPPED.has(child.type)) continue;
      const lowered = this.lower(child);
      if (lowered) out.push(lowered);
    }
    return out;
  }

  lower(node: RawNode): IrNode | undefined {
    switch (node.type) {
      case 'compilation_unit':
      case 'block':
      case 'declaration_list':
        return this.block(node, this.lowerStatements(node.children));
      case 'global_statement':
      case 'expression_statement':
      case 'parenthesized_expression':
      case 'checked_expression':
      case 'ref_expression':
      case 'constant_pattern':
      case 'parenthesized_pattern':
      case 'arrow_expression_clause':
      case 'checked_statement':
      case 'unsafe_statement':
      case 'interpolation_alignment_clause':
      case 'as_expression': {
        const inner = firstPart(node);
        return inner ? this.lower(inner) : undefined;
      }
      case 'cast_expression':
      case 'labeled_statement': {
        const inner = lastPart(node);
        return inner ? this.lower(inner) : undefined;
      }
      case 'namespace_declaration':
      case 'file_scoped_namespace_declaration':
      case 'preproc_if':
      case 'preproc_elif':
      case 'preproc_else':
        return this.block(node, this.lowerStatements([node]));

      /* ---------- declarations ---------- */
      case 'using_directive':
        return this.lowerUsing(node);
      case 'class_declaration':
      case 'struct_declaration':
      case 'record_declaration':
      case 'record_struct_declaration':
      case 'interface_declaration':
        return this.lowerClass(node);
      case 'enum_declaration':
        return this.lowerEnum(node);
      case 'field_declaration':
      case 'event_field_declaration':
      case 'local_declaration_statement':
        return this.lowerFieldOrLocal(node);
      case 'variable_declaration':
        return this.lowerVariableDeclaration(node, [], false, false, node);
      case 'property_declaration':
        return this.lowerProperty(node);
      case 'method_declaration':
      case 'constructor_declaration':
      case 'destructor_declaration':
      case 'operator_declaration':
      case 'conversion_operator_declaration':
      case 'local_function_statement':
      case 'indexer_declaration':
      case 'lambda_expression':
      case 'anonymous_method_expression':
        return this.lowerFunction(node);
      case 'attribute':
        return this.lowerAttribute(node);
      case 'attribute_list':
      case 'global_attribute':
        return this.other(node, this.attributes(node));
      case 'declaration_expression': {
        const nameNode = lastPart(node);
        const typeNode = firstPart(node);
        return this.variable(node, {
          name: nameNode ? this.text(nameNode) : '',
          nameStart: nameNode?.start ?? node.start,
          type: typeNode && typeNode !== nameNode && typeNode.type !== 'implicit_type' ? this.text(typeNode) : undefined,
          isConstant: false,
          isField: false,
        });
      }

      /* ---------- statements ---------- */
      case 'if_statement':
        return this.lowerIf(node);
      case 'for_statement':
      case 'while_statement':
      case 'do_statement':
        return this.lowerLoop(node);
      case 'foreach_statement':
        return this.lowerForeach(node);
      case 'try_statement':
        return this.lowerTry(node);
      case 'switch_statement':
        return this.lowerSwitch(node);
      case 'switch_expression':
        return this.lowerSwitchExpression(node);
      case 'return_statement': {
        const valueNode = firstPart(node);
        return this.return(node, valueNode ? this.lower(valueNode) : undefined);
      }
      case 'throw_statement':
      case 'throw_expression': {
        const valueNode = firstPart(node);
        return this.throw(node, valueNode ? this.lower(valueNode) : undefined);
      }
      case 'break_statement':
        return this.jump('break', node);
      case 'continue_statement':
        return this.jump('continue', node);
      case 'empty_statement':
      case 'modifier':
      case 'delegate_declaration':
      case 'extern_alias_directive':
      case 'type_parameter_constraints_clause':
      case 'interpolation_brace':
      case 'interpolation_format_clause':
        return undefined;

      /* ---------- expressions ---------- */
      case 'invocation_expression':
        return this.lowerInvocation(node);
      case 'object_creation_expression':
      case 'implicit_object_creation_expression':
        return this.lowerNew(node);
      case 'array_creation_expression':
      case 'implicit_array_creation_expression':
      case 'stackalloc_expression':
      case 'implicit_stackalloc_expression': {
        const init = node.children.find((c) => c.type === 'initializer_expression');
        if (init) return this.lowerArray(init, node);
        return this.other(node, []);
      }
      case 'initializer_expression':
        return this.lowerInitializer(node);
      case 'element_binding_expression':
        // Standalone: a collection expression `[a, b]`.
        return this.lowerArray(node, node);
      case 'tuple_expression':
        return this.lowerArray(node, node);
      case 'anonymous_object_creation_expression':
        return this.lowerAnonymousObject(node);
      case 'with_expression': {
        const [target, init] = [firstPart(node), node.children.find((c) => c.type === 'with_initializer')];
        const children: IrNode[] = [];
        if (target) children.push(this.lowerRequired(target));
        if (init) children.push(this.lowerAnonymousObject(init));
        return this.other(node, children);
      }
      case 'member_access_expression':
        return this.lowerMember(node);
      case 'conditional_access_expression':
        return this.lowerConditionalAccess(node);
      case 'element_access_expression': {
        const object = firstPart(node);
        const subscript = node.children.find((c) => c.type === 'bracketed_argument_list');
        const index = subscript ? this.lowerIndexArgs(subscript) : this.other(node, []);
        return this.index(node, object ? this.lowerRequired(object) : this.other(node, []), index);
      }
      case 'argument': {
        const value = lastPart(node);
        return value ? this.lower(value) : undefined;
      }
      case 'identifier':
      case 'this':
      case 'base':
      case 'discard':
      case 'alias_qualified_name':
      case 'implicit_parameter':
        return this.name(node);
      case 'generic_name':
      case 'qualified_name':
      case 'predefined_type':
      case 'nullable_type':
      case 'array_type':
        return this.typeName(node);
      case 'null_literal':
        return this.null(node);
      case 'boolean_literal':
        return this.boolean(node, this.text(node) === 'true');
      case 'integer_literal':
      case 'real_literal': {
        const raw = this.text(node);
        return this.number(node, parseNumber(raw), raw);
      }
      case 'string_literal':
      case 'verbatim_string_literal':
      case 'raw_string_literal':
      case 'character_literal':
        return this.str(node, this.stringValue(node));
      case 'interpolated_string_expression':
        return this.lowerInterpolated(node);
      case 'binary_expression': {
        const [left, right] = [firstPart(node), lastPart(node)];
        return this.binary(
          node,
          firstToken(node) ?? '',
          left ? this.lowerRequired(left) : this.other(node, []),
          right ? this.lowerRequired(right) : this.other(node, []),
        );
      }
      case 'is_expression': {
        const [left, right] = [firstPart(node), lastPart(node)];
        return this.binary(node, 'is', left ? this.lowerRequired(left) : this.other(node, []), right ? this.lowerRequired(right) : this.other(node, []));
      }
      case 'is_pattern_expression':
        return this.lowerIsPattern(node);
      case 'prefix_unary_expression':
      case 'postfix_unary_expression': {
        const operand = firstPart(node);
        const operator = firstToken(node) ?? '';
        if (!operand) return this.other(node);
        // `x!` (null-forgiving) is a pure wrapper.
        if (operator === '!' && node.type === 'postfix_unary_expression') return this.lower(operand);
        return this.unary(node, operator, this.lowerRequired(operand));
      }
      case 'await_expression': {
        const operand = firstPart(node);
        if (!operand) return this.other(node);
        return this.unary(node, 'await', this.lowerRequired(operand));
      }
      case 'range_expression': {
        // `..xs` inside a collection expression is a spread: keep the spread value.
        const ps = parts(node);
        if (ps.length === 1 && node.children[0].type === '..') return this.lower(ps[0]);
        return this.other(node);
      }
      case 'conditional_expression': {
        const [test, consequent, alternate] = parts(node);
        return this.conditional(
          node,
          this.lowerRequired(test),
          consequent ? this.lowerRequired(consequent) : this.other(node, []),
          alternate ? this.lowerRequired(alternate) : this.other(node, []),
        );
      }
      case 'assignment_expression': {
        const [target, value] = [firstPart(node), lastPart(node)];
        return this.assign(
          node,
          target ? this.lowerRequired(target) : this.other(node, []),
          firstToken(node) ?? '=',
          value ? this.lowerRequired(value) : this.other(node, []),
        );
      }
      case 'query_expression':
        return this.lowerQuery(node);

      /* ---------- patterns ---------- */
      case 'declaration_pattern':
      case 'type_pattern': {
        const typeNode = firstPart(node) ?? node;
        return this.typeName(typeNode);
      }
      case 'negated_pattern': {
        const operand = firstPart(node);
        if (!operand) return this.other(node);
        return this.unary(node, 'not', this.lowerRequired(operand));
      }
      case 'and_pattern':
      case 'or_pattern': {
        const [left, right] = [firstPart(node), lastPart(node)];
        if (!left || !right || left === right) return this.other(node);
        return this.binary(node, node.type === 'and_pattern' ? 'and' : 'or', this.lowerRequired(left), this.lowerRequired(right));
      }
      case 'recursive_pattern': {
        const ps = parts(node);
        const clause = ps.find((p) => p.type === 'property_pattern_clause');
        if (clause && ps.length === 1) return this.lowerPropertyPattern(clause);
        return this.other(node);
      }
      case 'property_pattern_clause':
        return this.lowerPropertyPattern(node);
      case 'list_pattern':
        return this.lowerArray(node, node);
      default:
        return this.other(node);
    }
  }

  /* ---------- declarations ---------- */

  private lowerUsing(node: RawNode): IrNode | undefined {
    const ps = parts(node);
    const target = ps[ps.length - 1];
    if (!target) return undefined;
    const source = this.text(target);
    const dot = source.lastIndexOf('.');
    const last = dot >= 0 ? source.slice(dot + 1).trim() : source;
    const hasAlias = node.children.some((c) => c.type === '=');
    const local = hasAlias && ps.length > 1 ? this.text(ps[0]) : last;
    return this.import(node, source, [{ imported: last, local }]);
  }

  private lowerClass(node: RawNode): ClassNode {
    let name = '';
    const bases: string[] = [];
    const decorators: CallNode[] = [];
    const members: IrNode[] = [];
    let paramsNode: RawNode | undefined;
    for (const c of node.children) {
      switch (c.type) {
        case 'attribute_list':
          this.attributes(c, decorators);
          break;
        case 'identifier':
          if (!name) name = this.text(c);
          break;
        case 'parameter_list':
          paramsNode = c;
          break;
        case 'base_list':
          for (const b of c.children) {
            if (!b.named) continue;
            if (b.type === 'primary_constructor_base_type') {
              const type = firstPart(b);
              if (type) bases.push(this.text(type));
              const args = b.children.find((a) => a.type === 'argument_list');
              if (args) members.push(this.other(b, this.args(args).map((a) => a.value)));
            } else if (b.type === 'argument_list') {
              members.push(this.other(b, this.args(b).map((a) => a.value)));
            } else bases.push(this.text(b));
          }
          break;
        case 'declaration_list':
          this.lowerStatements(c.children, members);
          break;
      }
    }
    if (paramsNode) {
      const params = this.params(paramsNode);
      if (node.type === 'record_declaration' || node.type === 'record_struct_declaration') {
        // Positional record parameters are public properties.
        const fields = params.map((p) =>
          this.variable(p, {
            name: p.name,
            nameStart: p.end - p.name.length,
            type: p.type,
            value: p.defaultValue,
            isConstant: true,
            isField: true,
            decorators: p.decorators,
          }),
        );
        members.unshift(...fields);
      } else {
        // A primary constructor.
        members.unshift(this.function(paramsNode, { name, params, isMethod: true, bodyStart: paramsNode.end }));
      }
    }
    return this.class(node, { name, bases, decorators, members, isInterface: node.type === 'interface_declaration' });
  }

  private lowerEnum(node: RawNode): IrNode {
    let name = '';
    const decorators: CallNode[] = [];
    const members: EnumMember[] = [];
    for (const c of node.children) {
      if (c.type === 'attribute_list') this.attributes(c, decorators);
      else if (c.type === 'identifier' && !name) name = this.text(c);
      else if (c.type === 'enum_member_declaration_list') {
        for (const m of c.children) {
          if (m.type !== 'enum_member_declaration') continue;
          const id = m.children.find((x) => x.type === 'identifier');
          const valueNode = partAfter(m, '=');
          let value = valueNode ? this.lower(valueNode) : undefined;
          const attributes: CallNode[] = [];
          for (const x of m.children) if (x.type === 'attribute_list') this.attributes(x, attributes);
          if (attributes.length > 0) {
            // EnumMember has no decorators: keep `[EnumMember(Value = "x")]` in an `other` value wrapper.
            const children: IrNode[] = value ? [...attributes, value] : attributes;
            value = this.other(m, children);
          }
          members.push(this.enumMember(m, id ? this.text(id) : '', value));
        }
      }
    }
    return this.enum(node, name, members, decorators);
  }

  /** `field_declaration`, `event_field_declaration`, `local_declaration_statement`. */
  private lowerFieldOrLocal(node: RawNode): IrNode | undefined {
    const attributeLists: RawNode[] = [];
    let isConstant = false;
    let declaration: RawNode | undefined;
    for (const c of node.children) {
      if (c.type === 'attribute_list') attributeLists.push(c);
      else if (c.type === 'modifier') {
        const m = this.text(c);
        if (m === 'const' || m === 'readonly') isConstant = true;
      } else if (c.type === 'variable_declaration') declaration = c;
    }
    if (!declaration) return this.other(node);
    return this.lowerVariableDeclaration(declaration, attributeLists, isConstant, node.type !== 'local_declaration_statement', node);
  }

  /**
   * One variable per declarator; several declarators give an `other` wrapper. Each variable gets its
   * own decorator nodes (lowered again from the shared attribute lists) so the tree stays a tree.
   */
  private lowerVariableDeclaration(
    declaration: RawNode,
    attributeLists: RawNode[],
    isConstant: boolean,
    isField: boolean,
    whole: RawNode,
  ): IrNode | undefined {
    let typeNode: RawNode | undefined;
    const declarators: RawNode[] = [];
    for (const c of declaration.children) {
      if (c.type === 'variable_declarator') declarators.push(c);
      else if (c.named && !typeNode && declarators.length === 0) typeNode = c;
    }
    const type = typeNode && typeNode.type !== 'implicit_type' ? this.text(typeNode) : undefined;
    const variables: VariableNode[] = [];
    for (const d of declarators) {
      const nameNode = d.children[0];
      const valueNode = partAfter(d, '=');
      const decorators: CallNode[] = [];
      for (const list of attributeLists) this.attributes(list, decorators);
      variables.push(
        this.variable(d, {
          name: nameNode ? this.text(nameNode) : '',
          nameStart: nameNode?.start ?? d.start,
          type,
          value: valueNode ? this.lowerValue(valueNode, type) : undefined,
          isConstant,
          isField,
          decorators,
        }),
      );
    }
    if (variables.length === 1) {
      variables[0].start = whole.start;
      variables[0].end = whole.end;
      return variables[0];
    }
    if (variables.length === 0) return undefined;
    return this.other(whole, variables);
  }

  /** A declaration's value; `new()` takes the declared type as its callee. */
  private lowerValue(node: RawNode, declaredType: string | undefined): IrNode | undefined {
    if (node.type === 'implicit_object_creation_expression' && declaredType) return this.lowerNew(node, declaredType);
    return this.lower(node);
  }

  private lowerProperty(node: RawNode): VariableNode {
    const decorators: CallNode[] = [];
    let type: string | undefined;
    let nameNode: RawNode | undefined;
    let value: IrNode | undefined;
    let hasSetter = false;
    let seenEq = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === '=') seenEq = true;
        continue;
      }
      switch (c.type) {
        case 'attribute_list':
          this.attributes(c, decorators);
          break;
        case 'modifier':
        case 'explicit_interface_specifier':
          break;
        case 'accessor_list': {
          const accessors = this.lowerAccessors(c);
          hasSetter = accessors.hasSetter;
          if (accessors.value) value = accessors.value;
          break;
        }
        case 'arrow_expression_clause': {
          const inner = firstPart(c);
          if (inner) value = this.lower(inner);
          break;
        }
        default:
          if (seenEq) value = this.lowerValue(c, type);
          else if (type === undefined) type = this.text(c);
          else nameNode = c;
      }
    }
    return this.variable(node, {
      name: nameNode ? this.text(nameNode) : '',
      nameStart: nameNode?.start ?? node.start,
      type,
      value,
      isConstant: !hasSetter,
      isField: true,
      decorators,
    });
  }

  /**
   * Accessors: a getter that is a single expression (`get => x`, `get { return x; }`) gives the
   * value; accessors with other bodies are kept as an `other` holding one function per accessor.
   */
  private lowerAccessors(list: RawNode): { hasSetter: boolean; value?: IrNode } {
    let hasSetter = false;
    let simpleGetter: IrNode | undefined;
    const functions: FunctionNode[] = [];
    for (const a of list.children) {
      if (a.type !== 'accessor_declaration') continue;
      let keyword = '';
      let body: RawNode | undefined;
      const decorators: CallNode[] = [];
      for (const c of a.children) {
        if (!c.named) {
          if (c.type === 'get' || c.type === 'set' || c.type === 'init' || c.type === 'add' || c.type === 'remove') keyword = c.type;
        } else if (c.type === 'attribute_list') this.attributes(c, decorators);
        else if (c.type === 'block' || c.type === 'arrow_expression_clause') body = c;
      }
      if (keyword === 'set' || keyword === 'init') hasSetter = true;
      if (!body && decorators.length === 0) continue;
      const lowered = body ? this.lower(body) : undefined;
      if (keyword === 'get' && body) {
        if (body.type === 'arrow_expression_clause') simpleGetter = lowered;
        else if (lowered?.kind === 'block' && lowered.body.length === 1 && lowered.body[0].kind === 'return') simpleGetter = lowered.body[0].value;
      }
      functions.push(this.function(a, { name: keyword, params: [], body: lowered, decorators, isMethod: true, bodyStart: body ? body.start : a.end }));
    }
    if (functions.length === 0) return { hasSetter };
    if (functions.length === 1 && simpleGetter && functions[0].decorators.length === 0) return { hasSetter, value: simpleGetter };
    return { hasSetter, value: this.other(list, functions) };
  }

  private lowerFunction(node: RawNode): FunctionNode {
    const decorators: CallNode[] = [];
    let isAsync = false;
    let params: Parameter[] = [];
    let paramsEnd = -1;
    let sawParamList = false;
    const head: RawNode[] = [];
    let bodyNode: RawNode | undefined;
    let ctorInit: RawNode | undefined;
    let accessorBody: IrNode | undefined;
    let operator = '';
    const isLambda = node.type === 'lambda_expression' || node.type === 'anonymous_method_expression';
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === '=>' && isLambda) paramsEnd = Math.max(paramsEnd, c.start);
        else if (node.type === 'operator_declaration' && paramsEnd < 0 && c.type !== 'operator') operator ||= c.type;
        continue;
      }
      switch (c.type) {
        case 'attribute_list':
          this.attributes(c, decorators);
          continue;
        case 'modifier':
          if (this.text(c) === 'async') isAsync = true;
          continue;
        case 'parameter_list':
        case 'bracketed_parameter_list':
          params = this.params(c);
          paramsEnd = c.end;
          sawParamList = true;
          continue;
        case 'implicit_parameter':
          if (isLambda) {
            params = [this.parameter(c, this.text(c))];
            paramsEnd = c.end;
            continue;
          }
          break;
        case 'constructor_initializer':
          ctorInit = c;
          continue;
        case 'type_parameter_list':
        case 'type_parameter_constraints_clause':
          continue;
        case 'accessor_list':
          if (paramsEnd >= 0) {
            bodyNode = c;
            accessorBody = this.lowerAccessors(c).value;
            continue;
          }
          break;
        case 'block':
        case 'arrow_expression_clause':
          bodyNode = c;
          continue;
      }
      if (paramsEnd < 0) head.push(c);
      else if (isLambda) bodyNode = c;
    }
    let nameNode: RawNode | undefined;
    let returnTypeNode: RawNode | undefined;
    if (!isLambda) {
      for (let i = head.length - 1; i >= 0; i--) {
        if (head[i].type === 'identifier') {
          nameNode = head[i];
          break;
        }
      }
      if (node.type === 'operator_declaration' || node.type === 'conversion_operator_declaration' || node.type === 'indexer_declaration') {
        nameNode = undefined;
      }
      const first = head[0];
      if (first && first !== nameNode && first.type !== 'explicit_interface_specifier') returnTypeNode = first;
    } else if (head.length > 0 && !sawParamList && head[head.length - 1].type === 'identifier') {
      // `x => ...` where the grammar gives the parameter as a plain identifier.
      const p = head[head.length - 1];
      params = [this.parameter(p, this.text(p))];
    } else if (head.length > 0) returnTypeNode = head[0];
    let name: string | undefined;
    if (nameNode) name = this.text(nameNode);
    else if (node.type === 'operator_declaration') name = `operator ${operator}`;
    else if (node.type === 'conversion_operator_declaration') name = 'operator';
    else if (node.type === 'indexer_declaration') name = 'this';
    if (node.type === 'destructor_declaration' && name) name = `~${name}`;
    let body = accessorBody ?? (bodyNode && bodyNode.type !== 'accessor_list' ? this.lower(bodyNode) : undefined);
    if (ctorInit) {
      // `: base(x)` / `: this(x)` runs first: a call at the start of the body.
      const keyword = ctorInit.children.find((c) => c.type === 'base' || c.type === 'this');
      const argsNode = ctorInit.children.find((c) => c.type === 'argument_list');
      const call = this.call(ctorInit, keyword ? this.name(keyword, keyword.type) : this.other(ctorInit, []), argsNode ? this.args(argsNode) : []);
      if (body?.kind === 'block') body.body.unshift(call);
      else body = this.block({ start: ctorInit.start, end: bodyNode?.end ?? ctorInit.end }, body ? [call, body] : [call]);
    }
    return this.function(node, {
      name,
      params,
      body,
      decorators,
      returnType: returnTypeNode ? this.text(returnTypeNode) : undefined,
      isAsync,
      isMethod: !isLambda && node.type !== 'local_function_statement',
      isLambda,
      bodyStart: bodyNode ? bodyNode.start : node.end,
    });
  }

  private params(list: RawNode): Parameter[] {
    const out: Parameter[] = [];
    const children = list.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (c.type === 'parameter') out.push(this.lowerParameter(c));
      else if (c.type === 'params') {
        // The grammar flattens `params T[] xs` into the list: `params`, type, name.
        let type: RawNode | undefined;
        let nameNode: RawNode | undefined;
        let j = i + 1;
        for (; j < children.length && children[j].type !== ',' && children[j].type !== ')'; j++) {
          if (!children[j].named) continue;
          if (!type) type = children[j];
          else nameNode = children[j];
        }
        const last = children[j - 1] ?? c;
        const name = nameNode ? this.text(nameNode) : type ? this.text(type) : '';
        out.push(this.parameter({ start: c.start, end: last.end }, name, nameNode && type ? this.text(type) : undefined));
        i = j - 1;
      }
    }
    return out;
  }

  private lowerParameter(node: RawNode): Parameter {
    const decorators: CallNode[] = [];
    const before: RawNode[] = [];
    let defaultValue: IrNode | undefined;
    let seenEq = false;
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === '=') seenEq = true;
        continue;
      }
      if (c.type === 'attribute_list') this.attributes(c, decorators);
      else if (c.type === 'modifier') continue;
      else if (seenEq) defaultValue ??= this.lower(c);
      else before.push(c);
    }
    const nameNode = before[before.length - 1];
    const typeNode = before.length > 1 ? before[0] : undefined;
    return this.parameter(node, nameNode ? this.text(nameNode) : '', typeNode ? this.text(typeNode) : undefined, decorators, defaultValue);
  }

  /** The attributes of an `attribute_list` (or `global_attribute`) as decorator calls. */
  private attributes(list: RawNode, out: CallNode[] = []): CallNode[] {
    for (const c of list.children) if (c.type === 'attribute') out.push(this.lowerAttribute(c));
    return out;
  }

  private lowerAttribute(node: RawNode): CallNode {
    const nameNode = node.children.find((c) => c.named && c.type !== 'attribute_argument_list');
    const argList = node.children.find((c) => c.type === 'attribute_argument_list');
    const args: Argument[] = [];
    for (const a of argList ? argList.children : []) {
      if (a.type !== 'attribute_argument') continue;
      const ps = parts(a);
      const first = ps[0];
      if (!first) continue;
      if (ps.length === 1 && first.type === 'assignment_expression' && firstToken(first) === '=') {
        // `Policy = "x"`: a named property argument.
        const [left, right] = [firstPart(first), lastPart(first)];
        if (left && right && left !== right) {
          args.push(this.argument(a, this.lowerRequired(right), this.text(left)));
          continue;
        }
      }
      if (ps.length >= 2 && a.children.some((c) => c.type === ':' || c.type === '=')) {
        args.push(this.argument(a, this.lowerRequired(ps[ps.length - 1]), this.text(first)));
        continue;
      }
      args.push(this.argument(a, this.lowerRequired(ps[ps.length - 1])));
    }
    return this.decorator(node, nameNode ? this.typeName(nameNode) : this.other(node, []), args);
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
        continue;
      }
      if (seenElse) alternate ??= c;
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

  private lowerLoop(node: RawNode): IrNode {
    const ps = parts(node);
    let bodyNode: RawNode | undefined;
    let testNode: RawNode | undefined;
    if (node.type === 'do_statement') {
      bodyNode = ps[0];
      testNode = partAfter(node, '(');
    } else if (node.type === 'while_statement') {
      testNode = ps[0];
      bodyNode = ps[ps.length - 1];
    } else {
      // for (init; test; update) body: the test sits between the two `;`.
      bodyNode = ps[ps.length - 1];
      let semis = 0;
      for (const c of node.children) {
        if (!c.named) {
          if (c.type === ';') semis++;
        } else if (semis === 1 && c !== bodyNode) {
          testNode = c;
          break;
        }
      }
    }
    return this.loop(node, {
      test: testNode && testNode !== bodyNode ? this.lower(testNode) : undefined,
      body: bodyNode ? this.lowerRequired(bodyNode) : this.other(node, []),
    });
  }

  private lowerForeach(node: RawNode): IrNode {
    let variable: RawNode | undefined;
    let iterable: RawNode | undefined;
    let seenIn = false;
    const ps: RawNode[] = [];
    for (const c of node.children) {
      if (!c.named) {
        if (c.type === 'in') seenIn = true;
        continue;
      }
      ps.push(c);
      if (!seenIn) variable = c;
      else iterable ??= c;
    }
    const bodyNode = ps[ps.length - 1];
    return this.loop(node, {
      variable: variable ? this.text(variable) : undefined,
      iterable: iterable && iterable !== bodyNode ? this.lower(iterable) : undefined,
      body: bodyNode ? this.lowerRequired(bodyNode) : this.other(node, []),
    });
  }

  private lowerTry(node: RawNode): IrNode {
    let body: IrNode | undefined;
    let finalizer: IrNode | undefined;
    const handlers: CatchClause[] = [];
    for (const c of node.children) {
      if (c.type === 'block') body ??= this.lower(c);
      else if (c.type === 'finally_clause') {
        const block = c.children.find((b) => b.type === 'block');
        finalizer = block ? this.lower(block) : undefined;
      } else if (c.type === 'catch_clause') handlers.push(this.lowerCatch(c));
    }
    return this.try(node, body ?? this.other(node, []), handlers, finalizer);
  }

  private lowerCatch(node: RawNode): CatchClause {
    let param: string | undefined;
    const types: string[] = [];
    let filter: RawNode | undefined;
    let block: RawNode | undefined;
    for (const c of node.children) {
      if (c.type === 'catch_declaration') {
        const ps = parts(c);
        if (ps[0]) types.push(this.text(ps[0]));
        if (ps[1]) param = this.text(ps[1]);
      } else if (c.type === 'catch_filter_clause') filter = firstPart(c);
      else if (c.type === 'block') block = c;
    }
    let body: IrNode = block ? this.lowerRequired(block) : this.other(node, []);
    if (filter) {
      // `catch (E e) when (cond) { ... }`: the handler runs only when the filter holds.
      body = this.if({ start: filter.start, end: block?.end ?? filter.end }, this.lowerRequired(filter), body, undefined);
    }
    return this.catchClause(node, param, types, body);
  }

  private lowerSwitch(node: RawNode): IrNode {
    const switchBody = node.children.find((c) => c.type === 'switch_body');
    let value: RawNode | undefined;
    for (const c of node.children) {
      if (c.named && c !== switchBody) {
        value = c;
        break;
      }
    }
    const cases: SwitchCase[] = [];
    for (const section of switchBody ? switchBody.children : []) {
      if (section.type !== 'switch_section') continue;
      const tests: IrNode[] = [];
      const statements: RawNode[] = [];
      let inLabel = false;
      for (const c of section.children) {
        if (!c.named) {
          if (c.type === 'case') inLabel = true;
          else if (c.type === ':') inLabel = false;
          continue;
        }
        if (inLabel) {
          const t = c.type === 'when_clause' ? this.other(c) : this.lower(c);
          if (t) tests.push(t);
        } else statements.push(c);
      }
      cases.push(this.switchCase(section, tests, this.lowerStatements(statements)));
    }
    return this.switch(node, value ? this.lowerRequired(value) : this.other(node, []), cases);
  }

  private lowerSwitchExpression(node: RawNode): IrNode {
    let value: RawNode | undefined;
    const cases: SwitchCase[] = [];
    for (const c of node.children) {
      if (!c.named) continue;
      if (c.type !== 'switch_expression_arm') {
        value ??= c;
        continue;
      }
      const tests: IrNode[] = [];
      let result: IrNode | undefined;
      let seenArrow = false;
      for (const p of c.children) {
        if (!p.named) {
          if (p.type === '=>') seenArrow = true;
          continue;
        }
        if (seenArrow) result = this.lower(p);
        else if (p.type === 'when_clause') tests.push(this.other(p));
        else if (p.type !== 'discard') {
          const t = this.lower(p);
          if (t) tests.push(t);
        }
      }
      cases.push(this.switchCase(c, tests, result ? [result] : []));
    }
    return this.switch(node, value ? this.lowerRequired(value) : this.other(node, []), cases);
  }

  /* ---------- expressions ---------- */

  private lowerInvocation(node: RawNode): IrNode {
    const calleeNode = firstPart(node);
    const argsNode = node.children.find((c) => c.type === 'argument_list');
    return this.call(node, calleeNode && calleeNode !== argsNode ? this.lowerRequired(calleeNode) : this.other(node, []), argsNode ? this.args(argsNode) : []);
  }

  private args(list: RawNode): Argument[] {
    const out: Argument[] = [];
    for (const a of list.children) {
      if (a.type !== 'argument') continue;
      const valueNode = lastPart(a);
      if (!valueNode) continue;
      const value = this.lowerRequired(valueNode);
      let name: string | undefined;
      if (a.children.some((c) => c.type === ':')) {
        const first = firstPart(a);
        if (first && first !== valueNode) name = this.text(first);
      }
      out.push(this.argument(a, value, name));
    }
    return out;
  }

  private lowerNew(node: RawNode, declaredType?: string): CallNode {
    let callee: IrNode | undefined;
    let args: Argument[] = [];
    let initializer: CallNode['initializer'];
    for (const c of node.children) {
      if (!c.named) continue;
      if (c.type === 'argument_list') args = this.args(c);
      else if (c.type === 'initializer_expression') initializer = this.lowerInitializer(c);
      else callee ??= this.typeName(c);
    }
    if (!callee) {
      // `new() { ... }`: the declared type, when known.
      if (declaredType) {
        const name = stripTypeArgs(declaredType);
        callee = this.name({ start: node.start, end: node.start + 3 }, name);
      } else callee = this.other({ ...node, type: 'implicit_type', end: node.start + 3 }, []);
    }
    const call = this.call(node, callee, args, true);
    if (initializer) call.initializer = initializer;
    return call;
  }

  /**
   * `{ A = 1, ["k"] = 2 }` → object; `{ "a", "b" }` and `{ { "k", 1 } }` → array (with `assign`
   * nodes for any `A = 1` mixed in).
   */
  private lowerInitializer(node: RawNode): IrNode & { kind: 'object' | 'array' } {
    const elements = parts(node);
    let allAssignments = elements.length > 0;
    for (const e of elements) {
      if (e.type !== 'assignment_expression' || firstToken(e) !== '=') {
        allAssignments = false;
        break;
      }
    }
    if (!allAssignments) return this.lowerArray(node, node);
    const properties: Property[] = [];
    for (const e of elements) {
      const [left, right] = [firstPart(e), lastPart(e)];
      if (!left || !right || left === right) continue;
      properties.push(this.property(this.keyText(left), left, this.lowerRequired(right), e));
    }
    return this.object(node, properties);
  }

  /** An array from the element-like children of `list` (`argument` wrappers are unwrapped). */
  private lowerArray(list: RawNode, whole: RawNode): IrNode & { kind: 'array' } {
    const elements: IrNode[] = [];
    for (const c of list.children) {
      if (!c.named && c.type !== 'this' && c.type !== 'base') continue;
      const lowered = this.lower(c);
      if (lowered) elements.push(lowered);
    }
    return this.array(whole, elements);
  }

  /** `new { error = "x", p.Name }` and `with { A = 1 }`: `Name = value` pairs or projections. */
  private lowerAnonymousObject(node: RawNode): IrNode & { kind: 'object' } {
    const properties: Property[] = [];
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (!c.named && c.type !== 'this') continue;
      const next = children[i + 1];
      if (c.type === 'identifier' && next && next.type === '=') {
        let j = i + 2;
        while (j < children.length && !children[j].named && children[j].type !== 'this' && children[j].type !== 'base') j++;
        const valueNode = children[j];
        if (valueNode) {
          properties.push(this.property(this.text(c), c, this.lowerRequired(valueNode), { start: c.start, end: valueNode.end }));
        }
        i = j;
        continue;
      }
      // Projection initializer: the key is the member's name.
      const value = this.lowerRequired(c);
      const key = value.kind === 'member' ? value.property : value.kind === 'name' ? value.name : this.text(c);
      const keyStart = value.kind === 'member' ? value.propertyStart : c.start;
      properties.push(this.property(key, { start: keyStart, end: keyStart + key.length }, value, c));
    }
    return this.object(node, properties);
  }

  private lowerPropertyPattern(node: RawNode): IrNode {
    const properties: Property[] = [];
    for (const sub of node.children) {
      if (sub.type !== 'subpattern') continue;
      const ps = parts(sub);
      if (ps.length >= 2) {
        properties.push(this.property(this.text(ps[0]), ps[0], this.lowerRequired(ps[ps.length - 1]), sub));
      } else if (ps.length === 1) {
        properties.push(this.property('', sub, this.lowerRequired(ps[0]), sub));
      }
    }
    return this.object(node, properties);
  }

  private lowerMember(node: RawNode): IrNode {
    const object = firstPart(node);
    const property = lastPart(node);
    if (!object || !property || object === property) return this.other(node);
    const name = property.type === 'generic_name' ? stripTypeArgs(this.text(property)) : this.text(property);
    return this.member(node, this.lowerRequired(object), name, property.start);
  }

  /** `a?.B` → member, `a?[i]` → index. */
  private lowerConditionalAccess(node: RawNode): IrNode {
    const objectNode = firstPart(node);
    const binding = lastPart(node);
    if (!objectNode || !binding || objectNode === binding) return this.other(node);
    const object = this.lowerRequired(objectNode);
    if (binding.type === 'member_binding_expression') {
      const nameNode = lastPart(binding);
      if (nameNode) {
        const name = nameNode.type === 'generic_name' ? stripTypeArgs(this.text(nameNode)) : this.text(nameNode);
        return this.member(node, object, name, nameNode.start);
      }
    } else if (binding.type === 'element_binding_expression') {
      return this.index(node, object, this.lowerIndexArgs(binding));
    }
    return this.other(node, [object, this.lowerRequired(binding)]);
  }

  /** The index of `a[i]`; several indices (`a[i, j]`) become an array. */
  private lowerIndexArgs(list: RawNode): IrNode {
    const args = this.args(list);
    if (args.length === 1) return args[0].value;
    return this.array(list, args.map((a) => a.value));
  }

  /**
   * `x is P` / `x is not P`. The grammar parses `x is null && y` as `x is (null && y)`; a constant
   * pattern holding an operator looser than `is` is rotated back into `(x is null) && y`.
   */
  private lowerIsPattern(node: RawNode): IrNode {
    const subjectNode = firstPart(node);
    let pattern = lastPart(node);
    if (!subjectNode || !pattern || subjectNode === pattern) return this.other(node);
    let operator = 'is';
    if (pattern.type === 'negated_pattern') {
      const inner = firstPart(pattern);
      if (inner) {
        operator = 'is not';
        pattern = inner;
      }
    }
    const subject = this.lowerRequired(subjectNode);
    if (pattern.type === 'constant_pattern') {
      const constant = firstPart(pattern);
      if (constant) return this.isChain(subject, operator, constant, node.start);
    }
    return this.binary(node, operator, subject, this.lowerRequired(pattern));
  }

  private isChain(subject: IrNode, operator: string, expr: RawNode, start: number): IrNode {
    if (expr.type === 'binary_expression') {
      const op = firstToken(expr) ?? '';
      const [left, right] = [firstPart(expr), lastPart(expr)];
      if (LOOSER_THAN_IS.has(op) && left && right && left !== right) {
        return this.binary({ start, end: expr.end }, op, this.isChain(subject, operator, left, start), this.lowerRequired(right));
      }
    }
    return this.binary({ start, end: expr.end }, operator, subject, this.lowerRequired(expr));
  }

  /** `from x in xs where c select e` → a comprehension loop; other query shapes stay `other`. */
  private lowerQuery(node: RawNode): IrNode {
    const clauses = parts(node);
    const from = clauses[0];
    const select = clauses[clauses.length - 1];
    if (clauses.length < 2 || from.type !== 'from_clause' || select.type !== 'select_clause') return this.other(node);
    let test: IrNode | undefined;
    for (let i = 1; i < clauses.length - 1; i++) {
      if (clauses[i].type !== 'where_clause') return this.other(node);
      const condNode = firstPart(clauses[i]);
      if (!condNode) continue;
      const cond = this.lowerRequired(condNode);
      test = test ? this.binary({ start: test.start, end: cond.end }, '&&', test, cond) : cond;
    }
    const iterableNode = partAfter(from, 'in');
    let variable: RawNode | undefined;
    for (const c of from.children) {
      if (c.type === 'in') break;
      if (c.named) variable = c;
    }
    const bodyNode = firstPart(select);
    return this.loop(node, {
      variable: variable ? this.text(variable) : undefined,
      iterable: iterableNode ? this.lower(iterableNode) : undefined,
      test,
      body: bodyNode ? this.lowerRequired(bodyNode) : this.other(select, []),
      comprehension: true,
    });
  }

  /** A type or name in callee position: `List<T>` → `List`, `A.B` → member chain, others as text. */
  private typeName(node: RawNode): IrNode {
    if (node.type === 'qualified_name') {
      const qualifier = firstPart(node);
      const last = lastPart(node);
      if (qualifier && last && qualifier !== last) {
        const property = last.type === 'generic_name' ? stripTypeArgs(this.text(last)) : this.text(last);
        return this.member(node, this.typeName(qualifier), property, last.start);
      }
    }
    if (node.type === 'generic_name') {
      const name = stripTypeArgs(this.text(node));
      return this.name({ start: node.start, end: node.start + name.length }, name);
    }
    return this.name(node);
  }

  /** A member / initializer key: identifiers as written, `["key"]` decoded. */
  private keyText(node: RawNode): string {
    if (node.type === 'element_binding_expression' || node.type === 'bracketed_argument_list') {
      const arg = node.children.find((c) => c.type === 'argument');
      const inner = arg ? lastPart(arg) : undefined;
      if (inner && isStringLiteral(inner.type)) return this.stringValue(inner);
      return inner ? this.text(inner) : this.text(node);
    }
    if (isStringLiteral(node.type)) return this.stringValue(node);
    return this.text(node);
  }

  /* ---------- strings ---------- */

  private stringValue(node: RawNode): string {
    let text = this.text(node);
    switch (node.type) {
      case 'character_literal':
        return decodeEscapes(text.slice(1, -1), CSHARP_ESCAPES);
      case 'string_literal':
        if (text.endsWith('u8') || text.endsWith('U8')) text = text.slice(0, -2);
        return decodeEscapes(text.slice(1, -1), CSHARP_ESCAPES);
      case 'verbatim_string_literal':
        if (text.endsWith('u8') || text.endsWith('U8')) text = text.slice(0, -2);
        return text.slice(2, -1).replaceAll('""', '"');
      case 'raw_string_literal': {
        if (text.endsWith('u8') || text.endsWith('U8')) text = text.slice(0, -2);
        let quotes = 0;
        while (quotes < text.length && text.charCodeAt(quotes) === 34) quotes++;
        return dedentRaw(text.slice(quotes, Math.max(quotes, text.length - quotes)));
      }
      default:
        return text;
    }
  }

  private lowerInterpolated(node: RawNode): IrNode {
    const children = node.children;
    const startToken = children[0];
    const opening = children[1];
    const closing = children[children.length - 1];
    if (!startToken || !opening || closing === opening) return this.other(node);
    const prefix = this.text(startToken);
    const raw = opening.type === 'interpolation_quote' && opening.end - opening.start >= 3;
    const verbatim = !raw && prefix.includes('@');
    const decode = (segment: string): string => {
      if (raw) return segment;
      const s = decodeBraces(segment);
      return verbatim ? (s.includes('""') ? s.replaceAll('""', '"') : s) : decodeEscapes(s, CSHARP_ESCAPES);
    };
    let value = '';
    let interpolated = false;
    let cursor = opening.end;
    const holes: IrNode[] = [];
    for (let i = 2; i < children.length - 1; i++) {
      const part = children[i];
      if (part.type !== 'interpolation') continue;
      value += decode(this.source.slice(cursor, part.start));
      value += '…';
      interpolated = true;
      cursor = part.end;
      for (const h of part.children) {
        if (!h.named && h.type !== 'this' && h.type !== 'base') continue;
        const lowered = this.lower(h);
        if (lowered) holes.push(lowered);
      }
    }
    value += decode(this.source.slice(cursor, Math.max(cursor, closing.start)));
    if (raw) value = dedentRaw(value);
    const str = this.str(node, value, interpolated);
    if (holes.length === 0) return str;
    return this.other(node, [str, ...holes]);
  }
}

function isStringLiteral(type: string): boolean {
  return type === 'string_literal' || type === 'verbatim_string_literal' || type === 'raw_string_literal';
}

/** `List<string>` → `List`. */
function stripTypeArgs(text: string): string {
  const lt = text.indexOf('<');
  return lt < 0 ? text : text.slice(0, lt).trimEnd();
}

/**
 * Multi-line raw strings: drop the first line break and the closing line, and remove the closing
 * line's indentation from every line.
 */
function dedentRaw(content: string): string {
  const firstBreak = content.indexOf('\n');
  if (firstBreak < 0 || content.slice(0, firstBreak).trim() !== '') return content;
  const lastBreak = content.lastIndexOf('\n');
  const indent = content.slice(lastBreak + 1);
  if (indent.trim() !== '') return content.slice(firstBreak + 1);
  let body = content.slice(firstBreak + 1, lastBreak > firstBreak ? lastBreak : firstBreak + 1);
  if (body.endsWith('\r')) body = body.slice(0, -1);
  if (indent.length === 0) return body;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i].startsWith(indent)) lines[i] = lines[i].slice(indent.length);
  return lines.join('\n');
}
