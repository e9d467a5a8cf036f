/**
 * ASP.NET Core rate-limiter policies for `unjustified-throttle`: a policy is defined once
 * (`AddFixedWindowLimiter`, `AddSlidingWindowLimiter`, `AddTokenBucketLimiter`,
 * `AddConcurrencyLimiter`, `AddPolicy` inside `AddRateLimiter`) and applied by name to endpoints
 * (`.RequireRateLimiting(name)`, `[EnableRateLimiting(name)]`), often in other files. The finding is
 * the definition, with the EHI endpoints that use it as related places; a use whose definition the
 * project does not show is reported where it is used.
 */
import type { CodeModel } from '../../server/src/core/code-model';
import type { CallNode, ClassNode, IrNode, Origin, Span } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';
import type { CodeContext, RelatedPlace } from '../../server/src/core/rule';
import { calleeLast, callSite, dotted, resolve, stringValue } from '../../server/src/analysis/values';
import { classifyName, classifyPaths, handlerFor } from '../../server/src/domain/access-path';
import { routeRegistrations } from '../../server/src/frameworks/routes';
import type { Reporter } from './shared';

const DEFINITION = /^Add(FixedWindow|SlidingWindow|TokenBucket|Concurrency)Limiter$/;

interface PolicyKey {
  value?: string;
  constant?: string;
}

interface PolicyRefs {
  definitions: { call: CallNode; key: PolicyKey }[];
  uses: { node: CallNode; key: PolicyKey }[];
}

function keyOf(model: CodeModel, arg: IrNode | undefined): PolicyKey {
  if (!arg) return {};
  const value = arg.kind === 'string' ? arg.value : stringValue(model, arg);
  const constant = arg.kind === 'member' || arg.kind === 'name' ? dotted(arg).split('.').pop() : undefined;
  return { value, constant };
}

function same(a: PolicyKey, b: PolicyKey): boolean {
  return (a.value !== undefined && a.value === b.value) || (a.constant !== undefined && a.constant === b.constant);
}

function isDefinition(call: CallNode): boolean {
  const last = calleeLast(call);
  if (DEFINITION.test(last)) return true;
  if (last !== 'AddPolicy') return false;
  // `AddPolicy` of the rate limiter, not of authorization or CORS.
  for (let p = call.parent; p; p = p.parent) if (p.kind === 'call' && calleeLast(p) === 'AddRateLimiter') return true;
  return false;
}

function refsIn(model: CodeModel): PolicyRefs {
  return model.memo('aspnetRateLimiterPolicies', () => {
    const out: PolicyRefs = { definitions: [], uses: [] };
    walk(model.root, (n) => {
      if (n.kind !== 'call') return;
      if (!n.isDecorator && isDefinition(n)) out.definitions.push({ call: n, key: keyOf(model, n.args[0]?.value) });
      else if ((n.isDecorator && calleeLast(n) === 'EnableRateLimiting') || (!n.isDecorator && calleeLast(n) === 'RequireRateLimiting')) out.uses.push({ node: n, key: keyOf(model, n.args[0]?.value) });
    });
    return out;
  });
}

function words(key: PolicyKey): string[] {
  return [key.value !== undefined ? `"${key.value}"` : undefined, key.constant].filter((w): w is string => !!w);
}

function otherModels(ctx: CodeContext, key: PolicyKey): { model: CodeModel; locate(span: Span): Origin }[] {
  const lookup = ctx.code.external?.codeMentioning;
  if (!lookup) return [];
  const seen = new Set<CodeModel>();
  const out: { model: CodeModel; locate(span: Span): Origin }[] = [];
  for (const w of words(key)) {
    for (const m of lookup.call(ctx.code.external, ctx.code, w)) {
      if (seen.has(m.model)) continue;
      seen.add(m.model);
      out.push(m);
    }
  }
  return out;
}

/** What an endpoint use of a policy applies to, when that is an EHI path. */
function ehiUse(model: CodeModel, use: CallNode): string | undefined {
  if (use.isDecorator) {
    const owner = use.parent;
    if (owner?.kind === 'function') {
      const h = handlerFor(model, owner);
      if (h?.classification === 'ehi') return h.evidence;
      // On an action of a controller: the controller's routes decide too.
      const cls = model.enclosingClass(owner);
      return h ? undefined : cls ? classUse(model, cls) : undefined;
    }
    if (owner?.kind === 'class') return classUse(model, owner);
    return undefined;
  }
  const target = use.callee.kind === 'member' ? use.callee.object : undefined;
  if (!target) return undefined;
  const reg = target.kind === 'call' ? routeRegistrations(model).find((r) => r.call === target) : undefined;
  if (reg) return classifyPaths([reg.path]) === 'ehi' ? `route ${reg.path}` : undefined;
  const value = resolve(model, target);
  if (value?.kind === 'call' && calleeLast(value) === 'MapGroup') {
    const path = stringValue(model, value.args[0]?.value);
    if (path && classifyPaths([path]) === 'ehi') return `route group ${path}`;
  }
  return undefined;
}

function classUse(model: CodeModel, cls: ClassNode): string | undefined {
  for (const m of cls.members) {
    if (m.kind !== 'function') continue;
    const h = handlerFor(model, m);
    if (h?.classification === 'ehi') return `${h.evidence} (${cls.name})`;
  }
  return classifyName(cls.name) === 'ehi' ? `controller ${cls.name}` : undefined;
}

/** Definitions in this file applied to an EHI endpoint here or in another file of the project. */
export function checkPolicyDefinitions(ctx: CodeContext, report: Reporter): void {
  if (ctx.code.language !== 'csharp') return;
  const local = refsIn(ctx.code);
  for (const def of local.definitions) {
    if (def.key.value === undefined && def.key.constant === undefined) continue;
    const related: RelatedPlace[] = [];
    let evidence: string | undefined;
    for (const use of local.uses) {
      if (!same(use.key, def.key)) continue;
      const e = ehiUse(ctx.code, use.node);
      if (!e) continue;
      evidence ??= e;
      related.push({ at: callSite(use.node), message: `applied to ${e} here` });
    }
    for (const other of otherModels(ctx, def.key)) {
      for (const use of refsIn(other.model).uses) {
        if (!same(use.key, def.key)) continue;
        const e = ehiUse(other.model, use.node);
        if (!e) continue;
        evidence ??= e;
        related.push({ origin: other.locate(callSite(use.node)), message: `applied to ${e} here` });
      }
    }
    if (!evidence) continue;
    const name = def.key.value !== undefined ? `"${def.key.value}"` : ctx.code.textOf(def.call.args[0]?.value ?? def.call).slice(0, 40);
    const more = related.length > 1 ? ` and ${related.length - 1} more` : '';
    report({ at: callSite(def.call), messageId: 'limiter', data: { what: `\`${calleeLast(def.call)}(${name})\``, evidence: `${evidence}${more}` }, related }, def.call);
  }
}

/** Whether the policy a use names is defined in this file or another file of the project (then the definition is reported). */
export function policyDefined(ctx: CodeContext, use: CallNode): boolean {
  if (ctx.code.language !== 'csharp') return false;
  const key = keyOf(ctx.code, use.args[0]?.value);
  if (key.value === undefined && key.constant === undefined) return false;
  if (refsIn(ctx.code).definitions.some((d) => same(d.key, key))) return true;
  return otherModels(ctx, key).some((m) => refsIn(m.model).definitions.some((d) => same(d.key, key)));
}
