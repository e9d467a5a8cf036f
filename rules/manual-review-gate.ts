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
import { appRegistrationScope, ehiScope, isAppRegistrationWords } from '../server/src/domain/access-path';
import { EXCEPTIONAL, inExceptionalCase, isGateSwitch, isManualMode, isReviewState, NEGATION, OTHER_OBJECT, QUERY_WORDS, REQUEST_OBJECT, reviewRoutingOf, STATUS_NAME } from '../server/src/domain/review';
import { codeBoolean, codeSettings, configSettings } from '../server/src/analysis/named-values';
import { callSite, enclosingNameWords, hasWord as has, identifierWords, memberName, stringValue } from '../server/src/analysis/values';

const LAWFUL =
  'Sending routine requests through manual, legal or committee review delays access (45 CFR 171.102, “interfere”); it is lawful only as a documented exception: Privacy (171.202, a required consent or authorization is missing), Preventing Harm (171.201, an individual determination), Security (171.203, such as verifying an app’s authenticity, which 45 CFR 170.404 bounds to five business days) or Infeasibility (171.204, with a written reason within 10 business days).';


export default defineRule({
  meta: {
    id: 'manual-review-gate',
    title: 'Routine EHI requests held for manual, legal or committee review',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties'],
    exceptions: ['privacy', 'preventing-harm', 'security', 'infeasibility', 'required-by-law'],
    triggers: ['review', 'approv', 'legal', 'committee', 'manual', 'adjudicat', 'vetting', 'compliance', 'counsel', 'attorney', 'lawyer', 'fulfil'],
    messages: {
      reviewState: '{what} puts {request} into `{state}`, where it waits for a person to release it, and nothing around it marks the case as exceptional ({evidence}). ' + LAWFUL,
      reviewRouting: '{what} sends {request} to {reviewer} review ({evidence}), and nothing around it marks the case as exceptional. ' + LAWFUL,
      configGate: '`{name}: {value}` sends {request} to manual review instead of fulfilling them automatically. ' + LAWFUL,
      configState: '`{name}: {value}` starts {request} in a state that waits for a person to release them. ' + LAWFUL,
    },
    docs: {
      summary:
        'Flags routine requests for EHI (patient access, records and release-of-information requests, provider-to-provider exchange) that are put into a review state (`PENDING_REVIEW`, `MANUAL_REVIEW`, `AWAITING_APPROVAL`, `LEGAL_REVIEW`), routed to legal, committee or manual review (`routeToLegal(request)`, `queueForManualReview(...)`, `committee.review(...)`, a Mirth `router.routeMessage` to a review channel), or sent there by configuration (`requireManualApproval: true`, `autoApprove: false`).',
      why:
        'Interference includes slowing access and making it more burdensome, not only refusing it (45 CFR 171.102, “interfere”; 171.103). A request that could be fulfilled automatically but waits for a person delays every requestor. Review can be lawful for exceptional cases: a precondition the law imposes is unmet (Privacy, 171.202), a licensed professional’s individual determination (Preventing Harm, 171.201), a specific security risk such as an app whose authenticity must be verified (Security, 171.203; 45 CFR 170.404 allows vetting an app only for authenticity and enabling it within five business days), or a request that cannot be met with a written reason sent within 10 business days (Infeasibility, 171.204).',
      fix:
        'Fulfil routine requests automatically and keep review for the exceptional cases, with the condition visible in code (`if (!request.identityVerified || patient.isMinor) queueForReview(request)`). Bound app vetting to authenticity checks and five business days. If a review step is deliberate, document the exception with an `ehi-exception` annotation naming the condition that makes it lawful.',
      notFlagged: [
        'Review inside a condition about an exceptional case: identity not verified or mismatched, a minor’s or sensitive record (42 CFR Part 2, psychotherapy notes), a court order or subpoena, a missing consent or authorization, suspected fraud.',
        'App registrations put into review or approval states, queues or switches: `app-registration-gate` reports them (45 CFR 170.404 bounds app vetting), so that each construct is reported once.',
        'Review queues for things that are not EHI requests: refunds and payments, content moderation, clinical notes awaiting co-signature, prior authorization, staff accounts.',
        'Reading or completing a review (`status === "PENDING_REVIEW"`, `approve(request)`), enums that only list the states, and automatic approval paths.',
        'OAuth `autoApprove: false` on a client: it asks the patient for consent, it does not route the request to staff.',
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
        if (!isEhiRequestContext(all) || has(all, EXCEPTIONAL) || has(all, NEGATION)) continue;
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

/** Configuration about EHI requests (app registration is `app-registration-gate`'s). */
function isEhiRequestContext(words: string[]): boolean {
  if (isAppRegistrationWords(words)) return false;
  if (words.some((w) => /^(records|record|roi|disclosure|disclosures|ehi|chart|charts)$/.test(w))) return true;
  if (words.includes('release') && words.includes('information')) return true;
  if (words.some((w) => w === 'request' || w === 'requests') && words.some((w) => /^(patient|patients|access|information|data|copy|copies|export|exchange|provider)$/.test(w))) return true;
  if (words.some((w) => /^(export|exports)$/.test(w)) && words.some((w) => /^(patient|patients|bulk|fhir|data)$/.test(w))) return true;
  return false;
}

function describeRequest(words: string[]): string {
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
      const all = [...s.words, ...s.context];
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
    const objectWords = [...s.context, ...(djangoDefault && s.owner?.parent?.kind === 'variable' ? identifierWords(code.enclosingClass(s.owner.parent)?.name ?? '') : [])];
    const scope = requestScope(ctx, node, objectWords);
    if (!scope) continue;
    if (reported.has(node)) continue;
    reported.add(node);
    byFunction.add(fn);
    ctx.report({ at: s.at, messageId: 'reviewState', data: { what: `\`${s.name === 'default' ? 'default' : s.name}\``, request: scope.request, state, evidence: scope.evidence } });
  }
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
 * Where a review gate applies to routine EHI requests: an EHI handler (not an app registration), a
 * request object, and no exceptional condition around it.
 */
function requestScope(ctx: CodeContext, node: IrNode, objectWords: string[]): RequestScope | undefined {
  const { code } = ctx;
  if (has(objectWords, OTHER_OBJECT) && !has(objectWords, REQUEST_OBJECT)) return undefined;
  // App registrations on their way to production are `app-registration-gate`'s: one construct, one finding.
  if (appRegistrationScope(code, node)) return undefined;
  const scope = ehiScope(code, node);
  if (!scope) return undefined;
  const names = enclosingNameWords(node);
  const words = [...objectWords, ...names, ...identifierWords(scope.evidence)];
  if (!has(words, REQUEST_OBJECT) && !code.embedding && !isEhiRequestContext(words)) return undefined;
  if (inExceptionalCase(node) || has(names, EXCEPTIONAL) || has(identifierWords(scope.evidence), EXCEPTIONAL)) return undefined;
  return { request: A_REQUEST[describeRequest(words)], evidence: scope.evidence };
}

const A_REQUEST: Record<string, string> = {
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
  const routing = reviewRoutingOf(code, call);
  if (!routing) return;
  const argText = call.args.map((a) => code.textOf(a.value)).join(' ');
  const scope = requestScope(ctx, call, identifierWords(argText).slice(0, 12));
  if (!scope || reported.has(call)) return;
  reported.add(call);
  ctx.report({ at: callSite(call), messageId: 'reviewRouting', data: { what: `\`${routing.callee}(...)\``, request: scope.request, reviewer: routing.reviewer, evidence: scope.evidence } });
}
