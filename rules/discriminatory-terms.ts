/**
 * The `discriminatory-terms` rule: limits, fees, priorities and features that differ by who the
 * requestor is (competitors, third-party apps, partner status, the vendor's own apps) rather than by
 * cost or a measured risk, in code (choices, branches, refusals, maps keyed by requester class) and in
 * configuration. Documented in `meta.docs` (docs/rules/discriminatory-terms.md).
 */
import type { CodeModel } from '../server/src/core/code-model';
import type { ConfigEntry, ConfigNode } from '../server/src/core/formats/tree';
import type { IrNode, Span } from '../server/src/core/ir';
import { clipMessageValue, CodeContext, defineRule, reportOncePerSpan } from '../server/src/core/rule';
import { codeSettings, configSettings } from '../server/src/analysis/named-values';
import { isRejection } from '../server/src/analysis/responses';
import { calleeLast, dotted, identifierWords } from '../server/src/analysis/values';
import { ehiContext, HEALTH_CARE_TRIGGERS, mentionsHealthCare } from '../server/src/domain/access-path';
import { requesterClassOf, requesterTest, TermKind, termKindOf } from '../server/src/domain/requester';

const TERM: Record<TermKind, string> = { limit: 'rate limits', fee: 'fees', priority: 'priority', feature: 'features' };
const LIMITER_CALL = /^(rateLimit|rateLimiter|RateLimit|RateLimiter|expressRateLimit|slowDown|throttle|createRateLimiter|createLimiter|RateLimiterMemory|RateLimiterRedis|fastifyRateLimit|ratelimit|AddFixedWindowLimiter|AddTokenBucketLimiter|AddSlidingWindowLimiter|AddConcurrencyLimiter)$/;

