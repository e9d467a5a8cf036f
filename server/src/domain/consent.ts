/**
 * Consent preconditions: a check that a patient consent record, a signed authorization or an extra
 * form exists before EHI is shared, where no law requires one (provider-to-provider exchange for
 * treatment, a patient's access to their own record, a whole FHIR API behind an opt-in), and the
 * settings that make consent the default for every data class. Checks tied to a law that does require
 * consent (42 CFR Part 2, psychotherapy notes, minors, reproductive health, a named state law), to a
 * disclosure HIPAA itself puts behind an authorization (attorneys, employers, research, marketing) or to
 * the patient's own opt-out are not preconditions of this kind. Shared by `consent-precondition`, which
 * reports them, and `undocumented-denial`, which leaves them to it.
 */
import type { CodeModel } from '../core/code-model';
import type { FunctionNode, IrNode } from '../core/ir';
import { walk } from '../core/ir';
import { isRejection, statusOf } from '../analysis/responses';
import { absenceTest, expressionWords, identifierWords, stringValue } from '../analysis/values';
import { ehiContext, ehiScope, Handler } from './access-path';
import { guardOf, mirthDestinationRemoval, namedException } from './denials';
import { CLINICAL_RESOURCE_TYPES } from './fhir';

/** Laws and data that do require consent or authorization, the patient's own restrictions, and disclosures HIPAA puts behind an authorization. */
export const CONSENT_LAWFUL_WORDS = new Set([
  'part2', 'cfr', 'substance', 'sud', 'alcohol', 'psychotherapy', 'minor', 'minors', 'adolescent', 'adolescents', 'underage', 'age', 'reproductive', 'abortion',
  'contraception', 'pregnancy', 'hiv', 'aids', 'std', 'sti', 'genetic', 'genomic', 'genomics', 'mental', 'behavioral', 'behavioural', 'psychiatric', 'sensitive',
  'sensitivity', 'confidential', 'restricted', 'segmented', 'research', 'study', 'trial', 'marketing', 'sale', 'law', 'laws', 'statute', 'statutory',
  'court', 'subpoena', 'attorney', 'lawyer', 'employer', 'insurer', 'life', 'school', 'thirdparty', 'optout', 'opted', 'revoked', 'withdrawn', 'objection',
  'legal', 'litigation', 'celebrity', 'vip', 'btg', 'emergency',
]);

/** The recipient or purpose is care: provider-to-provider exchange for treatment. */
const TREATMENT_WORDS = new Set([
  'provider', 'providers', 'treatment', 'treating', 'referral', 'referrals', 'referring', 'hie', 'exchange', 'transition', 'toc', 'careteam', 'clinician', 'clinicians',
  'physician', 'physicians', 'practitioner', 'practitioners', 'carequality', 'commonwell', 'xca', 'xds', 'outside', 'external', 'unaffiliated', 'interop', 'interoperability',
]);
/** The patient's own access: the portal, the patient's own record. */
const PATIENT_ACCESS_WORDS = new Set(['portal', 'mychart', 'me', 'my', 'self', 'own']);
/** The OAuth consent screen, cookie banners and clinical consent to treat are other consents. */
const OTHER_CONSENT = new Set(['oauth', 'oauth2', 'scope', 'scopes', 'keycloak', 'realm', 'idp', 'openid', 'oidc', 'cookie', 'cookies', 'gdpr', 'tracking', 'analytics', 'newsletter', 'telemetry', 'email', 'sms', 'notification', 'notifications', 'treat', 'telehealth', 'photo', 'photography', 'recording', 'banner', 'popup', 'modal', 'checkbox', 'ui', 'screen', 'dialog']);

/** Words of evaluating a consent directive's content rather than its presence. */
const DIRECTIVE_WORDS = new Set(['permits', 'permit', 'permitted', 'allows', 'allow', 'allowed', 'covers', 'covered', 'denies', 'deny', 'denied', 'excludes', 'directive', 'directives', 'provision', 'provisions']);

function mentionsResourceType(model: CodeModel, test: IrNode): boolean {
  let found = false;
  walk(test, (n) => {
    if (found) return false;
    const s = n.kind === 'string' ? n.value : n.kind === 'name' ? n.name : undefined;
    if (s && s !== 'Consent' && s !== 'Patient' && CLINICAL_RESOURCE_TYPES.has(s)) found = true;
  });
  return found || (model.textOf(test).includes('fhirType') || /resource_?[tT]ype|ResourceType/.test(model.textOf(test)));
}

/** What a test asks for: a consent record, a signed authorization or an extra form; undefined when it asks for none. */
export function consentAsked(words: readonly string[]): string | undefined {
  const w = new Set(words);
  if (['consent', 'consents', 'consented', 'consenting'].some((x) => w.has(x))) return 'a consent record';
  if ((w.has('authorization') || w.has('authorisation')) && ['form', 'signed', 'hipaa', 'written', 'release', 'disclosure'].some((x) => w.has(x))) return 'a signed authorization';
  if (w.has('waiver')) return 'a signed waiver';
  if ((w.has('signed') || w.has('signature')) && ['form', 'release', 'request', 'acknowledgment', 'acknowledgement', 'attestation'].some((x) => w.has(x))) return 'a signed form';
  return undefined;
}

