/**
 * The `manual-review-gate` rule: routine EHI requests put into a review state or routed to legal,
 * committee or manual review, by code or by configuration. Documented in `meta.docs`
 * (docs/rules/manual-review-gate.md).
 */
import type { CodeModel } from '../server/src/core/code-model';
import { scalar, scalarBoolean, scalarString } from '../server/src/core/formats/tree';
import type { CallNode, IrNode, Span } from '../server/src/core/ir';
import { walk } from '../server/src/core/ir';
import { CodeContext, defineRule } from '../server/src/core/rule';
import { appRegistrationScope, ehiScope, isAppRegistrationWords, briefEvidence } from '../server/src/domain/access-path';
import { inExceptionalCase, isGateSwitch, isManualMode, NEGATION, QUERY_WORDS, READ_VERB, REQUEST_OBJECT, REVIEW_NOUN, REVIEW_QUALIFIER, REVIEWERS, ROUTE_VERB, STATUS_NAME } from '../server/src/domain/review';
import { codeBoolean, codeSettings, configSettings } from '../server/src/analysis/named-values';
import { calleeLast, calleeName, callSite, dotted, enclosingNameWords, expressionWords, hasWord as has, identifierWords, memberName, stringValue } from '../server/src/analysis/values';

/** Reviews of other things: payments, content, clinical work products, staff accounts. */
const OTHER_OBJECT = new Set([
  'refund', 'refunds', 'payment', 'payments', 'invoice', 'invoices', 'comment', 'comments', 'post', 'posts', 'content', 'moderation', 'expense', 'timesheet', 'leave',
  'claim', 'claims', 'prior', 'preauth', 'referral', 'referrals', 'note', 'notes', 'document', 'documents', 'result', 'results', 'order', 'orders', 'prescription',
  'appointment', 'appointments', 'booking', 'user', 'users', 'account', 'accounts', 'staff', 'employee', 'code', 'pull', 'merge', 'deployment', 'deploy', 'release',
  'change', 'article', 'product', 'listing', 'rating', 'coding', 'coder', 'deficiency', 'deficiencies', 'abstraction', 'cdi', 'glass', 'breakglass', 'entitlement',
  'entitlements', 'role', 'roles', 'permission', 'permissions', 'recertification', 'feedback', 'survey', 'summary', 'summaries', 'draft', 'drafts', 'waiver', 'waivers', 'fee', 'fees', 'charge', 'charges',
]);
/** Review states of other things than requests (`PENDING_PAYMENT_REVIEW`, `CONTENT_REVIEW`). */
const OTHER_STATE = new Set(['refund', 'payment', 'payments', 'content', 'moderation', 'expense', 'claim', 'cosign', 'cosignature', 'code', 'deployment', 'product', 'coding', 'coder', 'deficiency', 'cdi', 'qa', 'pharmacist', 'pharmacy', 'order',
  // Clinical review of clinical content (a result, a generated summary) by a clinician is release-delay's question, not a request waiting.
  'clinician', 'clinical', 'provider', 'physician', 'doctor', 'nurse', 'radiologist', 'pathologist', 'attending']);
/** Conditions that make a case exceptional: identity, minors, legal process, sensitive records, fraud, missing authorization. */
const EXCEPTIONAL = new Set([
  'identity', 'verified', 'unverified', 'verify', 'verification', 'mismatch', 'mismatched', 'match', 'matched', 'minor', 'minors', 'age', 'underage',
  'adolescent', 'guardian', 'proxy', 'representative', 'court', 'subpoena', 'warrant', 'deceased', 'sensitive', 'part2', 'substance', 'sud', 'psychotherapy',
  'fraud', 'fraudulent', 'suspicious', 'abuse', 'risk', 'attestation', 'authenticity', 'authentic', 'flagged', 'consent', 'authorization', 'authorisation',
  'signed', 'signature', 'expired', 'invalid', 'incomplete', 'missing', 'unsigned', 'sealed', 'restricted', 'vip', 'confidential', 'dispute', 'disputed',
  'duplicate', 'amendment', 'litigation', 'irb', 'research', 'unmatched', 'error', 'errors', 'failed', 'failure', 'failures', 'appeal', 'appeals', 'large', 'oversized',
]);
/**
 * Where a copy goes, not where the request waits: audit trails, logs, archives, monitoring. Routing a
 * copy there (a Mirth `router.routeMessage('Compliance Audit Writer', ...)`, `complianceAudit.submit(...)`)
 * records the request; it does not hold it.
 */
