/**
 * The `app-registration-gate` rule: app registration and production enablement that go beyond vetting
 * an app for its authenticity (45 CFR 170.404(a)(4)): manual approval states, review queues and
 * approval switches, waiting periods and enablement deadlines longer than five business days, and
 * security questionnaires or business terms required of the apps patients choose. Documented in
 * `meta.docs` (docs/rules/app-registration-gate.md).
 */
import type { CodeModel } from '../server/src/core/code-model';
import { ConfigNode, items, scalar, scalarBoolean, scalarString } from '../server/src/core/formats/tree';
import type { IfNode, IrNode, Span } from '../server/src/core/ir';
import { walk } from '../server/src/core/ir';
import { CodeContext, ConfigContext, defineRule, reportOncePerSpan } from '../server/src/core/rule';
import { codeBoolean, codeDuration, codeSettings, configDuration, configSettings, DurationSetting } from '../server/src/analysis/named-values';
import { isRejection } from '../server/src/analysis/responses';
import { absenceTest, callSite, enclosingNameWords, expressionWords, hasWord as has, identifierWords, memberName, stringValue } from '../server/src/analysis/values';
import { appRegistrationScope, isAppRegistrationWords } from '../server/src/domain/access-path';
import {
  deadlineFromNow,
  EXCEPTIONAL,
  hasShortVettingDeadline,
  inExceptionalCase,
  isGateSwitch,
  isManualMode,
  isReviewState,
  NEGATION,
  QUERY_WORDS,
  reviewRoutingOf,
  STATUS_NAME,
  withinVettingBound,
} from '../server/src/domain/review';

const DAY_MS = 86_400_000;

const APP_WORDS = new Set(['app', 'apps', 'application', 'applications', 'client', 'clients']);
/** Words of taking an app to production (besides registering it). */
const ONBOARDING_WORDS = new Set(['production', 'enablement', 'activation', 'activate', 'gallery', 'marketplace', 'showroom', 'onboarding', 'promotion', 'promote']);
/** Words of a wait before production. */
const WAIT_WORDS = new Set(['review', 'approval', 'approve', 'vetting', 'enablement', 'activation', 'activate', 'production', 'waiting', 'cooling', 'quarantine', 'sandbox', 'promotion', 'onboarding']);
const TIME_WORDS = new Set(['days', 'day', 'hours', 'hour', 'weeks', 'week', 'sla', 'deadline', 'period', 'delay', 'duration', 'within', 'minimum', 'min', 'turnaround', 'time']);
/** Durations of other things near app registration: token and secret lifetimes, retention, reminders. */
const NOT_WAIT = new Set(['expires', 'expiry', 'expiration', 'ttl', 'lifetime', 'token', 'tokens', 'secret', 'secrets', 'refresh', 'rotation', 'retention', 'timeout', 'session', 'cache', 'reminder', 'reminders', 'notify', 'notification', 'inactive', 'inactivity', 'idle', 'cleanup', 'purge', 'delete', 'deletion', 'poll', 'polling', 'retry', 'rate', 'backup', 'backups', 'log', 'logs', 'logging', 'archive', 'reset', 'audit', 'report', 'reports']);
/** Apps that are not chosen by patients: back-end services, bulk clients, provider-facing integrations. */
const NOT_PATIENT_APP = new Set(['system', 'backend', 'bulk', 'b2b', 'provider', 'providers', 'clinician', 'practitioner', 'admin', 'internal', 'service', 'services', 'machine']);
const REQUIRE_WORDS = new Set(['require', 'requires', 'required', 'mandatory', 'enforce', 'enforced', 'must', 'need', 'needs']);