/** A test that holds when the consent is missing: `!hasConsent(p)`, `consent == null`, `not patient.consent_on_file`, `consent.status !== 'active'`. */
function missingConsentTest(model: CodeModel, test: IrNode): boolean {
  if (absenceTest(test)) return true;
  if (test.kind === 'binary' && (test.operator === '!==' || test.operator === '!=')) return stringValue(model, test.right) !== undefined || stringValue(model, test.left) !== undefined;
  return false;
}

export interface ConsentGate {
  /** The condition, for messages. */
  test: IrNode;
  /** What is asked for: `a patient consent record`, `a signed authorization`. */
  asked: string;
  /** Whose access it gates: `provider exchange`, `the patient's own access`, `all access`. */
  purpose: string;
  handler: Handler;
}

function purposeOf(words: readonly string[]): string {
  if (words.includes('portal') || words.includes('mychart') || (words.some((w) => PATIENT_ACCESS_WORDS.has(w)) && words.includes('patient'))) return 'the patient’s own access';
  if (words.some((w) => TREATMENT_WORDS.has(w))) return 'provider exchange';
  return 'all access';
}

/** Outside a handler: a named function or class about EHI (`sendCcdToReferringProvider`, `HieFeedService`). */
function sharingFunction(model: CodeModel, node: IrNode): Handler | undefined {
  const scope = ehiScope(model, node);
  return scope && !scope.handler ? { routes: [], classification: 'ehi', evidence: scope.evidence } : undefined;
}

/** Words of the names around code: its handler's routes and evidence, enclosing functions and classes. */
function contextWords(node: IrNode, handler: Handler): string[] {
  const words = [...handler.routes.flatMap((r) => identifierWords(r.path)), ...identifierWords(handler.evidence)];
  for (let p = node.parent; p; p = p.parent) if ((p.kind === 'function' && p.name) || p.kind === 'class') words.push(...identifierWords(p.name ?? ''));
  return words;
}

/**
 * Whether `refusal` (a 403, a thrown error, a HAPI `ConsentOutcome.REJECT`, an early return from a
 * function that shares EHI) is reached only when a consent, authorization or form is missing, on an EHI
 * path, with nothing tying it to a law that requires it. The gate, or undefined.
 */
export function consentGateOf(model: CodeModel, refusal: IrNode, auditPattern?: RegExp): ConsentGate | undefined {
  const guard = guardOf(model, refusal);
  if (guard.inCatch || guard.tests.length === 0) return undefined;
  const test = guard.tests.find((t) => consentAsked(expressionWords(t)) !== undefined && missingConsentTest(model, t));
  if (!test) return undefined;
  const handler = ehiContext(model, refusal) ?? sharingFunction(model, refusal);
  if (!handler) return undefined;
  const context = contextWords(refusal, handler);
  // Routes that manage consents themselves (`GET /consents/:id` answering 404) are not gates.
  if (handler.routes.some((r) => /consent/i.test(r.path))) return undefined;
  const testWords = guard.tests.flatMap((t) => expressionWords(t));
  const all = [...testWords, ...context];
  if (all.some((w) => CONSENT_LAWFUL_WORDS.has(w) || OTHER_CONSENT.has(w))) return undefined;
  // Evaluating what a consent directive says (`consentPermits(request, resource)`) honours the patient's choice;
  // a test about a data class (`"DiagnosticReport".equals(type) && ...`) is per class, not a precondition for all.
  if (testWords.some((w) => DIRECTIVE_WORDS.has(w))) return undefined;
  if (guard.tests.some((t) => mentionsResourceType(model, t))) return undefined;
  if (tiedToLaw(model, refusal, auditPattern)) return undefined;
  return { test, asked: consentAsked(expressionWords(test)) ?? 'consent', purpose: purposeOf(context), handler };
}

/** A law or exception named near the refusal: its message, a log or audit entry, a reason field (`42 CFR Part 2`, `171.202`, `state law`). */
function tiedToLaw(model: CodeModel, refusal: IrNode, auditPattern?: RegExp): boolean {
  const fn = model.enclosingFunction(refusal);
  const scope: IrNode = fn?.body ?? refusal;
  let found = false;
  walk(scope, (n) => {
    if (found) return false;
    if (n.kind === 'string' && n.value.length < 400 && (namedException(n.value) || /\b(state|federal) law\b|\bstatute\b|\bcfr\b|§|\bpart 2\b|\brequired by law\b/i.test(n.value))) found = true;
    else if (n.kind === 'call' && auditPattern && auditPattern.test(model.textOf(n.callee))) {
      if (n.args.some((a) => { const s = stringValue(model, a.value); return !!s && !!namedException(s); })) found = true;
    }
  });
  return found;
}

