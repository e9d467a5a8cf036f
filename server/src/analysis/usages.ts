/**
 * Where a name is applied to URL paths, in the file that applies it: a guard, middleware or policy
 * named beside a path (`app.use('/fhir', onlyPartners)`, `@UseGuards(PartnerGuard)` on a
 * `@Controller('fhir/Patient')`, `.requestMatchers("/fhir/**").access(new PartnerManager())`,
 * `[Authorize(Policy = "PartnerApps")]` on a `[Route("fhir")]` controller), and the names a
 * registration links to another (`AddPolicy("PartnerApps", p => p.Requirements.Add(new
 * PartnerAppRequirement()))`). The project index collects these once per run, so that code
 * defining a guard can learn which routes it guards although they are declared in another file.
 */
import type { CodeModel } from '../core/code-model';
import type { CallNode, IrNode, Span } from '../core/ir';
import { walk } from '../core/ir';
import { calleeLast, dotted } from './values';

export interface PathUsage {
  /** The name applied: a class, function or variable name, or a policy's string name. */
  name: string;
  /** A path it is applied to, as written (`/fhir`, `fhir/Patient`, `/fhir/**`). */
  path: string;
  /** The construct that applies it. */
  at: Span;
}

export interface NameLink {
  /** A policy's name (`PartnerApps`). */
  from: string;
  /** A name the policy is made of (`PartnerAppRequirement`). */
  to: string;
}

/** Substrings of files that may apply a name to a path (a cheap filter before parsing). */
export const USAGE_MARKERS = ['UseGuards', '.access(', '.use(', 'Authorize', 'AddPolicy', 'addFilter', 'RequireAuthorization', 'preHandler', 'onRequest', 'addInterceptor', 'addPathPatterns'];

const PATH_LIKE = /^[~^]?\/?[\w$.{}:<>*\-\\]+(\/[\w$.{}:<>*\-\\]*)*$/;

function isPathLiteral(value: string): boolean {
  return value.includes('/') && PATH_LIKE.test(value) && !/^https?:/.test(value) && !/\.(js|ts|json|ya?ml|java|cs|py|html?)$/.test(value);
}

/** Names an expression refers to: `partnerOnly`, `new PartnerManager()`, `guards.partner`, `PartnerGuard`. */
function namesIn(node: IrNode, out: Set<string>): void {
  walk(node, (n) => {
    if (n.kind === 'function') return false;
    if (n.kind === 'name') out.add(n.name);
    else if (n.kind === 'member') out.add(n.property);
    else if (n.kind === 'call' && n.isNew) out.add(dotted(n.callee).split('.').pop()?.replace(/<.*$/, '') ?? '');
  });
}

/** String literals among a call's arguments, as path-like values and as plain names (policy names). */
function stringsOf(call: CallNode): string[] {
  const out: string[] = [];
  for (const a of call.args) if (a.value.kind === 'string') out.push(a.value.value);
  return out;
}

/** The calls of the fluent chain a call belongs to (`http.authorizeHttpRequests(...).requestMatchers("/fhir/**").access(m)`). */
function chainOf(call: CallNode): CallNode[] {
  const out: CallNode[] = [];
  let n: IrNode = call;
  while (n.kind === 'call' && n.callee.kind === 'member') {
    out.push(n);
    n = n.callee.object;
  }
  if (n.kind === 'call') out.push(n);
  return out;
}

/** Every application of a name to a path in a model, and the links registrations make between names. */
export function pathUsages(model: CodeModel): { usages: PathUsage[]; links: NameLink[] } {
  const usages: PathUsage[] = [];
  const links: NameLink[] = [];
  const add = (names: Set<string>, paths: string[], at: Span): void => {
    for (const name of names) if (name) for (const path of paths) usages.push({ name, path, at });
  };
  walk(model.root, (node) => {
    if (node.kind === 'class' || node.kind === 'function') {
      // Decorators/attributes that name guards or policies, beside those that give the paths.
      const own = node.decorators;
      const classDecorators = node.kind === 'function' ? model.enclosingClass(node)?.decorators ?? [] : [];
      const paths = [...own, ...classDecorators].flatMap(stringsOf).filter(isPathLiteral);
      if (paths.length === 0) return;
      for (const d of own) {
        const names = new Set<string>();
        for (const a of d.args) {
          namesIn(a.value, names);
          // `[Authorize(Policy = "PartnerApps")]`, `@UseGuards('partner')`
          if (a.value.kind === 'string' && !isPathLiteral(a.value.value)) names.add(a.value.value);
        }
        add(names, paths, d);
      }
      return;
    }
    if (node.kind !== 'call' || node.isDecorator) return;
    const last = calleeLast(node);
    // `options.AddPolicy("PartnerApps", p => p.Requirements.Add(new PartnerAppRequirement()))`
    if (/^(AddPolicy|addPolicy)$/.test(last) && node.args.length >= 2) {
      const policy = node.args[0].value.kind === 'string' ? node.args[0].value.value : undefined;
      if (policy) {
        const names = new Set<string>();
        for (const a of node.args.slice(1)) walk(a.value, (n) => {
          if (n.kind === 'call' && n.isNew) names.add(dotted(n.callee).split('.').pop()?.replace(/<.*$/, '') ?? '');
          if (n.kind === 'name') names.add(n.name);
        });
        for (const to of names) if (to) links.push({ from: policy, to });
      }
      return;
    }
    // A registration naming something beside a path: in its own arguments, or in the chain it belongs to.
    // Judged once, from the outermost call of a chain.
    if (node.parent?.kind === 'member' && node.parent.object === node && node.parent.parent?.kind === 'call' && node.parent.parent.callee === node.parent) return;
    const chain = chainOf(node);
    const paths = chain.flatMap(stringsOf).filter(isPathLiteral);
    if (paths.length === 0) return;
    const names = new Set<string>();
    for (const c of chain) for (const a of c.args) if (a.value.kind !== 'string') namesIn(a.value, names);
    // `.RequireAuthorization("PartnerApps")`
    for (const c of chain) if (/^(RequireAuthorization|requireAuthorization)$/.test(calleeLast(c))) for (const s of stringsOf(c)) if (!isPathLiteral(s)) names.add(s);
    add(names, paths, node);
  });
  return { usages, links };
}