/** What a requirement asks of an app beyond its authenticity, by the words of its name or value. */
export function extraTermOf(words: readonly string[]): string | undefined {
  const w = new Set(words);
  if (w.has('questionnaire') || w.has('questionnaires') || w.has('survey')) return 'a security questionnaire';
  if (w.has('assessment') && (w.has('security') || w.has('risk') || w.has('vendor'))) return 'a security assessment';
  if (w.has('pentest') || w.has('penetration') || (w.has('pen') && w.has('test'))) return 'a penetration test';
  if (w.has('soc2') || (w.has('soc') && (w.has('2') || w.has('ii'))) || w.has('hitrust') || w.has('iso27001')) return 'a security certification';
  if (w.has('baa') || (w.has('business') && w.has('associate'))) return 'a business associate agreement';
  if (w.has('insurance')) return 'proof of insurance';
  if (w.has('contract') || w.has('contracts')) return 'a contract';
  if ((w.has('agreement') || w.has('agreements') || w.has('terms')) && ['business', 'commercial', 'partnership', 'partner', 'license', 'licensing', 'revenue', 'reseller', 'data'].some((x) => w.has(x))) return 'business terms';
  return undefined;
}

/** Words about registering an app or taking it to production. */
export function isAppOnboardingWords(words: readonly string[]): boolean {
  if (isAppRegistrationWords([...words])) return true;
  return words.some((w) => APP_WORDS.has(w)) && words.some((w) => ONBOARDING_WORDS.has(w) || w === 'registered' || w === 'review' || w === 'approval' || w === 'vetting');
}

function describeDays(ms: number | undefined, businessDays?: number): string {
  if (businessDays !== undefined) return `${businessDays} business days`;
  if (ms === undefined) return 'an unstated time';
  const days = ms / DAY_MS;
  return days >= 1 ? `${+days.toFixed(1)} days` : `${+(ms / 3_600_000).toFixed(1)} hours`;
}

/** A wait longer than five business days: business days when the name says so, else seven calendar days. */
function longWait(words: readonly string[], duration: DurationSetting | undefined): string | undefined {
  if (!duration) return undefined;
  const business = words.includes('business') || words.includes('working');
  if (business) {
    const days = duration.ms !== undefined ? duration.ms / DAY_MS : duration.amount;
    return days !== undefined && days > 5 ? `${+days.toFixed(1)} business days` : undefined;
  }
  return duration.ms !== undefined && duration.ms > 7 * DAY_MS ? describeDays(duration.ms) : undefined;
}

function isWaitName(words: readonly string[], all: readonly string[]): boolean {
  if (has(all, NOT_WAIT) || has(all, EXCEPTIONAL)) return false;
  return has(words, WAIT_WORDS) && (has(words, TIME_WORDS) || words.some((w) => /^(days|hours|weeks)$/.test(w)));
}