/**
 * Refusal sites a consent gate may lead to, in a function body (or, for a file's top-level code such as a
 * Mirth filter script, the root): rejections, and early returns from functions that share EHI.
 */
export function consentRefusalsIn(model: CodeModel, fn: FunctionNode | IrNode): IrNode[] {
  const out: IrNode[] = [];
  const body = fn.kind === 'function' ? fn.body : fn;
  if (!body) return out;
  const sharing = fn.kind === 'function' && identifierWords(fn.name ?? '').some((w) => /^(send|share|sharing|exchange|push|forward|transmit|disclose|release|export|query|retrieve|fetch)$/.test(w));
  walk(body, (n) => {
    if (n.kind === 'function') return false;
    if (n.kind !== 'if') return;
    const branch = n.consequent;
    // A missing record answered with 404 is a not-found, not a precondition.
    if (answersNotFound(model, branch)) return;
    if (isRejection(model, branch) || containsConsentReject(branch) || removesDestinations(model, branch) || (sharing && isEarlyReturn(branch))) out.push(firstStatement(branch));
  });
  return out;
}

function answersNotFound(model: CodeModel, branch: IrNode): boolean {
  let found = false;
  walk(branch, (n) => {
    if (n.kind === 'call' && !n.isDecorator && statusOf(model, n) === 404) found = true;
  });
  return found;
}

function firstStatement(branch: IrNode): IrNode {
  return branch.kind === 'block' && branch.body.length > 0 ? branch.body[0] : branch;
}

/** Mirth: `destinationSet.removeAll()` stops the message reaching its destinations. */
function removesDestinations(model: CodeModel, node: IrNode): boolean {
  let found = false;
  walk(node, (n) => {
    if (n.kind === 'call' && mirthDestinationRemoval(model, n)) found = true;
  });
  return found;
}

function containsConsentReject(node: IrNode): boolean {
  let found = false;
  walk(node, (n) => {
    if (n.kind === 'member' && n.property === 'REJECT' && /ConsentOutcome|ConsentOperationStatus/.test(n.object.kind === 'name' ? n.object.name : n.object.kind === 'member' ? n.object.property : '')) found = true;
  });
  return found;
}

/** `return;`, `return null`, `return []`, `return false`, `continue` as the whole branch. */
function isEarlyReturn(branch: IrNode): boolean {
  const only = branch.kind === 'block' ? (branch.body.length === 1 ? branch.body[0] : undefined) : branch;
  if (!only) return false;
  if (only.kind === 'continue') return true;
  if (only.kind !== 'return') return false;
  const v = only.value;
  return !v || v.kind === 'null' || (v.kind === 'array' && v.elements.length === 0) || (v.kind === 'boolean' && !v.value);
}

/* ---------------- settings ---------------- */

const SHARING_CONTEXT = new Set(['share', 'sharing', 'exchange', 'disclosure', 'disclosures', 'release', 'hie', 'fhir', 'api', 'records', 'record', 'data', 'interop', 'interoperability', 'access', 'provider', 'providers', 'treatment', 'ehi', 'query', 'documents', 'patient']);
const REQUIRE = new Set(['require', 'required', 'requires', 'mandatory', 'needed', 'enforce', 'enforced']);
const MODE_KEY = new Set(['model', 'mode', 'default', 'policy', 'strategy', 'type']);
const CLOSED_MODE = /^(opt[-_ ]?in|required|require|deny|deny[-_ ]?all|denied|explicit|explicit[-_ ]consent|consent[-_ ]required)$/i;

/**
 * A setting that makes consent the default for sharing every data class: `consent.required: true`,
 * `requirePatientConsentForExchange: true`, `consentModel: opt-in`, `defaultConsent: deny`. Not when the
 * names around it tie it to a law or a sensitive class (`part2.requireConsent`), nor for OAuth consent
 * screens, cookie banners and consent to treat.
 */
export function consentDefaultSetting(words: readonly string[], context: readonly string[], value: boolean | string | undefined, parent: readonly string[] = []): boolean {
  const all = [...words, ...context];
  const own = [...words, ...parent];
  if (!all.some((w) => /^(consent|consents)$/.test(w))) return false;
  if (all.some((w) => CONSENT_LAWFUL_WORDS.has(w) || OTHER_CONSENT.has(w) || w === 'client' || w === 'clients' || w === 'app' || w === 'apps' || w === 'login')) return false;
  if (!all.some((w) => SHARING_CONTEXT.has(w))) return false;
  if (!own.some((w) => /^(consent|consents)$/.test(w))) return false;
  if (typeof value === 'boolean') return value && words.some((w) => REQUIRE.has(w));
  if (typeof value === 'string') return own.some((w) => MODE_KEY.has(w)) && CLOSED_MODE.test(value.trim());
  return false;
}

