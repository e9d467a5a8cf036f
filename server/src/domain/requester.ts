/**
 * Who the requestor is, as terms of access sometimes depend on it: competitors, third-party apps,
 * partner status, the vendor's own (first-party) apps, affiliation. Limits, fees, priorities and
 * features keyed by these rather than by cost or a measured risk are discriminatory terms (45 CFR 171.301
 * and 171.302 require terms that are the same for all). Plan tiers offered to everyone (free, standard,
 * premium) and limits keyed by measured load are not requester classes. Shared by
 * `discriminatory-terms`, which reports such terms, and `unjustified-throttle` and `access-fee`, which
 * leave them to it.
 */
import type { CodeModel } from '../core/code-model';
import type { IrNode } from '../core/ir';
import { walk } from '../core/ir';
import { expressionWords, resolve } from '../analysis/values';

const APP_LIKE = new Set(['app', 'apps', 'application', 'applications', 'client', 'clients', 'vendor', 'vendors', 'developer', 'developers', 'integrator', 'integrators', 'requester', 'requestor', 'requesters', 'requestors', 'caller', 'callers', 'consumer', 'consumers', 'ehr', 'ehrs', 'system', 'systems']);
/** What the vendor's own may be: `ownApps`, `inHouseClients`, `ownVendorApps`. */
const OWN_APP = new Set(['app', 'apps', 'application', 'applications', 'client', 'clients', 'vendor', 'vendors', 'developer', 'developers']);
/** Words that make a class a tier of requestors (`partnerTier`, `nonPartnerStatus`). */
const TIER_LIKE = new Set(['tier', 'tiers', 'status', 'level', 'levels', 'program', 'requester', 'requestor', 'requesters', 'requestors', 'caller', 'callers']);
/** Other senses of "partner": EDI trading partners, partner ids in routing tables, a partner's API called outbound. */
const NOT_REQUESTER = new Set(['trading', 'edi', 'x12', 'id', 'ids', 'code', 'codes', 'name', 'names', 'url', 'endpoint', 'api', 'apis', 'upstream', 'downstream', 'outbound', 'webhook', 'webhooks']);

/**
 * The requester class words name, if any: `competitor`, `thirdParty`, `partnerTier`, `nonPartner`,
 * `firstPartyApps`, `ownApps`, `externalVendors`, `unaffiliated`.
 */
export function requesterClassOf(words: readonly string[], strict = false): string | undefined {
  const w = new Set(words);
  if (words.some((x) => NOT_REQUESTER.has(x)) && !w.has('competitor') && !w.has('competitors')) return undefined;
  if (['competitor', 'competitors', 'competing', 'rival', 'rivals'].some((x) => w.has(x))) return 'competitor status';
  const adjacent = (a: string, b: string): boolean => words.some((x, i) => x === a && words[i + 1] === b);
  if (w.has('firstparty') || adjacent('first', 'party')) return 'first-party status';
  // `ownApps`, `inHouseClients`: the vendor's own apps, the word right before the app.
  for (let i = 0; i + 1 < words.length; i++) {
    const own = words[i] === 'own' || words[i] === 'inhouse' || (words[i] === 'house' && words[i - 1] === 'in');
    if (own && OWN_APP.has(words[i + 1])) return 'first-party status';
  }
  // Third parties, partners and outsiders are requestors only as apps, clients or a tier of them: a partner's API
  // limit an outbound client respects (`partnerApiRateLimit`) is not a term we set. Strictly (fees, features),
  // only as apps: a third-party *requester* of records (an attorney, an insurer) is a HIPAA question.
  const appish = words.some((x) => APP_LIKE.has(x) && !/^(requester|requestor|requesters|requestors|caller|callers|system|systems)$/.test(x));
  const tierish = words.some((x) => TIER_LIKE.has(x)) || w.has('nonpartner') || adjacent('non', 'partner');
  if (!appish && (strict || !tierish)) return undefined;
  if (w.has('thirdparty') || adjacent('third', 'party')) return 'third-party status';
  if (w.has('nonpartner') || w.has('partner') || w.has('partners') || w.has('partnered') || w.has('partnership')) return 'partner status';
  if ((w.has('external') || w.has('outside') || w.has('foreign')) && words.some((x) => OWN_APP.has(x) && x !== 'client' && x !== 'clients')) return 'external-app status';
  if (w.has('unaffiliated') || w.has('affiliated') || w.has('affiliate') || w.has('nonaffiliated')) return 'affiliation';
  return undefined;
}

