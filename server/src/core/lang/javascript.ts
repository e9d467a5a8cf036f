/**
 * Lowering for TypeScript, TSX and JavaScript (one grammar family).
 */
import type {
  Argument,
  CallNode,
  CatchClause,
  ClassNode,
  EnumMember,
  FunctionNode,
  ImportBinding,
  IrNode,
  LoweredCode,
  Parameter,
  Property,
  SwitchCase,
  VariableNode,
} from '../ir';
import { linkParents } from '../ir';
import { decodeEscapes, JAVASCRIPT_ESCAPES } from './escapes';
import { Lowering, parseNumber, elision, LowerOptions } from './lowering';
import { childOfType, GrammarName, named, parseRaw, RawNode } from './treesitter';

const LEAF_TYPES: ReadonlySet<string> = new Set([
  'string',
  'regex',
  'type_annotation',
  'type_arguments',
  'type_parameters',
  'type_identifier',
  'predefined_type',
  'generic_type',
  'union_type',
  'object_type',
  'interface_declaration',
  'type_alias_declaration',
  'jsx_text',
]);
const COMMENT_TYPES: ReadonlySet<string> = new Set(['comment', 'html_comment']);

const FUNCTION_TYPES = new Set([
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'function',
  'generator_function',
  'arrow_function',
  'method_definition',
  'method_signature',
  'abstract_method_signature',
  'function_signature',
]);

const BODY_TYPES: ReadonlySet<string> = new Set(['statement_block']);

export async function lowerJavaScriptFamily(grammar: GrammarName & ('typescript' | 'tsx' | 'javascript'), text: string, options: LowerOptions = {}): Promise<LoweredCode> {
  const raw = await parseRaw(grammar, text, { leafTypes: LEAF_TYPES, commentTypes: COMMENT_TYPES, elide: elision(FUNCTION_TYPES, BODY_TYPES, options) });
  const lowering = new JavaScriptLowering(text);
  const root = lowering.lowerProgram(raw.root);
  linkParents(root);
  return { language: grammar, root, comments: raw.comments, syntaxErrors: raw.errors };
}

class JavaScriptLowering extends Lowering {
  lowerProgram(node: RawNode) {
    return this.block(node, this.lowerStatements(node.children));
  }

  /** Lowers a statement list, attaching loose decorators (class bodies, exports) to what follows them. */
  private lowerStatements(children: RawNode[]): IrNode[] {
    const out: IrNode[] = [];
    let pending: CallNode[] = [];
    for (const child of children) {
      if (!child.named) continue;
      if (child.type === 'decorator') {
        pending.push(this.lowerDecorator(child));
        continue;
      }
      const lowered = this.lower(child);
      if (!lowered) continue;
      if (pending.length > 0) {
        attachDecorators(lowered, pending);
        pending = [];
      }
      out.push(lowered);
    }
    return out;
  }

