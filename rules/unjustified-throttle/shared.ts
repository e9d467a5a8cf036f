/**
 * What the code checks of `unjustified-throttle` share: decorator names, exemptions from limits
 * (`@SkipThrottle`, `[DisableRateLimiting]`) and the first EHI route a file registers.
 */
import type { CallNode, IrNode } from '../../server/src/core/ir';
import type { CodeContext, Report } from '../../server/src/core/rule';
import { dotted } from '../../server/src/analysis/values';
import { classifyPaths, handlerFor } from '../../server/src/domain/access-path';
import { routeRegistrations } from '../../server/src/frameworks/routes';

export type Reporter = (r: Report, node: IrNode) => void;

/** Longest value a message quotes: messages stay one sentence under 160 characters. */
const MAX_VALUE = 48;

/** The report with each quoted value clipped (a long route, a Mirth step label, a chain of calls). */
export function clipped(r: Report): Report {
  if (!r.data) return r;
  const data: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.data)) data[k] = typeof v === 'string' && v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1).trimEnd()}…${v.startsWith('`') && !v.endsWith('`') ? '' : v.startsWith('`') ? '`' : ''}` : v;
  return { ...r, data };
}

const EXEMPT_DECORATOR = /^(SkipThrottle|DisableRateLimiting|exempt|AllowAnonymousRateLimit)$/;

export function decoratorName(d: CallNode): string {
  return dotted(d.callee).split('.').pop() ?? '';
}

export function isExempt(decorators: CallNode[]): boolean {
  return decorators.some((d) => EXEMPT_DECORATOR.test(decoratorName(d)));
}

/** Fastify route options `{ config: { rateLimit: false } }`: the route is exempt from the app-wide limit. */
function optsOutOfRateLimit(options: IrNode): boolean {
  if (options.kind !== 'object') return false;
  const config = options.properties.find((p) => p.key === 'config')?.value;
  const rateLimit = config?.kind === 'object' ? config.properties.find((p) => p.key === 'rateLimit')?.value : undefined;
  return rateLimit?.kind === 'boolean' && rateLimit.value === false;
}

/** The first EHI route registered or declared in the file that is not exempt from limits. */
export function ehiRoutesInFile(ctx: CodeContext): string | undefined {
  for (const r of routeRegistrations(ctx.code)) if (r.methods.length > 0 && classifyPaths([r.path]) === 'ehi' && !r.middleware.some(optsOutOfRateLimit)) return `route ${r.path}`;
  const optedOut = new Set(routeRegistrations(ctx.code).filter((r) => r.middleware.some(optsOutOfRateLimit)).map((r) => r.handler));
  for (const fn of ctx.code.functions()) {
    if (isExempt(fn.decorators) || optedOut.has(fn)) continue;
    const h = handlerFor(ctx.code, fn);
    if (h?.classification === 'ehi' && h.routes.length > 0) return h.evidence;
  }
  return undefined;
}