const RECORD_SINK = new Set([
  'audit', 'audits', 'auditing', 'auditor', 'log', 'logs', 'logging', 'logger', 'journal', 'archive', 'archiver', 'archiving', 'archival', 'history', 'trail',
  'metrics', 'monitor', 'monitoring', 'analytics', 'telemetry', 'siem', 'tap', 'mirror', 'backup', 'warehouse', 'datalake', 'reporting',
]);
/** Channel words of answering requests or sending records out. */
const MIRTH_REQUEST = new Set(['outbound', 'query', 'queries', 'qry', 'ccd', 'ccda', 'cda', 'xds', 'retrieve', 'retrieval', 'exchange', 'hie', 'disclosure', 'disclosures', 'request', 'requests', 'roi']);
/** Mail, chat and paging: a notification about a request, not the place it waits. */
const NOTIFIER = new Set(['email', 'emails', 'mail', 'mailer', 'smtp', 'notification', 'notifications', 'notifier', 'notify', 'slack', 'teams', 'sms', 'pager', 'webhook', 'webhooks', 'telemetry', 'event', 'events']);
/** Test and QA artefacts: a test team reviewing diffs of mapped messages is not an EHI request waiting. */
const QA_OBJECT = new Set(['qa', 'test', 'tests', 'testcase', 'diff', 'diffs', 'regression', 'suite', 'fixture', 'fixtures', 'snapshot', 'golden']);
/** Configuration of builds, deployments and record retention: a production deploy or a purge waiting for approval is not a request for EHI. */
const NOT_REQUEST_CONFIG = new Set([
  // Letters, templates and notifications get reviewed as content; staff roles and analytics extracts are not requests for EHI.
  'template', 'templates', 'letter', 'letters', 'wording', 'notification', 'notifications', 'email', 'emails', 'sms', 'reviewer', 'reviewers', 'staff', 'admin',
  'role', 'roles', 'permission', 'permissions', 'analytics', 'reporting', 'dashboard', 'ui',
  'retention', 'purge', 'destruction', 'deploy', 'deploys', 'deployment', 'deployments', 'pipeline', 'pipelines', 'ci', 'cicd', 'build', 'builds', 'merge', 'pull', 'rollout', 'promotion']);

