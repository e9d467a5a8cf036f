/**
 * Documents built up in code, read as a config tree: an object constructed in one function (a
 * constructor, an object literal, a C# initializer, a fluent builder) and then filled in by property
 * assignments (`doc.token_endpoint = ...`, `cs.Format = ...`), setters (`c.setTokenEndpoint(...)`),
 * adders (`cs.addFormat("json")`, `cs.addRest()`, `rest.Resource.Add(...)`, `list.push(...)`) and
 * getters that reach into it (`cs.getRestFirstRep().getSecurity()`). Keys are the JSON names as far
 * as the code shows them: setter and property names lose their `set`/`get`/`add` prefix and start in
 * lower case (`FhirVersion` → `fhirVersion`); snake-case keys are kept.
 *
 * Like `literal-tree.ts`, what the code does not say is kept apart: a mutation under a condition or
 * in a loop makes its container open, a value that is not a literal is opaque, and a document handed
 * to other code (passed to a call that is not a response) is not complete.
 */
import type { CodeModel } from '../core/code-model';
import { ConfigMap, ConfigNode, ConfigScalar, ConfigSeq, linkConfig } from '../core/formats/tree';
import type { CallNode, FunctionNode, IrNode, Span } from '../core/ir';
import { walk } from '../core/ir';
import { literalTree, LiteralTree } from './literal-tree';
import { callSite, calleeLast, dotted, listElements } from './values';

export interface BuiltObject {
  tree: LiteralTree;
  /** The construction (`new CapabilityStatement()`, the object literal, the builder call), or the parameter. */
  at: Span;
  /** The construction's node (absent for a parameter). */
  node?: IrNode;
  /** The constructed type's simple name (`CapabilityStatement`, `SmartConfiguration`), when constructed. */
  typeName?: string;
  /** The variable it is bound to, if any. */
  variable?: string;
  /** The function it is built in. */
  fn: FunctionNode;
  /** Every mutation is visible here: it is not handed to other code, nor mutated under a condition it cannot read. */
  complete: boolean;
  /** The values this function writes into the document, by key (`setSecurity(...)`, `rest.Security = ...`, `getService().clear()`). */
  writes: BuiltWrite[];
}

export interface BuiltWrite {
  key: string;
  /** The value written; an empty sequence for a cleared list; undefined for `null`. */
  value?: ConfigNode;
  at: Span;
}

/** Collection types whose construction is not a document. */
const COLLECTIONS = /^(List|ArrayList|LinkedList|HashMap|LinkedHashMap|TreeMap|Map|Dictionary|HashSet|Set|StringBuilder|String|Object|JSONObject|ObjectMapper|Gson|Date|DateTime|Uri|URI|URL)$/;
/** Calls that send or return a document (its last use), not code that may change it. */
const RESPONSE_CALLS = /^(json|send|jsonify|Ok|ok|Json|JsonResult|OkObjectResult|body|status|of|JSONResponse|JsonResponse|Response|ResponseEntity|write|end|toJson|writeValueAsString|encodeResourceToString|setResponse|SerializeObject|Serialize|dumps|stringify|apply|build|complete)$/;
const MAX_STATEMENTS = 400;
/** `null` written as a value (a key removed). */
const NULL: ConfigScalar = { kind: 'scalar', value: null, start: 0, end: 0 };

/** Every document built up in a function of the model (memoised). */
export function builtObjects(model: CodeModel): BuiltObject[] {
  return model.memo('builtObjects', () => {
    const out: BuiltObject[] = [];
    for (const fn of model.functions()) if (fn.body && fn.body.kind === 'block') out.push(...buildIn(model, fn));
    return out;
  });
}

interface State {
  root: ConfigMap;
  tree: LiteralTree;
  complete: boolean;
  writes: BuiltWrite[];
}