  lower(node: RawNode): IrNode | undefined {
    if (FUNCTION_TYPES.has(node.type)) return this.lowerFunction(node);
    switch (node.type) {
      case 'program':
      case 'statement_block':
      case 'class_static_block':
        return this.block(node, this.lowerStatements(node.children));
      case 'expression_statement':
      case 'parenthesized_expression':
      case 'as_expression':
      case 'satisfies_expression':
      case 'non_null_expression':
      case 'jsx_expression':
      case 'spread_element':
      case 'computed_property_name': {
        const inner = named(node)[0];
        return inner ? this.lower(inner) : undefined;
      }
      case 'labeled_statement':
      case 'type_assertion': {
        const inner = named(node).at(-1);
        return inner ? this.lower(inner) : undefined;
      }
      case 'public_field_definition':
      case 'field_definition':
        return this.lowerField(node);
      case 'lexical_declaration':
      case 'variable_declaration':
        return this.lowerDeclaration(node);
      case 'export_statement':
        return this.lowerExport(node);
      case 'class_declaration':
      case 'abstract_class_declaration':
      case 'class':
        return this.lowerClass(node);
      case 'enum_declaration':
        return this.lowerEnum(node);
      case 'import_statement':
        return this.lowerImport(node);
      case 'if_statement':
        return this.lowerIf(node);
      case 'for_statement':
      case 'while_statement':
      case 'do_statement':
      case 'for_in_statement':
        return this.lowerLoop(node);
      case 'try_statement':
        return this.lowerTry(node);
      case 'switch_statement':
        return this.lowerSwitch(node);
      case 'return_statement':
      case 'throw_statement': {
        const valueNode = named(node)[0];
        const value = valueNode ? this.lower(valueNode) : undefined;
        return node.type === 'return_statement' ? this.return(node, value) : this.throw(node, value);
      }
      case 'break_statement':
        return this.jump('break', node);
      case 'continue_statement':
        return this.jump('continue', node);
      case 'empty_statement':
      case 'debugger_statement':
      case 'interface_declaration':
      case 'type_alias_declaration':
      case 'ambient_declaration':
      case 'hash_bang_line':
        return undefined;
      case 'call_expression':
        return this.lowerCall(node);
      case 'new_expression':
        return this.lowerNew(node);
      case 'member_expression': {
        const [object, property] = [named(node)[0], named(node).at(-1)!];
        return this.member(node, this.lowerRequired(object), this.text(property), property.start);
      }
      case 'subscript_expression': {
        const parts = named(node);
        return this.index(node, this.lowerRequired(parts[0]), this.lowerRequired(parts[parts.length - 1]));
      }
      case 'identifier':
      case 'property_identifier':
      case 'private_property_identifier':
      case 'shorthand_property_identifier':
      case 'shorthand_property_identifier_pattern':
      case 'type_identifier':
      case 'this':
      case 'super':
        return this.name(node);
      case 'undefined':
      case 'null':
        return this.null(node);
      case 'true':
      case 'false':
        return this.boolean(node, node.type === 'true');
      case 'number': {
        const raw = this.text(node);
        return this.number(node, parseNumber(raw), raw);
      }
      case 'string':
        return this.str(node, decodeEscapes(this.text(node).slice(1, -1), JAVASCRIPT_ESCAPES));
      case 'template_string':
        return this.lowerTemplate(node);
      case 'array':
        return this.array(node, this.lowerNamed(node));
      case 'object':
        return this.lowerObject(node);
      case 'binary_expression':
        return this.lowerBinary(node);
      case 'unary_expression':
      case 'update_expression':
      case 'await_expression': {
        const operand = named(node)[0];
        const operator = node.type === 'await_expression' ? 'await' : node.children.find((c) => !c.named)?.type ?? '';
        return this.unary(node, operator, this.lowerRequired(operand));
      }
      case 'ternary_expression': {
        const [test, consequent, alternate] = named(node);
        return this.conditional(node, this.lowerRequired(test), this.lowerRequired(consequent), this.lowerRequired(alternate));
      }
      case 'assignment_expression':
      case 'augmented_assignment_expression': {
        const parts = named(node);
        const operator = node.children.find((c) => !c.named)?.type ?? '=';
        return this.assign(node, this.lowerRequired(parts[0]), operator, this.lowerRequired(parts[parts.length - 1]));
      }
      case 'decorator':
        return this.lowerDecorator(node);
      default:
        return this.other(node);
    }
  }

  private lowerDeclaration(node: RawNode): IrNode | undefined {
    const isConstant = node.children.some((c) => !c.named && c.type === 'const');
    const variables: VariableNode[] = [];
    for (const declarator of node.children) {
      if (declarator.type !== 'variable_declarator') continue;
      const [nameNode, ...rest] = named(declarator);
      const valueNode = rest.find((c) => c.type !== 'type_annotation');
      const type = childOfType(declarator, 'type_annotation');
      variables.push(
        this.variable(declarator, {
          name: this.text(nameNode),
          nameStart: nameNode.start,
          type: type ? this.text(type).replace(/^:\s*/, '') : undefined,
          value: valueNode ? this.lower(valueNode) : undefined,
          isConstant,
          isField: false,
        }),
      );
    }
    if (variables.length === 1) {
      variables[0].start = node.start;
      variables[0].end = node.end;
      return variables[0];
    }
    return variables.length === 0 ? undefined : this.other(node, variables);
  }

