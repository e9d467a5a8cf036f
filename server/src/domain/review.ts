/**
 * Review steps: the vocabulary of states, switches and routing that put a request or an app
 * registration in front of a person (`PENDING_REVIEW`, `requireManualApproval: true`,
 * `legalReviewQueue.add(...)`), the conditions that make a case exceptional (identity, minors, court
 * orders, fraud), and vetting deadlines. Shared by `manual-review-gate` (individual requests for EHI)
 * and `app-registration-gate` (apps on their way to production), so that each construct is judged
 * once, by the rule whose scope it is in.
 */
import type { CodeModel } from '../core/code-model';
import type { CallNode, IrNode } from '../core/ir';
import { codeSettings } from '../analysis/named-values';
import { isNow, shiftedTime } from '../analysis/time';
import { calleeLast, calleeName, dotted, expressionWords, hasWord as has, identifierWords, numberValue, stringValue } from '../analysis/values';

export const REVIEW_NOUN = new Set(['review', 'approval', 'approve', 'adjudication', 'vetting']);
export const REVIEW_QUALIFIER = new Set(['pending', 'awaiting', 'await', 'awaits', 'needs', 'need', 'requires', 'required', 'require', 'manual', 'legal', 'committee', 'compliance', 'privacy', 'him', 'human', 'under', 'in', 'for']);
/** Who reviews: a routine request sent to them waits for a person. */
export const REVIEWERS = new Set(['legal', 'committee', 'compliance', 'counsel', 'attorney', 'lawyer']);
export const STATUS_NAME = new Set(['status', 'state', 'stage', 'disposition', 'phase', 'step']);
/** What is being reviewed is a request for EHI, an app registration, or a release of information. */
export const REQUEST_OBJECT = new Set(['request', 'requests', 'registration', 'registrations', 'submission', 'disclosure', 'disclosures', 'roi', 'app', 'apps', 'client', 'clients', 'application', 'applications']);
/** Reviews of other things: payments, content, clinical work products, staff accounts. */
export const OTHER_OBJECT = new Set([
  'refund', 'refunds', 'payment', 'payments', 'invoice', 'invoices', 'comment', 'comments', 'post', 'posts', 'content', 'moderation', 'expense', 'timesheet', 'leave',
  'claim', 'claims', 'prior', 'preauth', 'referral', 'referrals', 'note', 'notes', 'document', 'documents', 'result', 'results', 'order', 'orders', 'prescription',
  'appointment', 'appointments', 'booking', 'user', 'users', 'account', 'accounts', 'staff', 'employee', 'code', 'pull', 'merge', 'deployment', 'deploy', 'release',
  'change', 'article', 'product', 'listing', 'rating',
]);
/** Review states of other things than requests (`PENDING_PAYMENT_REVIEW`, `CONTENT_REVIEW`). */
export const OTHER_STATE = new Set(['refund', 'payment', 'payments', 'content', 'moderation', 'expense', 'claim', 'cosign', 'cosignature', 'code', 'deployment', 'product']);
/** Conditions that make a case exceptional: identity, minors, legal process, sensitive records, fraud, missing authorization. */
export const EXCEPTIONAL = new Set([
  'identity', 'verified', 'unverified', 'verify', 'verification', 'mismatch', 'mismatched', 'match', 'matched', 'minor', 'minors', 'age', 'underage',
  'adolescent', 'guardian', 'proxy', 'representative', 'court', 'subpoena', 'warrant', 'deceased', 'sensitive', 'part2', 'substance', 'sud', 'psychotherapy',
  'fraud', 'fraudulent', 'suspicious', 'abuse', 'risk', 'attestation', 'authenticity', 'authentic', 'flagged', 'consent', 'authorization', 'authorisation',
  'signed', 'signature', 'expired', 'invalid', 'incomplete', 'missing', 'unsigned', 'sealed', 'restricted', 'vip', 'confidential', 'dispute', 'disputed',
  'duplicate', 'amendment', 'litigation',
]);
export const ROUTE_VERB = new Set(['route', 'send', 'queue', 'enqueue', 'submit', 'forward', 'escalate', 'refer', 'assign', 'flag', 'mark', 'hold', 'park', 'add', 'push', 'put', 'create', 'start', 'request', 'open', 'file', 'publish', 'to', 'for']);
export const READ_VERB = new Set(['get', 'find', 'list', 'count', 'is', 'has', 'fetch', 'load', 'search', 'query', 'remove', 'delete', 'cancel', 'complete', 'approve', 'reject', 'close', 'resolve', 'skip', 'bypass']);
export const QUERY_WORDS = new Set(['where', 'filter', 'find', 'query', 'count', 'search', 'get', 'list', 'exists', 'match', 'exclude', 'select', 'eq', 'equals', 'by']);
export const NEGATION = new Set(['skip', 'bypass', 'disable', 'disabled', 'no', 'without', 'waive', 'waived', 'not']);
/** 45 CFR 170.404: an app is vetted for authenticity and enabled within five business days. */
export const APP_VETTING_MAX_MS = 7 * 86_400_000;