export default defineRule({
  meta: {
    id: 'app-registration-gate',
    title: 'App registration gated beyond vetting for authenticity',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'json', 'yaml', 'xml', 'properties'],
    exceptions: ['security'],
    // Every check needs an app (or OAuth) word in the names around it (`isAppOnboardingWords`, `appRegistrationScope`) ...
    triggers: ['app', 'client', 'oauth'],
    // ... and a word of review, waiting or an extra requirement (`reviewRoutingOf`, `isGateSwitch`, `isManualMode`,
    // `isReviewState`, WAIT_WORDS, `extraTermOf`).
    triggersAlso: [
      'review', 'approv', 'adjudicat', 'vetting', 'legal', 'committee', 'compliance', 'counsel', 'attorney', 'lawyer', 'fulfil',
      'enablement', 'activat', 'production', 'waiting', 'cooling', 'quarantine', 'sandbox', 'promot', 'onboard',
      'questionnaire', 'survey', 'assessment', 'pentest', 'pen_test', 'pen-test', 'penetration', 'soc2', 'soc_2', 'soc-2', 'hitrust', 'iso27001', 'baa', 'associate', 'insurance', 'contract', 'agreement', 'terms',
    ],
    messages: {
      reviewState: '{what} holds an app in `{state}` for manual approval ({evidence}); needs a documented Security exception.',
      reviewRouting: '`{callee}(...)` sends an app to {reviewer} review ({evidence}); needs a documented Security exception.',
      gateSwitch: '`{name}: {value}` holds app registrations for manual approval; needs a documented Security exception.',
      wait: '`{name}: {value}` keeps apps from production for {duration}, over five business days; needs a documented Security exception.',
      deadline: '`{name}` enables apps {duration} after registration, over five business days; needs a documented Security exception.',
      terms: '`{name}: {value}` demands {term} from apps beyond authenticity; needs a documented Security exception.',
      termsItem: '`{value}` in `{name}` demands {term} from apps beyond authenticity; needs a documented Security exception.',
      termsCheck: '{evidence} refuses app registration without {term}; needs a documented Security exception.',
    },
    docs: {
      summary:
        'Flags app registration and production enablement that go beyond vetting an app for its authenticity: registrations put into a manual approval state (`PENDING_APPROVAL`, `AWAITING_REVIEW`) or sent to a review queue or committee, approval switches (`requireManualApproval: true`, `autoApprove: false`, `approvalMode: manual`), waiting periods and enablement deadlines longer than five business days (`productionApprovalSlaDays: 15`, `minSandboxDays: 30`, `enabledAt = now + 30 days`), and security questionnaires, security assessments, penetration tests, certifications, business associate agreements, contracts or business terms demanded of apps before registration (a setting, a list of required documents, or a registration handler that refuses without them).',
      why:
        'A certified API developer may vet an app only to verify its authenticity, and must then enable it for production use within five business days (45 CFR 170.404(a)(4)(ii), a condition of certification). Review committees, waiting periods, questionnaires and contracts keep the apps patients choose from reaching their records, which interferes with access (45 CFR 171.102, “interfere”; 171.103). A measure tailored to a specific, documented security risk can be lawful under the Security exception (171.203).',
      fix:
        'Verify authenticity (the developer’s identity, a signed software statement, registered redirect URIs) and enable the app automatically, or within five business days at most (`reviewDueBy = addBusinessDays(now, 5)`). Publish terms of use, but do not make questionnaires, assessments, insurance or business agreements a condition of registering a patient-chosen app. If a step is deliberate for a specific risk, document the Security exception with an `ehi-exception` annotation.',
      notFlagged: [
        'Vetting for authenticity: states and checks about verification, identity or a software statement (`PENDING_VERIFICATION`, `verifyPublisherIdentity: true`), and review with a deadline of five business days or less.',
        'Accepting published terms of use (`acceptedTerms`), and the developer attestation of privacy practices.',
        'Requirements on back-end, system, bulk or provider-facing clients (`system/` integrations): they are not patient-chosen apps.',
        'Token, secret and registration-access lifetimes, reminders and retention periods near app registration.',
        'OAuth `autoApprove: false` on a client: it asks the patient for consent, it does not route the app to staff.',
        'Review of individual requests for EHI: `manual-review-gate` reports those. Client allow-lists and registration switched off: `app-access-restriction` reports those.',
        'Test code.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged: "router.post('/oauth/register', async (req, res) => {\n  const app = await Apps.create({ ...req.body, status: 'PENDING_APPROVAL' });\n  res.status(201).json(app);\n});",
          fixed: "router.post('/oauth/register', async (req, res) => {\n  await verifySoftwareStatement(req.body.software_statement);\n  const app = await Apps.create({ ...req.body, status: 'ACTIVE' });\n  res.status(201).json(app);\n});",
        },
        {
          language: 'yaml',
          flagged: 'app-registration:\n  require-security-questionnaire: true\n  production-approval-sla-days: 15',
          fixed: 'app-registration:\n  verify-software-statement: true\n  production-approval-sla-business-days: 5',
        },
      ],
    },
    skipsTestCode: true,
    version: 1,
  },

  code(ctx) {
    const report = reportOncePerSpan(ctx);
    return {
      call(call) {
        if (call.isDecorator) return;
        const routing = reviewRoutingOf(ctx.code, call);
        if (!routing) return;
        const scope = appScope(ctx.code, call, call.args.flatMap((a) => expressionWords(a.value)).slice(0, 12));
        if (!scope || inExceptionalCase(call) || hasShortVettingDeadline(ctx.code, call)) return;
        report(callSite(call), 'reviewRouting', { callee: routing.callee, reviewer: routing.reviewer, evidence: scope });
      },
      if(node) {
        checkTermsRefusal(ctx, node, report);
      },
      end() {
        checkCodeSettings(ctx, report);
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      for (const s of configSettings(root)) {
        const all = [...s.words, ...s.context];
        if (!isAppOnboardingWords(all) || has(all, EXCEPTIONAL) || has(all, NEGATION)) continue;
        const bool = typeof scalar(s.value) === 'number' ? undefined : scalarBoolean(s.value);
        const verdict = judgeSetting(s.words, all, bool, scalarString(s.value), () => configDuration(s));
        if (verdict) ctx.report({ at: s.at, messageId: verdict.messageId, data: { name: s.name, value: String(scalar(s.value)), ...verdict.data } });
      }
      checkRequiredLists(ctx, root);
    }
  },
});