/** Terms that can differ by requestor: limits and quotas, fees and prices, priority and queues, features and scopes. */
const LIMIT_WORDS = new Set(['limit', 'limits', 'quota', 'quotas', 'rate', 'rates', 'rpm', 'rps', 'throttle', 'throttling', 'burst', 'max', 'maximum', 'concurrency', 'concurrent', 'requests', 'calls', 'window', 'ratelimit', 'limiter']);
const FEE_WORDS = new Set(['fee', 'fees', 'price', 'prices', 'pricing', 'cost', 'costs', 'charge', 'charges', 'rate', 'billing', 'surcharge', 'markup', 'premium', 'royalty', 'royalties']);
const PRIORITY_WORDS = new Set(['priority', 'queue', 'queues', 'lane', 'delay', 'sla', 'latency', 'weight', 'tier']);
const FEATURE_WORDS = new Set(['features', 'feature', 'scopes', 'scope', 'capabilities', 'capability', 'operations', 'export', 'bulk', 'write', 'enabled', 'allowed', 'access']);

export type TermKind = 'limit' | 'fee' | 'priority' | 'feature';

/** Which kind of term words name. */
export function termKindOf(words: readonly string[]): TermKind | undefined {
  if (words.some((w) => FEE_WORDS.has(w) && w !== 'rate')) return 'fee';
  if (words.some((w) => LIMIT_WORDS.has(w))) return 'limit';
  if (words.some((w) => PRIORITY_WORDS.has(w))) return 'priority';
  if (words.some((w) => FEATURE_WORDS.has(w))) return 'feature';
  return undefined;
}

/** Measured load or a specific risk decides instead of who asks: such a choice is not discriminatory. */
const LOAD_WORDS = new Set(['load', 'cpu', 'memory', 'latency', 'utilization', 'utilisation', 'backlog', 'abuse', 'abusive', 'errors', 'error', 'degraded', 'overload', 'overloaded', 'health', 'healthy', 'saturation', 'incident']);

/** Conditions about the data (sensitivity, consent, minors): a data policy, not a term of access. */
const DATA_POLICY_WORDS = new Set(['sensitive', 'sensitivity', 'confidential', 'restricted', 'consent', 'consents', 'minor', 'minors', 'vip', 'part2', 'psychotherapy', 'embargo', 'embargoed']);

/**
 * The requester class a condition tests, unless it (also) tests measured load, a specific risk or the
 * data itself. `strict`: third parties and outsiders count only as apps, vendors or developers.
 */
export function requesterTest(node: IrNode, strict = false): string | undefined {
  const words = expressionWords(node);
  if (words.some((w) => LOAD_WORDS.has(w) || DATA_POLICY_WORDS.has(w))) return undefined;
  return requesterClassOf(words, strict);
}

/**
 * Whether a construct chooses a value by requester class (`isPartner ? 1000 : 10`), in its own subtree or in
 * the definition of a limiter it names (`app.use('/fhir', fhirLimiter)`) — what `discriminatory-terms` reports.
 */
export function containsRequesterChoice(model: CodeModel, node: IrNode, depth = 0): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n.kind === 'conditional' && requesterTest(n.test)) found = true;
    else if (n.kind === 'if' && requesterTest(n.test)) found = true;
    else if (n.kind === 'name' && depth < 2) {
      const value = resolve(model, n);
      if (value && value !== n && value.kind === 'call' && containsRequesterChoice(model, value, depth + 1)) found = true;
    }
  });
  return found;
}

/** The `if` whose consequent holds `node` and whose test is a requester class (`if (!app.isFirstParty) throw ...`), within its function. */
export function requesterBranchOf(node: IrNode): IrNode | undefined {
  let child: IrNode = node;
  for (let p = node.parent; p && p.kind !== 'function'; child = p, p = p.parent) {
    if (p.kind === 'if' && child === p.consequent && requesterTest(p.test, true)) return p;
  }
  return undefined;
}