function buildIn(model: CodeModel, fn: FunctionNode): BuiltObject[] {
  const vars = new Map<string, { node: ConfigNode; state: State }>();
  const results: { state: State; at: Span; node?: IrNode; typeName?: string; variable?: string }[] = [];
  let count = 0;

  const newState = (at: Span): State => {
    const root: ConfigMap = { kind: 'map', entries: [], start: at.start, end: at.end };
    return { root, tree: { root, open: new Set(), opaque: new Set() }, complete: true, writes: [] };
  };

  /** A construction: `new T()`, `new T { ... }`, `{ ... }`, `T.builder()`, each followed by fluent calls. */
  const construction = (expr: IrNode): { base: CallNode | IrNode; typeName?: string; calls: CallNode[] } | undefined => {
    const calls: CallNode[] = [];
    let n: IrNode = expr;
    while (n.kind === 'call' && !n.isNew && n.callee.kind === 'member') {
      calls.unshift(n);
      n = n.callee.object;
    }
    if (n.kind === 'object') return calls.length === 0 ? { base: n, calls } : undefined;
    if (n.kind === 'call' && n.isNew) {
      const typeName = dotted(n.callee).split('.').pop()?.replace(/<.*$/, '') ?? '';
      if (!/^[A-Z]/.test(typeName) || COLLECTIONS.test(typeName)) return undefined;
      return { base: n, typeName, calls };
    }
    // `SmartConfiguration.builder()...build()`
    if (calls.length > 0 && /^(builder|newBuilder|create)$/.test(calleeLast(calls[0])) && calls[0].callee.kind === 'member' && /^[A-Z]/.test(dotted(calls[0].callee.object))) {
      const typeName = dotted(calls[0].callee.object).split('.').pop();
      return { base: calls[0], typeName, calls: calls.slice(1) };
    }
    return undefined;
  };

  const open = (state: State, node: ConfigNode): void => {
    state.tree.open.add(node);
  };

  /** Converts a value: a document built here, a nested construction, a literal; opaque otherwise. */
  const value = (state: State, expr: IrNode, _uncertain: boolean): ConfigNode => {
    if (expr.kind === 'name' && vars.has(expr.name)) return vars.get(expr.name)!.node;
    if (expr.kind === 'null' || (expr.kind === 'name' && /^(undefined|None)$/.test(expr.name))) return NULL;
    const built = construction(expr);
    if (built && (built.typeName || built.calls.length > 0 || built.base.kind === 'object')) {
      // A value built where it is written is certain, whatever the condition around the write.
      const map: ConfigMap = { kind: 'map', entries: [], start: expr.start, end: expr.end };
      initialise(state, map, built.base, false);
      const builder = built.base.kind === 'call' && !built.base.isNew;
      let target: ConfigNode = map;
      for (const c of built.calls) target = applyCall(state, target, c, false, builder) ?? target;
      return map;
    }
    if (expr.kind === 'member' && expr.object.kind !== 'call' && /^[A-Z]/.test(dotted(expr.object).split('.').pop() ?? '') && !/^[A-Z][A-Z0-9_]*$/.test(dotted(expr.object))) {
      return enumScalar(expr);
    }
    // A list whose elements are built documents: `List.of(new CodeableConcept().setText(...))`, `new List<T> { ... }`.
    const elements = expr.kind === 'call' ? listElements(model, expr) : undefined;
    if (elements && elements.some((e) => construction(e))) {
      const seq: ConfigSeq = { kind: 'seq', items: elements.map((e) => value(state, e, false)).filter((e) => e !== NULL), start: expr.start, end: expr.end };
      return seq;
    }
    const literal = literalTree(model, expr);
    for (const n of literal.open) state.tree.open.add(n);
    for (const n of literal.opaque) state.tree.opaque.add(n);
    return literal.root;
  };

  /** Fills a new map from its construction: a literal's properties or an initializer's assignments. */
  const initialise = (state: State, map: ConfigMap, base: IrNode, uncertain: boolean): void => {
    const obj = base.kind === 'object' ? base : base.kind === 'call' && base.initializer?.kind === 'object' ? base.initializer : undefined;
    if (base.kind === 'call' && base.isNew && base.args.length > 0) open(state, map);
    if (!obj) return;
    for (const p of obj.properties) {
      if (p.key === '...' || p.key === '**' || p.key.startsWith('[') || p.key.startsWith('...')) {
        open(state, map);
        continue;
      }
      if (p.value.kind === 'function') continue;
      setKey(state, map, jsonKey(p.key), orUndefined(value(state, p.value, uncertain)), p, uncertain);
    }
  };

  const setKey = (state: State, map: ConfigNode, key: string, v: ConfigNode | undefined, at: Span, uncertain: boolean): void => {
    if (map.kind !== 'map') return;
    state.writes.push({ key, value: v, at });
    if (!v) {
      map.entries = map.entries.filter((e) => e.key !== key);
      return;
    }
    const existing = map.entries.findIndex((e) => e.key === key);
    const entry = { key, keyStart: at.start, keyEnd: at.start, value: v, start: at.start, end: at.end };
    if (existing >= 0) map.entries[existing] = entry;
    else map.entries.push(entry);
    if (uncertain) open(state, map);
  };

  /** The container at `key` of `map`, created (as a map that turns into a list when added to) when absent. */
  const childAt = (state: State, map: ConfigNode, key: string, at: Span): ConfigNode | undefined => {
    if (map.kind !== 'map') return undefined;
    const found = map.entries.find((e) => e.key === key);
    if (found) return found.value;
    const created: ConfigMap = { kind: 'map', entries: [], start: at.start, end: at.end };
    map.entries.push({ key, keyStart: at.start, keyEnd: at.start, value: created, start: at.start, end: at.end });
    // Reached, not written: what it holds is not known unless this code fills it.
    if (!state.complete) open(state, created);
    return created;
  };

  const asList = (map: ConfigNode, key: string): ConfigSeq | undefined => {
    if (map.kind !== 'map') return undefined;
    const entry = map.entries.find((e) => e.key === key);
    if (entry?.value.kind === 'seq') return entry.value;
    if (entry && !(entry.value.kind === 'map' && entry.value.entries.length === 0)) return undefined;
    const seq: ConfigSeq = { kind: 'seq', items: [], start: entry?.value.start ?? map.start, end: entry?.value.end ?? map.end };
    if (entry) entry.value = seq;
    else map.entries.push({ key, keyStart: map.start, keyEnd: map.start, value: seq, start: map.start, end: map.end });
    return seq;
  };

  /** The node an expression designates inside a document (`cs`, `cs.Rest`, `cs.getRestFirstRep().getSecurity()`), applying calls on the way. */
  const target = (expr: IrNode, uncertain: boolean): { node: ConfigNode; state: State; parent?: ConfigNode; key?: string } | undefined => {
    if (expr.kind === 'name') {
      const v = vars.get(expr.name);
      return v ? { node: v.node, state: v.state } : undefined;
    }
    if (expr.kind === 'member') {
      const owner = target(expr.object, uncertain);
      if (!owner) return undefined;
      const key = jsonKey(expr.property);
      const node = childAt(owner.state, owner.node, key, expr);
      return node ? { node, state: owner.state, parent: owner.node, key } : undefined;
    }
    if (expr.kind === 'index' && expr.index.kind === 'string') {
      const owner = target(expr.object, uncertain);
      if (!owner) return undefined;
      const node = childAt(owner.state, owner.node, expr.index.value, expr);
      return node ? { node, state: owner.state, parent: owner.node, key: expr.index.value } : undefined;
    }
    if (expr.kind === 'call' && !expr.isDecorator && expr.callee.kind === 'member') {
      const owner = target(expr.callee.object, uncertain);
      if (!owner) return undefined;
      const node = applyCall(owner.state, owner.node, expr, uncertain, false);
      return node ? { node, state: owner.state } : undefined;
    }
    return undefined;
  };

  /** Applies a call on a node of a document; returns the node the call evaluates to (for chains), if known. */
  const applyCall = (state: State, node: ConfigNode, call: CallNode, uncertain: boolean, builder: boolean): ConfigNode | undefined => {
    const method = calleeLast(call);
    const args = call.args.map((a) => a.value);
    const getter = /^(get|Get)([A-Z]\w*?)(FirstRep)?$/.exec(method);
    if (getter && args.length === 0) {
      const key = jsonKey(getter[2]);
      if (getter[3]) {
        const list = asList(node, key);
        if (!list) return undefined;
        if (list.items.length === 0) {
          const item: ConfigMap = { kind: 'map', entries: [], start: call.start, end: call.end };
          list.items.push(item);
          if (!state.complete) open(state, item);
        }
        return list.items[0];
      }
      return childAt(state, node, key, call);
    }
    const setter = /^(set|Set)([A-Z]\w*)$/.exec(method);
    if (setter && args.length === 1) {
      setKey(state, node, jsonKey(setter[2]), orUndefined(value(state, args[0], uncertain)), callSite(call), uncertain);
      return node;
    }
    const adder = /^(add|Add)([A-Z]\w*)$/.exec(method);
    if (adder && args.length <= 1) {
      const list = asList(node, jsonKey(adder[2]));
      if (!list) return undefined;
      if (uncertain) open(state, list);
      if (args.length === 1) {
        list.items.push(value(state, args[0], uncertain));
        return node;
      }
      const item: ConfigMap = { kind: 'map', entries: [], start: call.start, end: call.end };
      list.items.push(item);
      return item;
    }
    // `rest.Resource.Add(x)`, `doc.capabilities.push(x)`, `list.add(x)`, `AddRange(xs)`
    if (/^(Add|add|push|append|AddRange|addAll|extend)$/.test(method) && args.length >= 1) {
      let list: ConfigSeq | undefined = node.kind === 'seq' ? node : undefined;
      if (!list && node.kind === 'map' && node.entries.length === 0) {
        const entry = node.entry ?? findEntry(state.root, node);
        if (entry) {
          list = { kind: 'seq', items: [], start: node.start, end: node.end };
          entry.value = list;
        }
      }
      if (!list) return undefined;
      if (uncertain || /^(AddRange|addAll|extend)$/.test(method)) open(state, list);
      if (!/^(AddRange|addAll|extend)$/.test(method)) for (const a of args) list.items.push(value(state, a, uncertain));
      return list;
    }
    if (builder && args.length === 1 && /^[a-z]\w*$/.test(method)) {
      setKey(state, node, method, orUndefined(value(state, args[0], uncertain)), callSite(call), uncertain);
      return node;
    }
    if (/^(build|Build)$/.test(method)) return node;
    // `rest.getSecurity().getService().clear()`, `rest.Security.Service.Clear()`
    if (/^(clear|Clear)$/.test(method) && args.length === 0) {
      const entry = findEntry(state.root, node);
      if (entry?.key) {
        const empty: ConfigSeq = { kind: 'seq', items: [], start: call.start, end: call.end };
        entry.value = empty;
        state.writes.push({ key: entry.key, value: empty, at: call });
        return empty;
      }
    }
    // Anything else may change the document in ways this code does not show.
    state.complete = false;
    open(state, node);
    return undefined;
  };

  const findEntry = (root: ConfigNode, node: ConfigNode): { key: string; value: ConfigNode } | undefined => {
    let found: { key: string; value: ConfigNode } | undefined;
    const visit = (n: ConfigNode): void => {
      if (found) return;
      if (n.kind === 'map') {
        for (const e of n.entries) {
          if (e.value === node) found = e;
          else visit(e.value);
        }
      } else if (n.kind === 'seq') n.items.forEach(visit);
    };
    visit(root);
    return found;
  };

  /** A construction returned or sent as it is (`return Ok(new SmartConfiguration { ... })`): a document complete where it is written. */
  const adopt = (expr: IrNode, uncertain: boolean): void => {
    const built = construction(expr);
    if (!built || !built.typeName) return;
    const state = newState(expr);
    initialise(state, state.root, built.base, uncertain);
    const builder = built.base.kind === 'call' && !built.base.isNew;
    let node: ConfigNode = state.root;
    for (const c of built.calls) node = applyCall(state, node, c, uncertain, builder) ?? node;
    results.push({ state, at: expr, node: expr, typeName: built.typeName });
  };

  const escapes = (expr: IrNode): void => {
    // A document passed to other code may be changed there.
    walk(expr, (n) => {
      if (n.kind === 'function') {
        // A lambda that uses a document (`modules.forEach(m -> m.contribute(cs))`) may change it.
        walk(n, (m) => {
          if (m.kind !== 'name' || !vars.has(m.name)) return;
          const v = vars.get(m.name)!;
          v.state.complete = false;
          open(v.state, v.node);
        });
        return false;
      }
      if (n.kind !== 'call' || n.isDecorator) return;
      const responding = RESPONSE_CALLS.test(calleeLast(n)) || n.isNew;
      if (responding && !n.isNew) for (const a of n.args) adopt(a.value, false);
      for (const a of n.args) {
        if (a.value.kind === 'name' && vars.has(a.value.name) && !responding) {
          const v = vars.get(a.value.name)!;
          v.state.complete = false;
          open(v.state, v.node);
        }
      }
    });
  };

  const statement = (s: IrNode, uncertain: boolean): void => {
    if (++count > MAX_STATEMENTS) return;
    switch (s.kind) {
      case 'variable': {
        if (!s.value) return;
        const built = construction(s.value);
        if (built && !(built.base.kind === 'object' && model.language !== 'typescript' && model.language !== 'javascript' && model.language !== 'python')) {
          const state = newState(s.value);
          initialise(state, state.root, built.base, uncertain);
          let node: ConfigNode = state.root;
          const builder = built.base.kind === 'call' && !built.base.isNew;
          for (const c of built.calls) node = applyCall(state, node, c, uncertain, builder) ?? node;
          vars.set(s.name, { node: state.root, state });
          results.push({ state, at: s.value, node: s.value, typeName: built.typeName, variable: s.name });
          return;
        }
        // `CapabilityStatement cs = (CapabilityStatement) theCapabilityStatement;`, `var rest = cs.getRestFirstRep();`: a part of a document.
        const part = target(unwrapCast(s.value), uncertain);
        if (part) {
          vars.set(s.name, { node: part.node, state: part.state });
          return;
        }
        escapes(s.value);
        return;
      }
      case 'assign': {
        const t = s.target;
        if (s.operator !== '=') return;
        const ownerExpr = t.kind === 'member' ? t.object : t.kind === 'index' ? t.object : undefined;
        const key = t.kind === 'member' ? jsonKey(t.property) : t.kind === 'index' && t.index.kind === 'string' ? t.index.value : undefined;
        if (ownerExpr && key) {
          const owner = target(ownerExpr, uncertain);
          if (owner) {
            setKey(owner.state, owner.node, key, orUndefined(value(owner.state, s.value, uncertain)), s, uncertain);
            return;
          }
        }
        escapes(s.value);
        return;
      }
      case 'call': {
        const owner = s.callee.kind === 'member' ? target(s.callee.object, uncertain) : undefined;
        if (owner) {
          applyCall(owner.state, owner.node, s, uncertain, false);
          return;
        }
        escapes(s);
        return;
      }
      case 'other':
        if (s.type === 'expression_statement' && s.children.length === 1) {
          statement(s.children[0], uncertain);
          return;
        }
        break;
      case 'return':
        if (s.value) {
          adopt(s.value, uncertain);
          escapes(s.value);
        }
        return;
      case 'block':
        for (const c of s.body) statement(c, uncertain);
        return;
      case 'if':
        statement(s.consequent, true);
        if (s.alternate) statement(s.alternate, true);
        return;
      case 'loop': {
        // `foreach (var rest in statement.Rest)`, `for (const r of doc.rest)`: the loop variable is an element of the document.
        const list = s.variable && s.iterable ? target(s.iterable, true) : undefined;
        if (list && s.variable) {
          let seq: ConfigSeq | undefined = list.node.kind === 'seq' ? list.node : undefined;
          if (!seq && list.parent && list.key) seq = asList(list.parent, list.key);
          if (seq) {
            const item: ConfigMap = { kind: 'map', entries: [], start: s.start, end: s.end };
            open(list.state, item);
            open(list.state, seq);
            seq.items.push(item);
            vars.set(s.variable, { node: item, state: list.state });
          }
        }
        statement(s.body, true);
        return;
      }
      case 'try':
        for (const c of [s.body, ...s.handlers.map((h) => h.body), ...(s.finalizer ? [s.finalizer] : [])]) if (c) statement(c, true);
        return;
      case 'switch':
        for (const c of s.cases) for (const b of c.body) statement(b, true);
        return;
    }
    // Lambdas and other expressions that use a document may change it.
    walk(s, (n) => {
      if (n.kind === 'name' && vars.has(n.name) && n.parent?.kind !== 'member') {
        const v = vars.get(n.name)!;
        v.state.complete = false;
        open(v.state, v.node);
      }
    });
  };

  // Parameters are documents made elsewhere: their parts can be reached, but not judged as complete.
  for (const p of fn.params) {
    // Typed parameters (`IBaseConformance theCapabilityStatement`), and a lambda's (`statement => ...`).
    if (p.type ? !/^[A-Z]/.test(p.type) : !fn.isLambda) continue;
    const state = newState(p);
    state.complete = false;
    open(state, state.root);
    vars.set(p.name, { node: state.root, state });
    results.push({ state, at: p, typeName: p.type?.replace(/<.*$/, '').split('.').pop(), variable: p.name });
  }
  statement(fn.body!, false);
  // A document reached through a lambda inside this function (`rest -> rest.setSecurity(...)`) is not complete.
  const out: BuiltObject[] = [];
  for (const r of results) {
    linkConfig(r.state.root);
    out.push({ tree: r.state.tree, at: r.at, node: r.node, typeName: r.typeName, variable: r.variable, fn, complete: r.state.complete && !r.state.tree.open.has(r.state.root), writes: r.state.writes });
  }
  return out;
}