/* ---------------- scope ---------------- */

/** Where code registers or enables apps: a registration handler, or functions, classes and values named for it. */
function appScope(code: CodeModel, node: IrNode, extraWords: string[] = []): string | undefined {
  const handler = appRegistrationScope(code, node);
  const names = enclosingNameWords(node);
  if (has([...names, ...extraWords], NOT_PATIENT_APP) && !names.includes('patient')) return undefined;
  if (handler) return handler.evidence;
  if (isAppOnboardingWords([...names, ...extraWords])) {
    const fn = code.enclosingNamedFunction(node);
    const cls = code.enclosingClass(node);
    return fn?.name ? `function ${fn.name}` : cls ? `class ${cls.name}` : 'app registration';
  }
  return undefined;
}

/* ---------------- settings ---------------- */

interface Verdict {
  messageId: string;
  data: Record<string, string>;
}

function judgeSetting(words: string[], all: string[], bool: boolean | undefined, text: string | undefined, duration: () => DurationSetting | undefined): Verdict | undefined {
  if (has(all, NOT_PATIENT_APP) && !all.includes('patient')) return undefined;
  if (bool !== undefined) {
    if (isGateSwitch(words, all, bool)) return { messageId: 'gateSwitch', data: {} };
    const term = extraTermOf(words);
    if (bool && term && has(words, REQUIRE_WORDS)) return { messageId: 'terms', data: { term } };
    return undefined;
  }
  if (text !== undefined && isManualMode(words, text)) return { messageId: 'gateSwitch', data: {} };
  if (text !== undefined && has(words, STATUS_NAME) && words.some((w) => /^(default|initial|start|starting|new)$/.test(w)) && isReviewState(text)) return { messageId: 'gateSwitch', data: {} };
  if (isWaitName(words, all)) {
    const long = longWait(words, duration());
    if (long) return { messageId: 'wait', data: { duration: long } };
  }
  return undefined;
}

/** `requiredDocuments: [security-questionnaire, baa]`, `registration.requirements: [...]`. */
function checkRequiredLists(ctx: ConfigContext, root: ConfigNode): void {
  const visit = (node: ConfigNode, path: string[]): void => {
    if (node.kind === 'map') {
      for (const e of node.entries) visit(e.value, [...path, e.key]);
      return;
    }
    if (node.kind !== 'seq' || path.length === 0) return;
    const key = path[path.length - 1];
    const keyWords = identifierWords(key);
    const all = path.flatMap(identifierWords);
    if (!has(keyWords, REQUIRE_WORDS) && !keyWords.some((w) => /^(requirements|prerequisites|checklist)$/.test(w))) return;
    if (!isAppOnboardingWords(all) || (has(all, NOT_PATIENT_APP) && !all.includes('patient'))) return;
    for (const item of items(node)) {
      const value = scalarString(item);
      const term = value ? extraTermOf(identifierWords(value)) : undefined;
      if (value && term) ctx.report({ at: item, messageId: 'termsItem', data: { value, name: key, term } });
    }
  };
  visit(root, []);
}