/** `PENDING_REVIEW`, `ManualReview`, `awaiting-approval`, `LEGAL_REVIEW`, `under_review`, `REVIEW_REQUIRED`, `PENDING_LEGAL`. */
export function isReviewState(text: string): boolean {
  const words = identifierWords(text);
  if (words.length > 5 || has(words, EXCEPTIONAL) || has(words, OTHER_STATE)) return false;
  const reviewNoun = words.some((w) => REVIEW_NOUN.has(w));
  if (reviewNoun && words.some((w) => REVIEW_QUALIFIER.has(w))) return true;
  return (words.includes('pending') || words.includes('awaiting')) && has(words, REVIEWERS);
}

/** `requireManualApproval: true`, `manualReview: true`, `requiresLegalReview: true`, `autoApprove: false`, `autoFulfill: false`. */
export function isGateSwitch(words: string[], all: string[], value: boolean): boolean {
  const joined = words.join('');
  const auto = /^(auto|automatic|automatically)(approve|approval|approved|fulfil|fulfill|fulfilment|fulfillment)/.test(joined) || (words[0] === 'auto' && words.some((w) => /^(approve|approval|fulfil|fulfill|fulfilment|fulfillment)$/.test(w)));
  if (auto) {
    // OAuth clients' `autoApprove` skips the patient's consent screen; it routes nothing to staff.
    if (!value && all.some((w) => /^(oauth|oauth2|security|consent|scope|scopes|authorization)$/.test(w)) && !has(all, new Set(['registration', 'registrations', 'register', 'onboarding', 'developer', 'developers']))) return false;
    return !value;
  }
  const reviewWord = words.some((w) => /^(review|reviews|approval|approve|approvals)$/.test(w));
  const gateWord = words.some((w) => /^(require|requires|required|manual|manually|legal|committee|human|mandatory|enforce|enforced|always)$/.test(w));
  return value && reviewWord && gateWord;
}

/** `approvalMode: manual`, `fulfillment: legal-review`, `reviewMode: committee`. */
export function isManualMode(words: string[], value: string): boolean {
  const keyAboutReview = words.some((w) => /^(approval|approvals|review|fulfil|fulfill|fulfilment|fulfillment)$/.test(w));
  const valueWords = identifierWords(value);
  return keyAboutReview && valueWords.length <= 3 && valueWords.some((w) => /^(manual|legal|committee|human|staff)$/.test(w));
}

/** Inside a branch, case or ternary whose condition names an exceptional case (identity, minor, court order, fraud ...). */
export function inExceptionalCase(node: IrNode, exceptional: ReadonlySet<string> = EXCEPTIONAL): boolean {
  let child: IrNode = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.kind === 'function' && !p.isLambda) break;
    let test: IrNode | undefined;
    if (p.kind === 'if' && child !== p.test) test = p.test;
    else if (p.kind === 'conditional' && child !== p.test) test = p.test;
    else if (p.kind === 'switch') {
      const c = p.cases.find((x) => x.body.includes(child));
      if (c && expressionWords(p.discriminant).concat(c.tests.flatMap((t) => expressionWords(t))).some((w) => exceptional.has(w))) return true;
    }
    if (test && has(expressionWords(test), exceptional)) return true;
  }
  return false;
}


/** Settings that name a deadline or the moment something becomes available (`reviewDueBy`, `productionEnabledAt`). */
export const DEADLINE_WORDS = new Set(['due', 'deadline', 'sla', 'by', 'until', 'expires', 'at', 'after', 'on', 'date']);