export default defineRule({
  meta: {
    id: 'discriminatory-terms',
    title: 'Limits, fees or features that differ by who the requestor is',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'json', 'yaml', 'properties'],
    exceptions: ['fees', 'licensing', 'health-it-performance', 'security'],
    // `requesterClassOf` needs one of these words ...
    triggers: [
      'competi', 'rival', 'thirdparty', 'third_party', 'third-party', 'third party', 'firstparty', 'first_party', 'first-party', 'first party', 'partner',
      'ownapp', 'own_app', 'own-app', 'own app', 'ownclient', 'own_client', 'own-client', 'own client', 'ownvendor', 'own_vendor', 'own-vendor', 'own vendor', 'owndeveloper', 'own_developer', 'own-developer', 'own developer',
      'inhouse', 'in_house', 'in-house', 'in house', 'external', 'outside', 'foreign', 'affiliat',
    ],
    // ... and every check runs only where `mentionsHealthCare` holds.
    triggersAlso: HEALTH_CARE_TRIGGERS,
    skipsTestCode: true,
    messages: {
      choice: '`{test}` picks {term} for `{target}` by {requester}; terms must not differ by requestor (Fees, Licensing exceptions).',
      branch: '`{test}` changes {term} by {requester}; terms must not differ by requestor (Fees, Licensing exceptions).',
      feature: '`{test}` refuses {evidence} by {requester}; terms must not differ by requestor (Licensing exception).',
      setting: '`{name}` sets {term} by {requester}; terms must not differ by requestor (Fees, Licensing exceptions).',
    },
    docs: {
      summary:
        'Flags limits, fees, priorities and features that depend on who the requestor is (a competitor, a third-party app, partner status or tier, the vendor’s own apps, affiliation) rather than on cost or a measured risk: choices in code (`max: (req) => req.client.isPartner ? 1000 : 10`, `fee = app.isFirstParty ? 0 : 0.05`), branches that set a lower limit or a slower queue for third parties, refusals of a feature to all but the vendor’s own apps (`if (!app.isFirstParty) throw new ForbiddenException(...)` on an EHI path), and maps keyed by requester class in code or configuration (`rateLimits: { partner: 1000, thirdParty: 10 }`, `pricing.competitorApps.perCall: 0.10`, `partnerTier: gold`).',
      why:
        'The Manner, Fees and Licensing exceptions require terms that are non-discriminatory: fees based on objective, verifiable criteria uniformly applied and reasonably related to cost (45 CFR 171.302), licensing terms that are reasonable and non-discriminatory (171.303), and alternative manners on the same terms (171.301). Health IT Performance (171.205) and Security (171.203) require measures applied consistently and in a non-discriminatory manner. Terms that are worse for competitors, third-party apps or non-partners than for the vendor’s own apps make access costlier or slower for some requestors and interfere with it (171.102, “interfere”; 171.103).',
      fix:
        'Apply the same limits, fees and features to every requestor; where they must differ, key them by measured load, cost or a specific documented risk (an app that is degrading performance), or by tiers any requestor can choose on published terms, and document the exception relied on.',
      notFlagged: [
        'Plan tiers offered to everyone on the same published terms (`free`, `standard`, `premium`, `enterprise`).',
        'Limits keyed by measured load or a specific risk (`cpuLoad > 0.8`, an app flagged as abusive, error rates).',
        'Partner ids, EDI trading partners and partner endpoint lists that set no limit, fee or feature.',
        'Throttles and fees that apply to every requestor: `unjustified-throttle` and `access-fee` report those; terms keyed by requester class are reported here only, once.',
        'Files that are not about health care, and test code.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged: "export const fhirLimiter = rateLimit({ windowMs: 60_000, max: (req) => (req.client.isPartner ? 1000 : 10) });\napp.use('/fhir', fhirLimiter);",
          fixed: "export const fhirLimiter = rateLimit({ windowMs: 60_000, max: (req) => (serverLoad() > 0.8 ? 100 : 1000) });\napp.use('/fhir', fhirLimiter);",
        },
        {
          language: 'yaml',
          flagged: 'fhir-api:\n  rate-limits:\n    partner-apps: 1000\n    third-party-apps: 10',
          fixed: 'fhir-api:\n  rate-limits:\n    standard: 1000\n    premium: 5000',
        },
      ],
    },
    version: 1,
  },

  code(ctx) {
    const { code } = ctx;
    const report = reportOncePerSpan(ctx);
    if (!mentionsHealthCare(code)) return {};
    return {
      conditional(node) {
        const requester = requesterTest(node.test);
        if (!requester) return;
        const target = targetOf(code, node);
        const kind = target ? termKindOf(target.words) : undefined;
        if (!target || !kind) return;
        if ((kind === 'fee' || kind === 'feature') && !requesterTest(node.test, true)) return;
        report(node, 'choice', { test: clipMessageValue(code.textOf(node.test)), term: TERM[kind], requester, target: target.name });
      },
      if(node) {
        const requester = requesterTest(node.test);
        if (!requester) return;
        const set = assignedTerm(code, node.consequent) ?? (node.alternate ? assignedTerm(code, node.alternate) : undefined);
        if (set) {
          report(node.test, 'branch', { test: clipMessageValue(code.textOf(node.test)), term: TERM[set], requester });
          return;
        }
        if (!isRejection(code, node.consequent)) return;
        // A refusal by requester class must be about apps (`!app.isFirstParty`), not a third-party requester of records.
        const strict = requesterTest(node.test, true);
        if (!strict) return;
        const handler = ehiContext(code, node);
        if (!handler) return;
        report(node.test, 'feature', { test: clipMessageValue(code.textOf(node.test)), evidence: clipMessageValue(handler.evidence, 45), requester: strict });
      },
      end() {
        checkCodeMaps(ctx, report);
      },
    };
  },

  config(ctx) {
    if (!mentionsHealthCare({ text: ctx.file.text })) return;
    const reportedMaps = new Set<ConfigNode>();
    const reportedSpans = new Set<number>();
    for (const root of ctx.config.roots) {
      for (const s of configSettings(root)) {
        const own = requesterClassOf(s.words);
        const inParent = own ? undefined : requesterClassOf(s.parent);
        const requester = own ?? inParent;
        if (!requester) continue;
        const kind = termKindOf([...s.words, ...s.context]);
        if (!kind) continue;
        // `thirdParty: { perMinute: 10 }`: the class is the parent key; `{ partner: 1000, thirdParty: 10 }`: one map, one finding.
        const classEntry: ConfigEntry | undefined = own ? undefined : s.owner.entry;
        const map = own ? s.owner : s.owner.parent;
        if (map && reportedMaps.has(map)) continue;
        if (map) reportedMaps.add(map);
        const at: Span = classEntry ? { start: classEntry.start, end: classEntry.end } : s.at;
        if (reportedSpans.has(at.start)) continue;
        reportedSpans.add(at.start);
        ctx.report({ at, messageId: 'setting', data: { name: classEntry ? classEntry.key : s.name, term: TERM[kind], requester } });
      }
    }
  },
});