/** Review states, approval switches, waits and deadlines written in code. */
function checkCodeSettings(ctx: CodeContext, report: (at: Span, messageId: string, data: Record<string, string>) => void): void {
  const { code } = ctx;
  for (const s of codeSettings(code)) {
    const all = [...s.words, ...s.context];
    const bool = codeBoolean(code, s);
    const text = bool === undefined ? stringValue(code, s.value) ?? memberName(s.value) ?? (s.value.kind === 'member' ? s.value.property : undefined) : undefined;
    // Reading, not writing: `where: { status: 'PENDING_APPROVAL' }`, `.filter(status=...)`.
    if (s.parent.some((w) => QUERY_WORDS.has(w))) continue;
    const node = nodeAt(code, s.at) ?? s.owner;
    if (!node) continue;
    const scope = appScope(code, node, s.context);
    const inApp = !!scope || isAppOnboardingWords(all);
    if (!inApp || has(all, EXCEPTIONAL) || has(all, NEGATION) || inExceptionalCase(node)) continue;
    // A review state set while registering an app, or the default of a Django model's status field.
    const djangoDefault = s.name === 'default' && s.owner?.parent?.kind === 'variable' && has(identifierWords(s.owner.parent.name), STATUS_NAME);
    if (text && (has(s.words, STATUS_NAME) || djangoDefault) && isReviewState(text) && scope) {
      if (hasShortVettingDeadline(code, node)) continue;
      report(s.at, 'reviewState', { what: `\`${s.name}\``, state: text, evidence: scope });
      continue;
    }
    // A deadline computed from now: `productionEnabledAt = addBusinessDays(now, 10)`.
    const deadline = deadlineFromNow(code, s.value);
    if (deadline) {
      if (!withinVettingBound(deadline) && has(s.words, WAIT_WORDS) && !has(all, new Set(['expires', 'expiry', 'expiration', 'ttl', 'token', 'secret', 'reminder']))) {
        report(s.at, 'deadline', { name: s.name, duration: describeDays(deadline.ms, deadline.businessDays) });
      }
      continue;
    }
    const verdict = judgeSetting(s.words, all, bool, text, () => codeDuration(code, s));
    if (verdict) report(s.at, verdict.messageId, { name: s.name, value: bool === undefined ? String(text ?? code.textOf(s.value)) : String(bool), ...verdict.data });
  }
}

/** The IR node a setting's span belongs to. */
function nodeAt(code: CodeModel, at: Span): IrNode | undefined {
  let found: IrNode | undefined;
  walk(code.root, (n) => {
    if (found) return false;
    if (n.start === at.start && n.end === at.end) found = n;
    else if (n.start > at.start || n.end < at.start) return false;
  });
  return found;
}

/* ---------------- refusals in registration handlers ---------------- */

/** `if (!body.securityQuestionnaire) return res.status(400)...` in an app registration handler. */
function checkTermsRefusal(ctx: CodeContext, node: IfNode, report: (at: Span, messageId: string, data: Record<string, string>) => void): void {
  const { code } = ctx;
  if (!isRejection(code, node.consequent)) return;
  const words = expressionWords(node.test);
  const term = extraTermOf(words);
  if (!term || !absenceTest(node.test)) return;
  const handler = appRegistrationScope(code, node);
  if (!handler) return;
  const names = enclosingNameWords(node);
  if (has([...names, ...words], NOT_PATIENT_APP) && !names.includes('patient')) return;
  report(node.test, 'termsCheck', { evidence: handler.evidence, term });
}
