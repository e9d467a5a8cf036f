/**
 * Library and framework forms of `unjustified-throttle` that need more than a name: the Spring Cloud
 * Gateway route DSL, `@fastify/rate-limit` as a plugin, and Django REST framework throttle rates and
 * scopes.
 */
import type { CodeModel } from '../../server/src/core/code-model';
import type { CallNode, IrNode } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';
import type { CodeContext } from '../../server/src/core/rule';
import { calleeLast, callSite, dotted, resolve, stringValue } from '../../server/src/analysis/values';
import { classifyName, classifyPaths } from '../../server/src/domain/access-path';
import { routeRegistrations } from '../../server/src/frameworks/routes';
import { ehiRoutesInFile, Reporter } from './shared';

/** Spring Cloud Gateway Java DSL: `.route(id, r -> r.path("/fhir/**").filters(f -> f.requestRateLimiter(...)))`. */
export function checkGatewayRoute(ctx: CodeContext, call: CallNode, report: Reporter): void {
  if (calleeLast(call) !== 'requestRateLimiter') return;
  let route: CallNode | undefined;
  for (let p = call.parent; p; p = p.parent) if (p.kind === 'call' && calleeLast(p) === 'route' && p.args.length >= 1) { route = p; break; }
  if (!route) return;
  const paths: string[] = [];
  for (const arg of route.args) walk(arg.value, (n) => {
    if (n.kind === 'call' && calleeLast(n) === 'path') for (const a of n.args) { const v = stringValue(ctx.code, a.value); if (v) paths.push(v); }
  });
  if (paths.length === 0 || classifyPaths(paths) !== 'ehi') return;
  report({ at: callSite(call), messageId: 'limiter', data: { what: '`requestRateLimiter`', evidence: `gateway route ${paths.find((p) => classifyPaths([p]) === 'ehi')}` } }, call);
}

/** `@fastify/rate-limit` registered as a plugin: app-wide, or on an encapsulated plugin's prefix and routes. */
export function checkFastifyPlugin(ctx: CodeContext, call: CallNode, report: Reporter): void {
  if (calleeLast(call) !== 'register' || call.args.length === 0 || call.callee.kind !== 'member') return;
  const plugin = call.args[0].value;
  if (!isRateLimitPlugin(ctx.code, plugin)) return;
  const options = call.args[1]?.value;
  if (options?.kind === 'object' && options.properties.some((p) => p.key === 'global' && p.value.kind === 'boolean' && p.value.value === false)) return;
  const what = `\`register(${ctx.code.textOf(plugin).slice(0, 30)})\``;
  const fn = ctx.code.enclosingFunction(call);
  if (!fn) {
    const ehi = ehiRoutesInFile(ctx);
    if (ehi) report({ at: callSite(call), messageId: 'globalLimiter', data: { what, evidence: ehi } }, call);
    return;
  }
  // An encapsulated plugin: `app.register(async (scope) => { scope.register(rateLimit); ... }, { prefix: '/fhir' })`.
  const owner = fn.parent?.kind === 'call' && calleeLast(fn.parent) === 'register' ? fn.parent : undefined;
  const prefixOption = owner?.args[1]?.value;
  const prefix = prefixOption?.kind === 'object' ? stringValue(ctx.code, prefixOption.properties.find((p) => p.key === 'prefix')?.value) : undefined;
  const routes = routeRegistrations(ctx.code).filter((r) => r.methods.length > 0 && within(r.call, fn)).map((r) => `${prefix ?? ''}${r.path}`);
  const ehi = (prefix && classifyPaths([prefix]) === 'ehi' ? prefix : undefined) ?? routes.find((r) => classifyPaths([r]) === 'ehi');
  if (!ehi || (prefix && classifyPaths([prefix]) === 'auth')) return;
  report({ at: callSite(call), messageId: 'limiter', data: { what, evidence: `routes under ${ehi}` } }, call);
}