/** The name a chosen value is given to: a property key, a variable, an assignment target, a named argument, or a limiter it configures. */
function targetOf(code: CodeModel, node: IrNode): { name: string; words: string[] } | undefined {
  let child: IrNode = node;
  for (let p = node.parent, depth = 0; p && depth < 8; child = p, p = p.parent, depth++) {
    switch (p.kind) {
      case 'object': {
        const prop = p.properties.find((x) => x.value === child);
        if (prop) return withLimiter(p, prop.key);
        break;
      }
      case 'variable':
        return { name: p.name, words: identifierWords(p.name) };
      case 'assign': {
        const name = dotted(p.target) || code.textOf(p.target);
        return { name, words: identifierWords(name) };
      }
      case 'call': {
        const arg = p.args.find((a) => a.value === child);
        if (arg?.name) return { name: arg.name, words: identifierWords(arg.name) };
        if (LIMITER_CALL.test(calleeLast(p))) return { name: calleeLast(p), words: ['limit'] };
        return undefined;
      }
      case 'function':
      case 'return':
      case 'block':
      case 'binary':
      case 'other':
        break;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** A property of a limiter's options (`rateLimit({ max: ... })`) is a limit whatever its key. */
function withLimiter(object: IrNode, key: string): { name: string; words: string[] } {
  const call = object.parent;
  const limiter = call?.kind === 'call' && LIMITER_CALL.test(calleeLast(call));
  return { name: key, words: limiter ? [...identifierWords(key), 'limit'] : identifierWords(key) };
}

/** The term a branch sets: `limit = 10`, `fee = 0.05`, `priority = 'low'`, `queue = slowQueue`, `options.PermitLimit = 10`. */
function assignedTerm(code: CodeModel, branch: IrNode): TermKind | undefined {
  const statements = branch.kind === 'block' ? branch.body : [branch];
  for (const s of statements) {
    if (s.kind !== 'assign') continue;
    const name = dotted(s.target) || code.textOf(s.target);
    const kind = termKindOf(identifierWords(name));
    if (kind && kind !== 'feature') return kind;
  }
  return undefined;
}

/** Maps in code keyed by requester class: `const RATE_LIMITS = { partner: 1000, thirdParty: 10 }`, `competitorFeePerCall = 0.1`. */
function checkCodeMaps(ctx: CodeContext, report: (at: Span, messageId: string, data: Record<string, string>) => void): void {
  const maps = new Set<IrNode>();
  for (const s of codeSettings(ctx.code)) {
    if (s.value.kind === 'function' || s.value.kind === 'object' || s.value.kind === 'call') continue;
    const own = requesterClassOf(s.words);
    // `{ thirdPartyApps: { perCall: 0.05 } }`: the class is the key of the object that holds the setting.
    const nested = !own && s.owner?.kind === 'object' && s.owner.parent?.kind === 'object' ? requesterClassOf(s.parent) : undefined;
    const requester = own ?? nested;
    if (!requester) continue;
    const kind = termKindOf([...s.words, ...s.context]);
    if (!kind) continue;
    // Booleans name who someone is (`isPartner = true`), not a term.
    if (s.value.kind === 'boolean' && kind !== 'feature') continue;
    const map = own ? s.owner : s.owner?.parent;
    if (map?.kind === 'object') {
      if (maps.has(map)) continue;
      maps.add(map);
    }
    const holder = nested && s.owner?.parent?.kind === 'object' ? s.owner.parent.properties.find((p) => p.value === s.owner) : undefined;
    report(holder ?? s.at, 'setting', { name: holder ? holder.key : s.name, term: TERM[kind], requester });
  }
}