  private lowerExport(node: RawNode): IrNode | undefined {
    const decorators = node.children.filter((c) => c.type === 'decorator').map((d) => this.lowerDecorator(d));
    const inner = named(node).filter((c) => c.type !== 'decorator' && c.type !== 'export_clause' && c.type !== 'string');
    if (inner.length === 0) return undefined;
    const lowered = this.lower(inner[inner.length - 1]);
    if (!lowered) return undefined;
    attachDecorators(lowered, decorators);
    lowered.start = node.start;
    return lowered;
  }

  private lowerClass(node: RawNode): ClassNode {
    const nameNode = childOfType(node, 'type_identifier', 'identifier');
    const bases: string[] = [];
    const heritage = childOfType(node, 'class_heritage');
    for (const clause of heritage ? named(heritage) : []) {
      for (const base of named(clause)) bases.push(this.text(base));
    }
    const body = childOfType(node, 'class_body');
    const members = body ? this.lowerStatements(body.children) : [];
    const decorators = node.children.filter((c) => c.type === 'decorator').map((d) => this.lowerDecorator(d));
    return this.class(node, { name: nameNode ? this.text(nameNode) : '', bases, decorators, members });
  }

  private lowerField(node: RawNode): VariableNode {
    const decorators = node.children.filter((c) => c.type === 'decorator').map((d) => this.lowerDecorator(d));
    const nameNode = named(node).find((c) => ['property_identifier', 'private_property_identifier', 'string', 'computed_property_name'].includes(c.type));
    const eq = node.children.findIndex((c) => !c.named && c.type === '=');
    const valueNode = eq >= 0 ? node.children.slice(eq + 1).find((c) => c.named) : undefined;
    const type = childOfType(node, 'type_annotation');
    return this.variable(node, {
      name: nameNode ? this.keyText(nameNode) : '',
      nameStart: nameNode?.start ?? node.start,
      type: type ? this.text(type).replace(/^:\s*/, '') : undefined,
      value: valueNode ? this.lower(valueNode) : undefined,
      isConstant: node.children.some((c) => c.type === 'readonly'),
      isField: true,
      decorators,
    });
  }

  private lowerEnum(node: RawNode): IrNode {
    const nameNode = childOfType(node, 'identifier');
    const body = childOfType(node, 'enum_body');
    const members: EnumMember[] = [];
    for (const m of body ? named(body) : []) {
      if (m.type === 'enum_assignment') {
        const [key, value] = named(m);
        members.push(this.enumMember(m, this.keyText(key), value ? this.lower(value) : undefined));
      } else members.push(this.enumMember(m, this.keyText(m), undefined));
    }
    return this.enum(node, nameNode ? this.text(nameNode) : '', members);
  }

  private lowerImport(node: RawNode): IrNode | undefined {
    const source = childOfType(node, 'string');
    const names: ImportBinding[] = [];
    const clause = childOfType(node, 'import_clause');
    for (const part of clause ? named(clause) : []) {
      if (part.type === 'identifier') names.push({ imported: 'default', local: this.text(part) });
      else if (part.type === 'namespace_import') {
        const id = childOfType(part, 'identifier');
        if (id) names.push({ imported: '*', local: this.text(id) });
      } else if (part.type === 'named_imports') {
        for (const spec of named(part)) {
          const ids = named(spec);
          if (ids.length === 0) continue;
          names.push({ imported: this.keyText(ids[0]), local: this.keyText(ids[ids.length - 1]) });
        }
      }
    }
    const requireClause = childOfType(node, 'import_require_clause');
    if (requireClause) {
      const [id, src] = named(requireClause);
      if (id && src) {
        names.push({ imported: '*', local: this.text(id) });
        return this.import(node, this.text(src).slice(1, -1), names);
      }
    }
    if (!source) return undefined;
    return this.import(node, this.text(source).slice(1, -1), names);
  }

  private lowerIf(node: RawNode): IrNode {
    const parts = named(node);
    const elseClause = parts.find((p) => p.type === 'else_clause');
    const [condition, consequence] = parts;
    const alternate = elseClause ? named(elseClause)[0] : undefined;
    return this.if(node, this.lowerRequired(condition), this.lowerRequired(consequence), alternate ? this.lower(alternate) : undefined);
  }