function orUndefined(node: ConfigNode): ConfigNode | undefined {
  return node === NULL ? undefined : node;
}

function unwrapCast(node: IrNode): IrNode {
  if (node.kind === 'other' && /cast|parenthes|as_expression|non_null/.test(node.type) && node.children.length > 0) return unwrapCast(node.children[node.children.length - 1]);
  return node;
}

/** `FhirVersion` → `fhirVersion`, `token_endpoint` kept, `URL` → `url`. */
export function jsonKey(name: string): string {
  if (/^[A-Z0-9_]+$/.test(name)) return name.toLowerCase();
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `camelCase` → `snake_case` (`authorizationEndpoint` → `authorization_endpoint`). */
export function snakeKey(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * An enum member as the JSON value it stands for: `FHIRVersion.N4_0_1` → `4.0.1`,
 * `RestfulCapabilityMode.SERVER` → `server`, `ResourceType.Patient` → `Patient`.
 */
function enumScalar(member: Extract<IrNode, { kind: 'member' }>): ConfigScalar {
  const p = member.property;
  const version = /^[A-Za-z]*_?(\d+)_(\d+)_(\d+)$/.exec(p);
  let v: string = p;
  if (version) v = `${version[1]}.${version[2]}.${version[3]}`;
  else if (/^[A-Z][A-Z0-9_]*$/.test(p)) v = p.toLowerCase().replace(/_/g, '-');
  return { kind: 'scalar', value: v, start: member.start, end: member.end };
}
