/**
 * Where a documented restriction should leave an audit trace, and whether it does. The
 * `exception-unaudited` rule asks whether the restricted path calls the audit log; the "Add audit
 * logging" quick-fix asks where the path starts. Both ask here, so they agree.
 */
import type { CodeModel } from '../core/code-model';
import type { BlockNode, CallNode, FunctionNode, IrNode } from '../core/ir';
import { forEachChild, walk } from '../core/ir';
import { routeRegistrations } from '../frameworks/routes';
import { auditCalls, callsAudit } from '../analysis/calls';
import { calleeName } from '../analysis/values';

/** The code that runs when the restriction applies: a function (handler, method, lambda) or a whole Mirth script. */
export interface RestrictedPath {
  kind: 'function' | 'script';
  node: FunctionNode | BlockNode;
  /** For messages: `readPatient`, `the handler`, `this script`. */
  label: string;
  /** The statements of the body, when it is a block (an expression-bodied lambda has none). */
  statements?: IrNode[];
  /** Where the body's block begins (its `{`, or for Python and scripts the first statement). */
  bodyStart?: number;
}

/** The innermost node whose span contains `offset`. */
export function nodeAt(root: IrNode, offset: number): IrNode {
  let found = root;
  walk(root, (node) => {
    if (node.start <= offset && offset < Math.max(node.end, node.start + 1)) {
      found = node;
      return true;
    }
    return node === root;
  });
  return found;
}

/**
 * The restricted path of a finding at `offset` (unit offsets): for a finding in a route
 * registration (`app.get('/fhir', limiter, handler)`), the handler when the file has it; otherwise
 * the enclosing function; for top-level code of a Mirth script, the script. Undefined when the file
 * does not show where the restricted request is handled (setup code runs once, not per request).
 */
export function restrictedPathAt(model: CodeModel, offset: number): RestrictedPath | undefined {
  const node = nodeAt(model.root, offset);
  const registration = routeRegistrations(model).find((r) => within(node, r.call) && !(r.handler && within(node, r.handler)));
  if (registration) return registration.handler ? functionPath(registration.handler) : undefined;
  const fn = node.kind === 'function' ? node : model.enclosingFunction(node);
  if (fn) return functionPath(fn);
  if (model.embedding?.host === 'mirth') {
    return { kind: 'script', node: model.root, label: 'this script', statements: model.root.body, bodyStart: model.root.start };
  }
  return undefined;
}

function within(node: IrNode, ancestor: IrNode): boolean {
  for (let p: IrNode | undefined = node; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function functionPath(fn: FunctionNode): RestrictedPath {
  const label = fn.name ? `\`${fn.name}\`` : 'the handler';
  if (fn.body?.kind !== 'block') return { kind: 'function', node: fn, label };
  return { kind: 'function', node: fn, label, statements: fn.body.body, bodyStart: fn.body.start };
}

/** Whether the restricted path calls the audit log (a call whose callee matches `pattern`). */
export function pathCallsAudit(path: RestrictedPath, pattern: RegExp): boolean {
  if (path.kind === 'function') return callsAudit(path.node, pattern);
  return scriptAuditCalls(path, pattern, true).length > 0;
}

/**
 * The audit-log calls of the restricted path, in source order: where the restriction is recorded at
 * run time (the evidence pack shows them). Empty exactly when `pathCallsAudit` is false.
 */
export function pathAuditCalls(path: RestrictedPath, pattern: RegExp): CallNode[] {
  if (path.kind === 'function') return auditCalls(path.node, pattern);
  return scriptAuditCalls(path, pattern, false);
}

/** A script's own audit calls, not those of the functions it merely declares. */
function scriptAuditCalls(path: RestrictedPath, pattern: RegExp, firstOnly: boolean): CallNode[] {
  const calls: CallNode[] = [];
  const visit = (node: IrNode): void => {
    if (firstOnly && calls.length > 0) return;
    if (node.kind === 'call' && !node.isDecorator && pattern.test(calleeName(node))) calls.push(node);
    if (node.kind === 'function') return;
    forEachChild(node, visit);
  };
  visit(path.node);
  return calls;
}

/** The audit pattern from the options (case-insensitive), or undefined when it does not compile. */
export function auditPattern(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'i');
  } catch {
    return undefined;
  }
}