  private lowerLoop(node: RawNode): IrNode {
    const parts = named(node);
    const bodyNode = node.type === 'do_statement' ? parts[0] : parts[parts.length - 1];
    const body = this.lowerRequired(bodyNode);
    if (node.type === 'for_in_statement') {
      const left = parts[0];
      const right = parts[parts.length - 2];
      return this.loop(node, { variable: left ? this.text(left) : undefined, iterable: right ? this.lower(right) : undefined, body });
    }
    const testNode =
      node.type === 'for_statement'
        ? parts.find((p, i) => i > 0 && i < parts.length - 1 && p.type === 'expression_statement')
        : node.type === 'do_statement'
          ? parts[1]
          : parts[0];
    return this.loop(node, { test: testNode ? this.lower(testNode) : undefined, body });
  }

  private lowerTry(node: RawNode): IrNode {
    const body = childOfType(node, 'statement_block');
    const handlers: CatchClause[] = [];
    for (const c of node.children) {
      if (c.type !== 'catch_clause') continue;
      const param = named(c).find((p) => p.type !== 'statement_block' && p.type !== 'type_annotation');
      const type = childOfType(c, 'type_annotation');
      const block = childOfType(c, 'statement_block');
      handlers.push(
        this.catchClause(
          c,
          param ? this.text(param) : undefined,
          type ? [this.text(type).replace(/^:\s*/, '')] : [],
          block ? this.lowerRequired(block) : this.other(c, []),
        ),
      );
    }
    const finallyClause = childOfType(node, 'finally_clause');
    const finalBlock = finallyClause ? childOfType(finallyClause, 'statement_block') : undefined;
    return this.try(node, body ? this.lowerRequired(body) : this.other(node, []), handlers, finalBlock ? this.lower(finalBlock) : undefined);
  }

  private lowerSwitch(node: RawNode): IrNode {
    const [value, body] = named(node);
    const cases: SwitchCase[] = [];
    for (const c of body ? named(body) : []) {
      if (c.type !== 'switch_case' && c.type !== 'switch_default') continue;
      const parts = named(c);
      const tests = c.type === 'switch_case' && parts.length > 0 ? [this.lowerRequired(parts[0])] : [];
      const statements = c.type === 'switch_case' ? parts.slice(1) : parts;
      cases.push(this.switchCase(c, tests, this.lowerStatements(statements)));
    }
    return this.switch(node, this.lowerRequired(value), cases);
  }

  private lowerCall(node: RawNode): CallNode {
    const parts = named(node);
    const calleeNode = parts[0];
    const argsNode = parts.find((p) => p.type === 'arguments');
    let args: Argument[] = [];
    if (argsNode) args = this.positionalArgs(named(argsNode));
    else {
      const template = parts.find((p, i) => i > 0 && p.type === 'template_string');
      if (template) args = this.positionalArgs([template]);
    }
    return this.call(node, this.lowerRequired(calleeNode), args);
  }

  private lowerNew(node: RawNode): IrNode {
    const parts = named(node).filter((p) => p.type !== 'type_arguments');
    const argsNode = parts.find((p) => p.type === 'arguments');
    return this.call(node, this.lowerRequired(parts[0]), argsNode ? this.positionalArgs(named(argsNode)) : [], true);
  }

  private lowerDecorator(node: RawNode): CallNode {
    const inner = named(node)[0];
    if (inner?.type === 'call_expression') return this.callAsDecorator(this.lowerCall(inner), node);
    return this.decorator(node, inner ? this.lowerRequired(inner) : this.other(node, []), []);
  }

  private lowerTemplate(node: RawNode): IrNode {
    let value = '';
    let interpolated = false;
    let cursor = node.start + 1;
    const holes: IrNode[] = [];
    for (const part of node.children) {
      if (part.type !== 'template_substitution') continue;
      value += decodeEscapes(this.source.slice(cursor, part.start), JAVASCRIPT_ESCAPES);
      value += '…';
      interpolated = true;
      cursor = part.end;
      holes.push(...this.lowerNamed(part));
    }
    value += decodeEscapes(this.source.slice(cursor, node.end - 1), JAVASCRIPT_ESCAPES);
    const str = this.str(node, value, interpolated);
    return holes.length === 0 ? str : this.other(node, [str, ...holes]);
  }