export default defineRule({
  meta: {
    id: 'manual-review-gate',
    title: 'Routine EHI requests held for manual, legal or committee review',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties'],
    exceptions: ['privacy', 'preventing-harm', 'security', 'infeasibility', 'required-by-law'],
    triggers: ['review', 'approv', 'legal', 'committee', 'manual', 'adjudicat', 'vetting', 'compliance', 'counsel', 'attorney', 'lawyer', 'fulfil'],
    messages: {
      reviewState: '{what} puts {request} into `{state}` to wait for a person, with no exceptional case in view ({evidence}).',
      reviewRouting: '{what} sends {request} to {reviewer} review with no exceptional case in view ({evidence}).',
      configGate: '`{name}: {value}` sends {request} to manual review instead of fulfilling them automatically.',
      configState: '`{name}: {value}` starts {request} in a state that waits for a person to release them.',
    },
    docs: {
      summary:
        'Flags routine requests for EHI (patient access, records and release-of-information requests, provider-to-provider exchange, patient-authorized apps and app registration) that are put into a review state (`PENDING_REVIEW`, `MANUAL_REVIEW`, `AWAITING_APPROVAL`, `LEGAL_REVIEW`), routed to legal, committee or manual review (`routeToLegal(request)`, `queueForManualReview(...)`, `committee.review(...)`, a Mirth `router.routeMessage` to a review channel), or sent there by configuration (`requireManualApproval: true`, `autoApprove: false`).',
      why:
        'Interference includes slowing access and making it more burdensome, not only refusing it (45 CFR 171.102, “interfere”; 171.103). A request that could be fulfilled automatically but waits for a person delays every requestor. Review can be lawful for exceptional cases: a precondition the law imposes is unmet (Privacy, 171.202), a licensed professional’s individual determination (Preventing Harm, 171.201), a specific security risk such as an app whose authenticity must be verified (Security, 171.203; 45 CFR 170.404 allows vetting an app only for authenticity and enabling it within five business days), or a request that cannot be met with a written reason sent within 10 business days (Infeasibility, 171.204).',
      fix:
        'Fulfil routine requests automatically and keep review for the exceptional cases, with the condition visible in code (`if (!request.identityVerified || patient.isMinor) queueForReview(request)`). Bound app vetting to authenticity checks and five business days. If a review step is deliberate, document the exception with an `ehi-exception` annotation naming the condition that makes it lawful.',
      notFlagged: [
        'App registrations put into review or approval states, queues or switches: `app-registration-gate` reports them (45 CFR 170.404 bounds app vetting), so that each construct is reported once.',
        'Review inside a condition about an exceptional case: identity not verified or mismatched, a minor’s or sensitive record (42 CFR Part 2, psychotherapy notes), a court order or subpoena, a missing consent or authorization, suspected fraud.',
        'App-registration vetting with a deadline of five business days or less (`reviewDueBy = addBusinessDays(now, 5)`), and vetting states about authenticity (`PENDING_VERIFICATION`).',
        'Review queues for things that are not EHI requests: refunds and payments, content moderation, clinical notes awaiting co-signature, prior authorization, staff accounts.',
        'Reading or completing a review (`status === "PENDING_REVIEW"`, `approve(request)`), enums that only list the states, and automatic approval paths.',
        'OAuth `autoApprove: false` on a client: it asks the patient for consent, it does not route the request to staff.',
        'A copy routed to an audit trail, a log, an archive or monitoring (a Mirth `router.routeMessage(\'Compliance Audit Writer\', ...)`, `complianceAudit.submit(...)`): it records the request, the request itself goes on.',
        'Review of other things than requests for EHI: clinician sign-off and pharmacist verification of orders, staff account approval, moderation of posts, intake questionnaires and uploaded cards, chart coding and documentation deficiencies, data use agreements with partners, research data requests awaiting an IRB, break-the-glass access reviewed afterwards.',
        'Reviews of what a route creates beside a request (`POST /records-requests/:id/comments` makes a comment); what a state or switch is set on is read from the route’s last segment and the receiver’s declaration (`RecordsRequest.objects.create(...)`).',
        'Configuration of letters, templates and notifications, reviewer and staff roles, analytics extracts and screens (`roi.templates.require-legal-review: true`), and of requests over a size threshold (`large-requests`).',
        'Mirth channels that neither answer requests nor send records out (an inbound ADT or orders feed routed to HIM data-quality review): a channel must name requests, queries, outbound documents or exchange.',
        'Notifications about a request (an email to the HIM team, a telemetry event), fee waivers, appeals of a denial, clinician review of generated summaries, litigation holds on record retention, and interface messages that match no patient or failed.',
        'Staff work queues, where a person already working one request sends it on (an HIM specialist escalating one request to legal on an admin route), QA tooling that queues test diffs for manual review, and deployment pipelines that wait for approval (`deploy: require-manual-approval: true`).',
      ],
      examples: [
        {
          language: 'typescript',
          flagged: "router.post('/records-requests', async (req, res) => {\n  const request = await RecordsRequest.create({ ...req.body, status: 'PENDING_REVIEW' });\n  res.status(202).json(request);\n});",
          fixed:
            "router.post('/records-requests', async (req, res) => {\n  const request = await RecordsRequest.create({ ...req.body, status: 'RECEIVED' });\n  if (!req.patient.identityVerified) await reviewQueue.add(request.id);\n  else await fulfilment.start(request.id);\n  res.status(202).json(request);\n});",
        },
        {
          language: 'yaml',
          flagged: 'records-requests:\n  require-manual-approval: true',
          fixed: 'records-requests:\n  require-manual-approval: false\n  minor-records:\n    require-manual-approval: true',
        },
      ],
    },
    version: 2,
  },

  code(ctx) {
    const reported = new Set<IrNode>();
    return {
      call(call) {
        if (call.isDecorator) return;
        checkRouting(ctx, call, reported);
      },
      end() {
        checkStates(ctx, reported);
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      for (const s of configSettings(root)) {
        const all = [...s.words, ...s.context];
        if (!isEhiRequestContext(all) || has(all, EXCEPTIONAL) || has(all, NEGATION) || has(all, NOT_REQUEST_CONFIG)) continue;
        const request = describeRequest(all);
        const bool = scalarBoolean(s.value);
        if (bool !== undefined && typeof scalar(s.value) !== 'number') {
          if (isGateSwitch(s.words, all, bool)) ctx.report({ at: s.at, messageId: 'configGate', data: { name: s.name, value: String(scalar(s.value)), request } });
          continue;
        }
        const text = scalarString(s.value);
        if (!text) continue;
        if (has(s.words, STATUS_NAME) && s.words.some((w) => /^(default|initial|start|starting|new)$/.test(w)) && isReviewState(text)) {
          ctx.report({ at: s.at, messageId: 'configState', data: { name: s.name, value: text, request } });
        } else if (isManualMode(s.words, text)) {
          ctx.report({ at: s.at, messageId: 'configGate', data: { name: s.name, value: text, request } });
        }
      }
    }
  },
});

/* ---------------- vocabulary ---------------- */

/** `PENDING_REVIEW`, `ManualReview`, `awaiting-approval`, `LEGAL_REVIEW`, `under_review`, `REVIEW_REQUIRED`, `PENDING_LEGAL`. */
function isReviewState(text: string): boolean {
  const words = identifierWords(text);
  if (words.length > 5 || has(words, EXCEPTIONAL) || has(words, OTHER_STATE)) return false;
  const reviewNoun = words.some((w) => REVIEW_NOUN.has(w));
  if (reviewNoun && words.some((w) => REVIEW_QUALIFIER.has(w))) return true;
  return (words.includes('pending') || words.includes('awaiting')) && has(words, REVIEWERS);
}

/** Configuration about EHI requests (app registration is `app-registration-gate`'s). */
function isEhiRequestContext(words: string[]): boolean {
  if (isAppRegistrationWords(words)) return false;
  if (words.some((w) => /^(records|record|roi|disclosure|disclosures|ehi|chart|charts)$/.test(w))) return true;
  if (words.includes('release') && words.includes('information')) return true;
  if (words.some((w) => w === 'request' || w === 'requests') && words.some((w) => /^(patient|patients|access|information|data|copy|copies|export|exchange|provider)$/.test(w))) return true;
  if (words.some((w) => /^(export|exports)$/.test(w)) && words.some((w) => /^(patient|patients|bulk|fhir|data)$/.test(w))) return true;
  return isAppRegistrationWords(words);
}

function describeRequest(words: string[]): string {
  if (isAppRegistrationWords(words)) return 'app registrations';
  if (words.includes('roi') || (words.includes('release') && words.includes('information'))) return 'release-of-information requests';
  if (words.some((w) => w === 'record' || w === 'records')) return 'records requests';
  if (words.includes('export') || words.includes('exports')) return 'export requests';
  if (words.includes('access')) return 'access requests';
  return 'requests for EHI';
}

/* ---------------- code: review states ---------------- */

function stateText(code: CodeModel, node: IrNode): string | undefined {
  return stringValue(code, node) ?? memberName(node) ?? (node.kind === 'member' ? node.property : undefined);
}

/** `request.status = 'PENDING_REVIEW'`, `setStatus(Status.MANUAL_REVIEW)`, `{ status: 'awaiting_approval' }`, `status=...`, Django `status = CharField(default=...)`. */
function checkStates(ctx: CodeContext, reported: Set<IrNode>): void {
  const { code } = ctx;
  const byFunction = new Set<IrNode | undefined>();
  for (const s of codeSettings(code)) {
    const bool = codeBoolean(code, s);
    if (bool !== undefined) {
      // Switches written in code: `public bool RequireManualApproval { get; set; } = true;` in a records-request options class.
      const node = nodeAt(code, s.at);
      const all = [...s.words, ...s.context, ...(node ? receiverTypeWords(code, node) : [])];
      if (isEhiRequestContext(all) && !has(all, EXCEPTIONAL) && !has(all, NEGATION) && isGateSwitch(s.words, all, bool)) {
        ctx.report({ at: s.at, messageId: 'configGate', data: { name: s.name, value: String(bool), request: describeRequest(all) } });
      }
      continue;
    }
    const djangoDefault = s.name === 'default' && s.owner?.parent?.kind === 'variable' && has(identifierWords(s.owner.parent.name), STATUS_NAME);
    if (!has(s.words, STATUS_NAME) && !djangoDefault) continue;
    const state = stateText(code, s.value);
    if (!state || !isReviewState(state)) continue;
    // Reading, not assigning: `where: { status: 'PENDING_REVIEW' }`, `.filter(status=...)`, `countByStatus(...)`.
    if (s.parent.some((w) => QUERY_WORDS.has(w))) continue;
    const site = s.owner && (s.owner.kind === 'call' || s.owner.kind === 'object') ? s.owner : undefined;
    const node = nodeAt(code, s.at) ?? site;
    if (!node) continue;
    const fn = code.enclosingNamedFunction(node) ?? code.enclosingFunction(node);
    if (fn && byFunction.has(fn)) continue;
    const objectWords = [...s.context, ...receiverTypeWords(code, node), ...(djangoDefault && s.owner?.parent?.kind === 'variable' ? identifierWords(code.enclosingClass(s.owner.parent)?.name ?? '') : [])];
    const scope = requestScope(ctx, node, objectWords);
    if (!scope) continue;
    if (reported.has(node)) continue;
    reported.add(node);
    byFunction.add(fn);
    ctx.report({ at: s.at, messageId: 'reviewState', data: { what: `\`${s.name === 'default' ? 'default' : s.name}\``, request: scope.request, state, evidence: briefEvidence(scope.evidence) } });
  }
}

/**
 * What the object whose state is set is: `w.setStatus(...)` or `w.status = ...` where `w` was declared
 * `FeeWaiver w = new FeeWaiver(id)` gives fee, waiver.
 */
function receiverTypeWords(code: CodeModel, node: IrNode): string[] {
  const target = node.kind === 'assign' ? (node.target.kind === 'member' ? node.target.object : undefined) : node.kind === 'call' && node.callee.kind === 'member' ? node.callee.object : undefined;
  if (target?.kind !== 'name') return [];
  const fn = code.enclosingFunction(node);
  const bindings = code.variables(target.name).filter((v) => !fn || (v.start >= fn.start && v.end <= fn.end));
  if (bindings.length !== 1) return [];
  const v = bindings[0];
  const value = v.value?.kind === 'call' ? calleeName(v.value).replace(/\(\)/g, '').split('.').filter((p) => /^[A-Z]/.test(p)).join(' ') : '';
  return identifierWords(`${v.type ?? ''} ${value}`.replace(/<.*>/g, ''));
}

/** The IR node a setting's span belongs to (its variable, assignment, call or property's value). */
function nodeAt(code: CodeModel, at: Span): IrNode | undefined {
  let found: IrNode | undefined;
  walk(code.root, (n) => {
    if (found) return false;
    if (n.start === at.start && n.end === at.end) found = n;
    else if (n.start > at.start || n.end < at.start) return false;
  });
  return found;
}

interface RequestScope {
  request: string;
  evidence: string;
}

/**
 * Where a review gate applies to routine EHI requests: an EHI or app-registration handler, a request
 * object, and no exceptional condition around it (app registrations are `app-registration-gate`'s).
 */
function requestScope(ctx: CodeContext, node: IrNode, objectWords: string[]): RequestScope | undefined {
  const { code } = ctx;
  if (has(objectWords, OTHER_OBJECT) && !has(objectWords, REQUEST_OBJECT)) return undefined;
  // App registrations on their way to production are `app-registration-gate`'s: one construct, one finding.
  if (appRegistrationScope(code, node)) return undefined;
  const scope = ehiScope(code, node);
  if (!scope) return undefined;
  // What the route creates is its last fixed segment: `POST /records-requests/:id/comments` makes a comment.
  const routeObject = (scope.handler?.routes ?? []).map((r) => r.path.split('/').filter((p) => p && !/^[:{$*]/.test(p)).pop() ?? '');
  if (routeObject.length > 0 && routeObject.every((o) => has(identifierWords(o), OTHER_OBJECT) && !has(identifierWords(o), REQUEST_OBJECT))) return undefined;
  const names = enclosingNameWords(node);
  const words = [...objectWords, ...names, ...identifierWords(scope.evidence)];
  if (!has(words, REQUEST_OBJECT) && !code.embedding && !isEhiRequestContext(words)) return undefined;
  // A Mirth channel must answer requests or send records out (`Outbound CCD to Referring Providers`, `Records Request
  // Fulfilment`); an inbound ADT or orders feed routed to HIM review is data-quality work, not a request waiting.
  if (code.embedding) {
    const channel = [...identifierWords(scope.evidence), ...identifierWords(code.embedding.label)];
    if (!isEhiRequestContext(channel) && !has(channel, MIRTH_REQUEST)) return undefined;
  }
  if (inExceptionalCase(node, EXCEPTIONAL) || has(names, EXCEPTIONAL) || has(identifierWords(scope.evidence), EXCEPTIONAL)) return undefined;
  return { request: A_REQUEST[describeRequest(words)], evidence: briefEvidence(scope.evidence) };
}

const A_REQUEST: Record<string, string> = {
  'app registrations': 'an app registration',
  'release-of-information requests': 'a release-of-information request',
  'records requests': 'a records request',
  'export requests': 'an export request',
  'access requests': 'an access request',
  'requests for EHI': 'a request for EHI',
};



/* ---------------- code: routing to review ---------------- */

/** `routeToLegal(request)`, `queueForManualReview(req)`, `committee.review(request)`, `legalReviewQueue.add(id)`, Mirth `router.routeMessage('Manual Review', ...)`. */
function checkRouting(ctx: CodeContext, call: CallNode, reported: Set<IrNode>): void {
  const { code } = ctx;
  const callee = calleeName(call).replace(/\(\)/g, '');
  const method = identifierWords(calleeLast(call));
  const receiver = call.callee.kind === 'member' ? identifierWords(dotted(call.callee.object).replace(/\(\)/g, '')) : [];
  if (method.length === 0 || READ_VERB.has(method[0])) return;
  const argStrings = call.args.map((a) => stringValue(code, a.value)).filter((s): s is string => !!s && s.length < 60);
  const argWords = argStrings.flatMap(identifierWords);
  const all = [...receiver, ...method];
  const reviewer = [...all, ...argWords].find((w) => REVIEWERS.has(w));
  const reviewNoun = [...all, ...argWords].some((w) => REVIEW_NOUN.has(w));
  const manual = [...all, ...argWords].some((w) => /^(manual|human|manually)$/.test(w));
  const routes = method.some((w) => ROUTE_VERB.has(w));
  const reviewMethod = /^(review|approve|adjudicate|vet)$/.test(method[method.length - 1]) && !!reviewer;
  const routing = (routes && (reviewNoun || reviewer) && (reviewer || manual || reviewNoun)) || reviewMethod;
  if (!routing) return;
  const argumentWords = call.args.flatMap((a) => expressionWords(a.value));
  if (has([...all, ...argumentWords], EXCEPTIONAL) || has([...all, ...argWords], OTHER_OBJECT)) return;
  // A copy sent to an audit trail, a log or an archive records the request; it does not hold it. Nor does telling someone about it.
  if (has([...all, ...argWords], RECORD_SINK) || has(all, NOTIFIER)) return;
  if (has([...all, ...argumentWords, ...enclosingNameWords(call)], QA_OBJECT)) return;
  // A review queue named in a string must read as one (`'manual-review'`), not as any string argument.
  if (!reviewer && !manual && !all.some((w) => REVIEW_NOUN.has(w)) && !argStrings.some((s) => isReviewState(s) || /review|approval/i.test(s))) return;
  const argText = call.args.map((a) => code.textOf(a.value)).join(' ');
  const scope = requestScope(ctx, call, identifierWords(argText).slice(0, 12));
  if (!scope || reported.has(call)) return;
  reported.add(call);
  const who = reviewer ?? (manual ? 'manual' : 'staff');
  ctx.report({ at: callSite(call), messageId: 'reviewRouting', data: { what: `\`${callee}(...)\``, request: scope.request, reviewer: who, evidence: briefEvidence(scope.evidence) } });
}