/**
 * A deadline set relative to now, in business days (`addBusinessDays(now, 10)`, `add_business_days(now, 10)`)
 * or as elapsed time (`DateTime.UtcNow.AddDays(30)`, `Instant.now().plus(Duration.ofDays(14))`). Undefined
 * for anything else.
 */
export function deadlineFromNow(code: CodeModel, value: IrNode): { businessDays?: number; ms?: number } | undefined {
  if (value.kind === 'call' && /^(addBusinessDays|AddBusinessDays|add_business_days|plusBusinessDays|PlusBusinessDays)$/.test(calleeLast(value))) {
    const days = numberValue(code, value.args[value.args.length - 1]?.value);
    return days === undefined ? undefined : { businessDays: days };
  }
  const shifted = shiftedTime(code, value);
  return shifted && isNow(code, shifted.base) && shifted.ms > 0 ? { ms: shifted.ms } : undefined;
}

/** Whether a deadline is within five business days (seven calendar days), as 45 CFR 170.404 bounds app vetting. */
export function withinVettingBound(deadline: { businessDays?: number; ms?: number }): boolean {
  if (deadline.businessDays !== undefined) return deadline.businessDays <= 5;
  return deadline.ms !== undefined && deadline.ms <= APP_VETTING_MAX_MS;
}

/** A vetting deadline of at most five business days set in the same function (`reviewDueBy = addBusinessDays(now, 5)`). */
export function hasShortVettingDeadline(code: CodeModel, node: IrNode): boolean {
  const fn = code.enclosingNamedFunction(node) ?? code.enclosingFunction(node);
  if (!fn) return false;
  for (const s of codeSettings(code)) {
    if (s.at.start < fn.start || s.at.end > fn.end) continue;
    if (!s.words.some((w) => /^(due|deadline|sla|by|until|expires)$/.test(w))) continue;
    const deadline = deadlineFromNow(code, s.value);
    if (deadline && withinVettingBound(deadline)) return true;
  }
  return false;
}

export interface ReviewRouting {
  /** The callee as written, for messages. */
  callee: string;
  /** Who reviews: `legal`, `committee`, `manual`, `staff`. */
  reviewer: string;
}

/**
 * A call that sends something to review: `routeToLegal(request)`, `queueForManualReview(req)`,
 * `committee.review(request)`, `legalReviewQueue.add(id)`, Mirth `router.routeMessage('Manual Review', ...)`.
 * Not calls that read or complete a review, nor ones about an exceptional case or about other things
 * (refunds, content, notes). Whose request it is, is the caller's question.
 */
export function reviewRoutingOf(code: CodeModel, call: CallNode): ReviewRouting | undefined {
  const callee = calleeName(call).replace(/\(\)/g, '');
  const method = identifierWords(calleeLast(call));
  const receiver = call.callee.kind === 'member' ? identifierWords(dotted(call.callee.object).replace(/\(\)/g, '')) : [];
  if (method.length === 0 || READ_VERB.has(method[0])) return undefined;
  const argStrings = call.args.map((a) => stringValue(code, a.value)).filter((s): s is string => !!s && s.length < 60);
  const argWords = argStrings.flatMap(identifierWords);
  const all = [...receiver, ...method];
  const reviewer = [...all, ...argWords].find((w) => REVIEWERS.has(w));
  const reviewNoun = [...all, ...argWords].some((w) => REVIEW_NOUN.has(w));
  const manual = [...all, ...argWords].some((w) => /^(manual|human|manually)$/.test(w));
  const routes = method.some((w) => ROUTE_VERB.has(w));
  const reviewMethod = /^(review|approve|adjudicate|vet)$/.test(method[method.length - 1]) && !!reviewer;
  const routing = (routes && (reviewNoun || reviewer) && (reviewer || manual || reviewNoun)) || reviewMethod;
  if (!routing) return undefined;
  const argumentWords = call.args.flatMap((a) => expressionWords(a.value));
  if (has([...all, ...argumentWords], EXCEPTIONAL) || has([...all, ...argWords], OTHER_OBJECT)) return undefined;
  // A review queue named in a string must read as one (`'manual-review'`), not as any string argument.
  if (!reviewer && !manual && !all.some((w) => REVIEW_NOUN.has(w)) && !argStrings.some((s) => isReviewState(s) || /review|approval/i.test(s))) return undefined;
  return { callee, reviewer: reviewer ?? (manual ? 'manual' : 'staff') };
}