  private lowerObject(node: RawNode): IrNode {
    const properties: Property[] = [];
    for (const p of named(node)) {
      if (p.type === 'pair') {
        const [key, value] = named(p);
        if (!key || !value) continue;
        properties.push(this.property(this.keyText(key), key, this.lowerRequired(value), p));
      } else if (p.type === 'shorthand_property_identifier') {
        properties.push(this.property(this.text(p), p, this.lowerRequired(p), p));
      } else if (p.type === 'method_definition') {
        const key = named(p).find((c) => c.type === 'property_identifier' || c.type === 'string' || c.type === 'computed_property_name');
        properties.push(this.property(key ? this.keyText(key) : '', key ?? p, this.lowerFunction(p), p));
      } else if (p.type === 'spread_element') {
        properties.push(this.property('...', p, this.lowerRequired(p), p));
      }
    }
    return this.object(node, properties);
  }

  private lowerBinary(node: RawNode): IrNode {
    const [left, right] = named(node);
    const operator = node.children.find((c) => !c.named)?.type ?? '';
    return this.binary(node, operator, this.lowerRequired(left), this.lowerRequired(right));
  }

  private lowerFunction(node: RawNode): FunctionNode {
    const parts = named(node);
    const nameNode = parts.find((p) =>
      ['identifier', 'property_identifier', 'private_property_identifier', 'string', 'computed_property_name'].includes(p.type),
    );
    const paramsNode = childOfType(node, 'formal_parameters');
    const params: Parameter[] = [];
    if (paramsNode) {
      for (const p of named(paramsNode)) params.push(this.lowerParameter(p));
    } else if (node.type === 'arrow_function' && nameNode?.type === 'identifier') {
      params.push(this.parameter(nameNode, this.text(nameNode)));
    }
    const bodyNode = node.type === 'arrow_function' ? parts[parts.length - 1] : childOfType(node, 'statement_block');
    const hasBody = bodyNode !== undefined && bodyNode !== nameNode && bodyNode !== paramsNode && bodyNode.type !== 'type_annotation';
    const returnType = childOfType(node, 'type_annotation');
    const isArrow = node.type === 'arrow_function';
    return this.function(node, {
      name: nameNode && !isArrow ? this.keyText(nameNode) : undefined,
      params,
      body: hasBody ? this.lower(bodyNode) : undefined,
      returnType: returnType ? this.text(returnType).replace(/^:\s*/, '') : undefined,
      isAsync: node.children.some((c) => !c.named && c.type === 'async'),
      isMethod: node.type === 'method_definition' || node.type === 'method_signature' || node.type === 'abstract_method_signature',
      isLambda: isArrow || node.type === 'function_expression' || node.type === 'function',
      bodyStart: hasBody ? bodyNode.start : node.end,
    });
  }

  private lowerParameter(node: RawNode): Parameter {
    const decorators = node.children.filter((c) => c.type === 'decorator').map((d) => this.lowerDecorator(d));
    const parts = named(node).filter((c) => c.type !== 'decorator' && c.type !== 'accessibility_modifier' && c.type !== 'override_modifier');
    const type = childOfType(node, 'type_annotation');
    let pattern = parts[0] ?? node;
    let defaultValue: IrNode | undefined;
    if (node.type === 'assignment_pattern') {
      pattern = parts[0];
      defaultValue = parts[1] ? this.lower(parts[1]) : undefined;
    } else {
      const eq = node.children.findIndex((c) => !c.named && c.type === '=');
      if (eq >= 0) {
        const valueNode = node.children.slice(eq + 1).find((c) => c.named);
        defaultValue = valueNode ? this.lower(valueNode) : undefined;
      }
    }
    if (node.type === 'identifier') pattern = node;
    return this.parameter(node, this.text(pattern), type ? this.text(type).replace(/^:\s*/, '') : undefined, decorators, defaultValue);
  }

  /** An object key or member name as text: identifiers as written, string keys decoded. */
  private keyText(node: RawNode): string {
    if (node.type === 'string') return decodeEscapes(this.text(node).slice(1, -1), JAVASCRIPT_ESCAPES);
    return this.text(node);
  }
}

function attachDecorators(node: IrNode, decorators: CallNode[]): void {
  if (decorators.length === 0) return;
  if (node.kind === 'function' || node.kind === 'class' || node.kind === 'variable' || node.kind === 'enum') {
    node.decorators = [...decorators, ...node.decorators];
    node.start = Math.min(node.start, decorators[0].start);
  }
}