function within(node: IrNode, ancestor: IrNode): boolean {
  for (let p: IrNode | undefined = node; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function isRateLimitPlugin(model: CodeModel, node: IrNode): boolean {
  if (node.kind === 'call' && calleeLast(node) === 'require') return /rate-limit/.test(stringValue(model, node.args[0]?.value) ?? '');
  if (node.kind !== 'name' && node.kind !== 'member') return false;
  const name = dotted(node);
  if (model.imports().some((i) => /rate-?limit/i.test(i.source) && i.names.some((b) => b.local === name))) return true;
  const value = resolve(model, node);
  if (value && value !== node && value.kind === 'call' && calleeLast(value) === 'require') return /rate-limit/.test(stringValue(model, value.args[0]?.value) ?? '');
  return false;
}

const RATE_TEXT = /^\s*\d+\s*\/\s*\d*\s*(s|sec|second|m|min|minute|h|hour|d|day)s?\s*$/i;

/**
 * Django REST framework: a throttle class's own `rate`, or `throttle_scope` on a view, when the
 * class or scope is about EHI (`scope = "fhir"`, `ImmunizationViewSet`).
 */
export function checkDrfThrottleField(ctx: CodeContext, node: IrNode, report: Reporter): void {
  if (node.kind !== 'variable' || !node.isField || !node.value) return;
  const cls = ctx.code.enclosingClass(node);
  if (!cls) return;
  if (node.name === 'rate' && cls.bases.some((b) => /RateThrottle$/.test(b))) {
    const rate = stringValue(ctx.code, node.value);
    if (!rate || !RATE_TEXT.test(rate)) return;
    const scopeField = cls.members.find((m) => m.kind === 'variable' && m.name === 'scope');
    const scope = scopeField?.kind === 'variable' ? stringValue(ctx.code, scopeField.value) : undefined;
    const names = [cls.name, scope ?? ''].map(classifyName);
    if (names.includes('auth') || !names.includes('ehi')) return;
    report({ at: node, messageId: 'limiter', data: { what: `\`${cls.name}\` rate ${rate}`, evidence: scope ? `throttle scope ${scope}` : cls.name } }, node);
    return;
  }
  if (node.name === 'throttle_scope') {
    const scope = stringValue(ctx.code, node.value);
    if (!scope || classifyName(scope) === 'auth' || classifyName(cls.name) === 'auth') return;
    if (classifyName(cls.name) !== 'ehi' && classifyName(scope) !== 'ehi') return;
    // With `throttle_classes` beside it, the view's one throttle is reported there (one practice, one finding).
    if (classifyName(cls.name) === 'ehi' && cls.members.some((m) => m.kind === 'variable' && m.name === 'throttle_classes' && !(m.value?.kind === 'array' && m.value.elements.length === 0))) return;
    report({ at: node, messageId: 'limiter', data: { what: `\`throttle_scope = "${scope}"\``, evidence: `view ${cls.name}` } }, node);
  }
}

/** `DEFAULT_THROTTLE_RATES`: a rate for a scope named after EHI (`"patient_records": "5/hour"`); `anon`/`user` defaults apply to every API alike. */
export function checkThrottleRates(ctx: CodeContext, node: IrNode, report: Reporter): void {
  if (node.kind !== 'object') return;
  const owner = node.parent;
  const key = owner?.kind === 'object' ? owner.properties.find((p) => p.value === node)?.key : owner?.kind === 'variable' ? owner.name : owner?.kind === 'assign' ? dotted(owner.target) : undefined;
  if (!key || !/DEFAULT_THROTTLE_RATES$/.test(key.replace(/^["']|["']$/g, ''))) return;
  for (const p of node.properties) {
    const scope = p.key.replace(/^["']|["']$/g, '');
    const rate = stringValue(ctx.code, p.value);
    if (!rate || classifyName(scope) !== 'ehi') continue;
    report({ at: p, messageId: 'limiter', data: { what: `throttle rate ${rate}`, evidence: `scope ${scope}` } }, p as unknown as IrNode);
  }
}
