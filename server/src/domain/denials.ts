/**
 * Denials of access in code, and the reasons recorded for them. Shared by `undocumented-denial`
 * (a refusal on an EHI path with no recorded exception) and `hipaa-blanket-reason` (a refusal
 * that gives HIPAA, privacy or "policy" as a blanket reason).
 *
 * A denial site is a construct that refuses the request: a 403 status or exception, a FHIR
 * OperationOutcome with the `forbidden`/`security` issue code, a HAPI FHIR consent rejection, a Mirth
 * filter returning false. What makes it worth a question is its guard: the conditions under which
 * the code reaches it. A guard about the caller (authentication, role, scope, ownership) is access
 * control; a guard about the data (its sensitivity, the patient's consent, who is asking for it) or
 * no guard at all is a decision to withhold EHI, and needs a recorded exception.
 */
import type { CodeModel } from '../core/code-model';
import type { CallNode, FunctionNode, IrNode, Span } from '../core/ir';
import { walk } from '../core/ir';
import { enclosingHandler } from './access-path';
import { CLINICAL_RESOURCE_TYPES } from './fhir';
import { helperStatus, statusAssigned, statusOf, statusValue } from '../analysis/responses';
import { calleeLast, calleeName, dotted, identifierWords, stringValue } from '../analysis/values';

/* ---------------- what a text says ---------------- */

/** Normalises identifiers and prose to space-separated lower-case words (`PREVENTING_HARM`, `preventingHarm` → `preventing harm`). */
function normalise(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-–]+/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

const EXCEPTION_NAMES =
  /\b(privacy|preventing harm|security|infeasib(?:le|ility)|health it performance|protecting care access|manner|fees|licensing|tefca manner|required by law)\b|\b171\.\d{3}\b|\b42 cfr part 2\b/;

/** The exception a text names (an id from exceptions.md in any spelling, or a 45 CFR 171 section), if any. */
export function namedException(text: string): string | undefined {
  const m = EXCEPTION_NAMES.exec(normalise(text));
  return m ? m[0] : undefined;
}

/** Refusal wording: what is refused must be access, release or disclosure, not any "cannot" (`The field cannot be removed`). */
const DENIAL_WORDS = new RegExp(
  [
    String.raw`\b(?:access|request|release|disclosure|download|export|transfer|retrieval|sharing|permission|records?|information|data|content|documents?|notes?|results?|reports?|charts?|files?|images?)s?\b(?:[^.!?]{0,40}? (?:is|was|has been|have been|are|were))? (?:denied|refused|declined|rejected|blocked|restricted|not permitted|not allowed|prohibited|forbidden|withheld|unavailable)\b`,
    String.raw`\b(?:denied|forbidden|withheld|blocked|refused)\b`,
    String.raw`\b(?:cannot|can ?not|can['’]t|unable to|not able to|may not|will not|won['’]t|(?:are|is) not (?:permitted|allowed|authori[sz]ed) to|not allowed to)\s+(?:be\s+)?(?:release|share|disclose|provide|send|display|show|access|view|give|return|fulfil|fulfill|process|transmit|export|download|see|open|retrieve|obtain|grant|honou?r|complete|forward|fax|email|mail|print)\w*`,
    String.raw`\bnot (?:be )?(?:released|shared|disclosed|provided|available|accessible|viewable|viewed|displayed|sent|releasable|shareable|disclosable)\b`,
    String.raw`\b(?:request|access|disclosure|release|sharing|transfer|download|export)s?\b[^.!?]{0,30}?\bviolat\w*\b|\bprohibit\w*\b`,
    String.raw`\boff[- ]limits\b`,
    String.raw`\bprevents? (?:us |you |them )?from (?:releasing|sharing|disclosing|providing|sending|showing|displaying|giving|accessing|viewing)\b`,
    String.raw`\b(?:do|does|did) not (?:allow|permit) (?:us |you |them )?(?:to )?(?:release|share|disclose|provide|send|show|display|give|access|view)\w*`,
  ].join('|'),
  'i',
);

/** A reason a refusal may legitimately give: a specific exception, sub-exception or law. */
const SPECIFIC_REASON =
  /\b171\.\d{3}|\bcfr\b|§|preventing harm|infeasib|protecting care access|\b(?:privacy|security|infeasibility|manner|harm) exception|sub-?exception|(?:at|per|on) (?:the |your )?(?:patient|individual|member)['’]?s?['’]? (?:own )?request|\bat your request|\bpart 2\b|court order|subpoena|\b164\.\d{3}|psychotherapy notes/i;

const POLICY_NOT_A_REASON =
  /^(?:password|cors|content security|content-security|cookie|retention|access|security|cache|caching|referrer|same origin|same-origin|csp|rate limit|rate-limit|refund|return|returns|cancellation|privacy|backup|scheduling|lockout|session|naming|upload|file|storage|network|firewall|group|iam|bucket|retry)$/i;

/**
 * Whether a message refuses access and gives HIPAA, privacy or "policy" as a blanket reason, and
 * which of them: `Access denied due to HIPAA`, `We cannot release this information for privacy
 * reasons`, `This request violates our policy`. Not when it names the exception, sub-exception or
 * law relied on, and not for notices that refuse nothing (`See our HIPAA Notice of Privacy Practices`).
 */
export function blanketReason(text: string): 'HIPAA' | 'privacy' | 'policy' | undefined {
  return DENIAL_WORDS.test(text) ? citedReason(text) : undefined;
}

/**
 * What a message cites as its reason (HIPAA, privacy, a policy), without requiring refusal wording:
 * for messages that are themselves the body of a refusal (`res.status(403).send("HIPAA violation")`).
 * Undefined for messages that name a specific exception, sub-exception or law, for notices, and
 * for text that is not a sentence.
 */
export function citedReason(text: string): 'HIPAA' | 'privacy' | 'policy' | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length < 8 || t.length > 400 || !/[A-Za-z]{3,} [A-Za-z]{2,}/.test(t)) return undefined;
  // Code, markup, SQL and regular expressions are not messages.
  if (/[{};<>]|=>|\\[dswb]|\bselect\b.+\bfrom\b/i.test(t)) return undefined;
  if (SPECIFIC_REASON.test(t)) return undefined;
  const lower = t.toLowerCase();
  if (/\bhipaa\b(?![- ](?:audit|log|notice|training|compliant|compliance (?:team|officer|office)|certified|officer|privacy officer))/.test(lower) && !/notice of privacy practices/.test(lower)) return 'HIPAA';
  if (
    /\bprivacy (?:reasons?|rules?|regulations?|laws?|concerns?|requirements?|restrictions?|protections?|grounds|considerations|constraints)\b/.test(lower) ||
    /\b(?:for|due to|because of|per|under|on) (?:patient |the patient['’]s |your |their )?(?:privacy|confidentiality)(?: reasons)?\b(?! (?:notice|practices|policy|officer|settings|preferences))/.test(lower) ||
    /\bconfidentiality (?:reasons?|rules?|regulations?|laws?|concerns?|requirements?|restrictions?)\b/.test(lower)
  ) {
    return 'privacy';
  }
  if (/\bprivacy polic(?:y|ies)\b/.test(lower) && /\b(?:per|by|under|due to|against|violat\w*|because of|in accordance with|according to) (?:the |our |its |this )?privacy polic/.test(lower)) return 'privacy';
  const policy = /\b(?:(per|by|under|due to|against|violates?|violating|violation of|because of|in accordance with|according to|in line with|as a matter of) )((?:the |our |its |this |current |company |hospital |clinic |practice |organi[sz]ation(?:al)? |institution(?:al)? |internal |corporate |facility |system )?(?:[a-z-]+ ){0,2})polic(?:y|ies)\b/g;
  for (let m = policy.exec(lower); m; m = policy.exec(lower)) {
    const words = m[2].trim().split(' ').filter((w) => w.length > 0);
    const last = words.length > 0 ? words[words.length - 1] : '';
    if (!POLICY_NOT_A_REASON.test(last) && !(words.length >= 2 && POLICY_NOT_A_REASON.test(words.slice(-2).join(' ')))) return 'policy';
  }
  if (/\b(?:our|company|hospital|clinic|practice|organi[sz]ation(?:al)?|institution(?:al)?|internal|corporate|facility) polic(?:y|ies) (?:does not|doesn['’]t|do not|prohibits?|forbids?|prevents?|restricts?|requires?)\b/.test(lower)) return 'policy';
  return undefined;
}

/* ---------------- denial sites ---------------- */

export type DenialKind = 'status' | 'exception' | 'outcome' | 'consent' | 'filter';

export interface Denial {
  kind: DenialKind;
  /** The construct to report. */
  node: IrNode;
  /** Short description for messages: `` `res.status(403)` ``, `` `ForbiddenException` ``. */
  what: string;
}

const ISSUE_FORBIDDEN = /^(FORBIDDEN|SECURITY|Forbidden|Security)$/;

function short(model: CodeModel, node: IrNode, max = 60): string {
  const text = model.textOf(node).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A call that refuses with 403: `res.status(403)`, `Forbid()`, `abort(403)`, `new ForbiddenException(...)`, `HTTPException(status_code=403)`. */
export function forbiddenCall(model: CodeModel, call: CallNode): Denial | undefined {
  if (call.isDecorator) return undefined;
  if (statusOf(model, call) === 403) return { kind: call.isNew || /(Exception|Denied|Forbidden)$/.test(calleeLast(call)) ? 'exception' : 'status', node: call, what: `\`${short(model, call.callee.kind === 'member' && !call.isNew ? call : call, 50)}\`` };
  // OperationOutcomeUtil.addIssue(ctx, oo, "error", message, location, "forbidden")
  if (/^(addIssue|addIssueWithMessageId|newIssue)$/.test(calleeLast(call)) && call.args.some((a) => /^(forbidden|security)$/.test(stringValue(model, a.value) ?? ''))) {
    return { kind: 'outcome', node: call, what: '`OperationOutcome` issue `forbidden`' };
  }
  // Project helpers that build a FHIR error: buildHTTPOutcome(403, 'error', 'forbidden', message)
  if (call.args.some((a) => statusValue(model, a.value) === 403) && call.args.some((a) => /^(forbidden|security)$/.test(stringValue(model, a.value) ?? ''))) {
    return { kind: 'outcome', node: call, what: `\`${calleeLast(call)}(403, …)\`` };
  }
  // GraphQL: new GraphQLError('...', { extensions: { code: 'FORBIDDEN' } }); graphene/strawberry GraphQLError("Access denied")
  if (calleeLast(call) === 'GraphQLError' && call.args.length > 0) {
    let code: string | undefined;
    walk(call, (n) => {
      if (n.kind === 'object') {
        const prop = n.properties.find((p) => p.key === 'code');
        const value = prop ? stringValue(model, prop.value) : undefined;
        if (value) code = value;
      }
    });
    const message = stringValue(model, call.args[0].value) ?? '';
    if (code === 'FORBIDDEN' || (code === undefined && /\b(access denied|forbidden|permission denied|not permitted|not allowed to (view|see|access|read))\b/i.test(message))) {
      return { kind: 'exception', node: call, what: '`GraphQLError`' };
    }
  }
  // Medplum: sendOutcome(res, forbidden), new OperationOutcomeError(forbidden)
  if (/(Outcome|OutcomeError)$/.test(calleeLast(call)) && call.args.some((a) => a.value.kind === 'name' && a.value.name === 'forbidden')) {
    return { kind: 'outcome', node: call, what: '`forbidden` OperationOutcome' };
  }
  return undefined;
}

/** `raise PermissionDenied`, `throw Forbidden` without a call. */
export function forbiddenThrow(node: IrNode): Denial | undefined {
  if (node.kind !== 'throw' || !node.value) return undefined;
  const v = node.value;
  const name = v.kind === 'name' ? v.name : v.kind === 'member' ? v.property : undefined;
  if (name && helperStatus(name) === 403) return { kind: 'exception', node, what: `\`${name}\`` };
  return undefined;
}

/** `ctx.status = 403`, `Response.StatusCode = StatusCodes.Status403Forbidden`. */
export function forbiddenAssignment(model: CodeModel, node: IrNode): Denial | undefined {
  if (node.kind !== 'assign' || node.operator !== '=') return undefined;
  if (statusAssigned(model, node.target, node.value) !== 403) return undefined;
  // A status copied into an outcome object by a mapping is not a decision; the guard logic judges that.
  return { kind: 'status', node, what: `\`${short(model, node)}\`` };
}

/** A FHIR OperationOutcome issue with code `forbidden` or `security`: `IssueType.FORBIDDEN`, `{ code: 'forbidden', severity: 'error' }`. */
export function forbiddenOutcome(model: CodeModel, node: IrNode): Denial | undefined {
  if (node.kind === 'member' && ISSUE_FORBIDDEN.test(node.property)) {
    const owner = dotted(node.object);
    if (/(IssueType|IssueTypeCode|ISSUE\.CODE|IssueCode|ISSUE_TYPE)$/.test(owner)) return { kind: 'outcome', node, what: `\`${owner.split('.').pop()}.${node.property}\`` };
  }
  if (node.kind === 'object') {
    const code = node.properties.find((p) => p.key === 'code');
    const value = code ? stringValue(model, code.value) : undefined;
    if (value && /^(forbidden|security)$/.test(value) && node.properties.some((p) => /^(severity|diagnostics|details)$/.test(p.key))) {
      return { kind: 'outcome', node, what: `OperationOutcome issue \`${value}\`` };
    }
  }
  return undefined;
}

/** HAPI FHIR consent service: `return ConsentOutcome.REJECT;`, `new ConsentOutcome(ConsentOperationStatus.REJECT)`. */
export function consentRejection(node: IrNode): Denial | undefined {
  if (node.kind !== 'member' || node.property !== 'REJECT') return undefined;
  const owner = dotted(node.object).split('.').pop() ?? '';
  if (owner !== 'ConsentOutcome' && owner !== 'ConsentOperationStatus') return undefined;
  return { kind: 'consent', node, what: `\`${owner}.REJECT\`` };
}

/** `return false;` in a Mirth filter script (outside any function it declares). */
export function mirthFilterRejection(model: CodeModel, node: IrNode): Denial | undefined {
  if (model.embedding?.host !== 'mirth' || node.kind !== 'return' || node.value?.kind !== 'boolean' || node.value.value !== false) return undefined;
  if (model.enclosingFunction(node)) return undefined;
  return { kind: 'filter', node, what: '`return false`' };
}

/** Mirth: `destinationSet.removeAll()` / `destinationSet.remove(...)` stops a message reaching its destinations. */
export function mirthDestinationRemoval(model: CodeModel, call: CallNode): Denial | undefined {
  if (model.embedding?.host !== 'mirth' || call.callee.kind !== 'member' || dotted(call.callee.object) !== 'destinationSet') return undefined;
  if (!/^(removeAll|remove|removeAllExcept)$/.test(call.callee.property)) return undefined;
  return { kind: 'filter', node: call, what: `\`destinationSet.${call.callee.property}()\`` };
}

/* ---------------- where a denial sits ---------------- */

/** The statement that contains `node` (the child of a block, branch, case or function body). */
export function statementOf(node: IrNode): IrNode {
  let current = node;
  for (let p = node.parent; p; current = p, p = p.parent) {
    if (p.kind === 'block' || p.kind === 'function' || p.kind === 'switch' || p.kind === 'class') return current;
    if (p.kind === 'if' && (current === p.consequent || current === p.alternate)) return current;
    if (p.kind === 'loop' && current === p.body) return current;
    if (p.kind === 'try') return current;
  }
  return current;
}

function exits(node: IrNode): boolean {
  if (node.kind === 'return' || node.kind === 'throw') return true;
  if (node.kind === 'block') return node.body.length > 0 && exits(node.body[node.body.length - 1]);
  return false;
}

export interface Guard {
  /** The conditions under which the denial is reached (if tests, case labels, preceding early exits). */
  tests: IrNode[];
  /** Inside a catch clause: the denial translates an exception thrown elsewhere. */
  inCatch: boolean;
  /** Inside a `switch` over a status code, exception or error type: a mapping table. */
  inMapping: boolean;
}

/** The conditions that lead to `node` within its function. */
export function guardOf(model: CodeModel, node: IrNode): Guard {
  const guard: Guard = { tests: [], inCatch: false, inMapping: false };
  let child: IrNode = node;
  for (let p = node.parent; p && p.kind !== 'function'; child = p, p = p.parent) {
    switch (p.kind) {
      case 'if':
        if (child === p.consequent || child === p.alternate) guard.tests.push(p.test);
        break;
      case 'conditional':
        if (child !== p.test) guard.tests.push(p.test);
        break;
      case 'binary':
        if (/^(&&|\|\||and|or|\?\?)$/.test(p.operator) && child === p.right) guard.tests.push(p.left);
        break;
      case 'switch': {
        const c = p.cases.find((k) => k.body.includes(child) || (child.start >= k.start && child.end <= k.end));
        guard.tests.push(p.discriminant);
        if (c) guard.tests.push(...c.tests);
        if (isMappingSwitch(model, p.discriminant, p.cases.flatMap((k) => k.tests))) guard.inMapping = true;
        break;
      }
      case 'try':
        if (p.handlers.some((h) => h.body === child)) guard.inCatch = true;
        break;
      case 'block': {
        // Guard clauses above a refusal that has no condition of its own: `if (allowed) return next();`.
        if (guard.tests.length > 0) break;
        const index = p.body.indexOf(child);
        for (let i = 0; i < index; i++) {
          const s = p.body[i];
          if (s.kind === 'if' && !s.alternate && exits(s.consequent)) guard.tests.push(s.test);
        }
        break;
      }
    }
  }
  return guard;
}

function isMappingSwitch(model: CodeModel, discriminant: IrNode, tests: IrNode[]): boolean {
  const text = model.textOf(discriminant);
  if (/status|code|exception|error|errno|type\(|GetType|getClass|kind/i.test(text) && !/resource_?type|resourceType|category/i.test(text)) return true;
  return tests.some((t) => t.kind === 'number' || (t.kind === 'member' && /^(HttpStatus|HttpStatusCode|StatusCodes|status)$/.test(dotted(t.object))));
}

const ERROR_HANDLER_DECORATORS = /^(ExceptionHandler|ControllerAdvice|RestControllerAdvice|errorhandler|exception_handler|app_errorhandler|Catch|ResponseStatus)$/;

/**
 * Whether `node` is in code that translates errors raised elsewhere into responses: exception
 * handlers and mappers, error middleware, exception filters. The decision to refuse was made
 * where the error was raised.
 */
export function inErrorTranslation(node: IrNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.kind === 'function') {
      if (isErrorTranslator(p)) return true;
    } else if (p.kind === 'class') {
      if (/(Exception|Error)(Handler|Mapper|Filter|Middleware|Translator|Advice|Handling|Utils?|Factory|Helper)s?$|ExceptionFilterAttribute$|(Exception|Error)s$/.test(p.name)) return true;
      if (p.bases.some((b) => /ExceptionMapper|ExceptionFilter|IExceptionFilter|IExceptionHandler|ExceptionFilterAttribute|HandlerExceptionResolver|ResponseEntityExceptionHandler|Exception$|Error$/.test(b))) return true;
      if (p.decorators.some((d) => ERROR_HANDLER_DECORATORS.test(dotted(d.callee).split('.').pop() ?? ''))) return true;
    }
  }
  return false;
}

function isErrorTranslator(fn: FunctionNode): boolean {
  if (fn.decorators.some((d) => ERROR_HANDLER_DECORATORS.test(dotted(d.callee).split('.').pop() ?? ''))) return true;
  // `const httpErrorHandler = (err, req, res, next) => ...`: a lambda takes the name it is bound to.
  const name = fn.name ?? (fn.parent?.kind === 'variable' ? fn.parent.name : fn.parent?.kind === 'assign' ? dotted(fn.parent.target) : undefined);
  if (name && /(^|_)(on|handle|map|translate|to|render|format|convert|process)_?\w*(Exception|Error|Errors|Failure|Fault)s?$|(Exception|Error)(Handler|Mapper|Middleware|Translator)$|^(errorHandler|error_handler|exceptionHandler|exception_handler|OnException|OnExceptionAsync|toResponse|handleError|onError|errorMiddleware)$/i.test(name)) return true;
  // Express error middleware: (err, req, res, next)
  if (fn.params.length === 4 && /^(err|error|e|ex|exception)$/i.test(fn.params[0].name)) return true;
  // A parameter typed as an exception: Spring @ExceptionHandler methods, ASP.NET exception contexts.
  if (fn.params.some((p) => p.type !== undefined && /(Exception|ExceptionContext|Throwable)\b/.test(p.type))) return true;
  return false;
}

/* ---------------- what a guard is about ---------------- */

export type GuardClass = 'data-policy' | 'access-control' | 'client-app' | 'not-ehi' | 'not-found' | 'data' | 'unconditional' | 'other';

/** Conditions about what the data is, whose it is or who asks for it: the decisions an exception must cover. */
const POLICY_WORDS = new Set([
  'sensitive',
  'sensitivity',
  'confidential',
  'confidentiality',
  'restricted',
  'restrict',
  'restriction',
  'restrictions',
  'consent',
  'consents',
  'consented',
  'optout',
  'opted',
  'vip',
  'minor',
  'minors',
  'adolescent',
  'adolescents',
  'teen',
  'behavioral',
  'behavioural',
  'psychiatric',
  'substance',
  'sud',
  'hiv',
  'std',
  'sti',
  'genetic',
  'genomic',
  'reproductive',
  'abortion',
  'pregnancy',
  'contraception',
  'part2',
  'embargo',
  'embargoed',
  'unreleased',
  'withhold',
  'withheld',
  'purpose',
  'requester',
  'requestor',
  'requesters',
  'requestors',
  'thirdparty',
  'competitor',
  'competitors',
  'payer',
  'insurer',
  'attorney',
  'lawyer',
  'employer',
  'litigation',
  'subpoena',
  'celebrity',
  'btg',
  'redact',
  'redacted',
  'mental',
  'segmented',
  'segment',
  'stigmatized',
]);

/** Conditions about the caller: authentication, roles, scopes, permissions, ownership, tenancy, request hygiene. */
const ACCESS_CONTROL_WORDS = new Set([
  'user',
  'users',
  'username',
  'principal',
  'token',
  'tokens',
  'jwt',
  'bearer',
  'claims',
  'claim',
  'credential',
  'credentials',
  'password',
  'session',
  'authenticated',
  'authentication',
  'authenticate',
  'auth',
  'authn',
  'authz',
  'authorized',
  'authorised',
  'unauthorized',
  'unauthorised',
  'authorization',
  'authorisation',
  'authorize',
  'authorise',
  'permission',
  'permissions',
  'perm',
  'perms',
  'privilege',
  'privileges',
  'privileged',
  'role',
  'roles',
  'scope',
  'scopes',
  'authority',
  'authorities',
  'granted',
  'acl',
  'acls',
  'rbac',
  'admin',
  'administrator',
  'superuser',
  'superadmin',
  'staff',
  'owner',
  'owns',
  'ownership',
  'tenant',
  'tenants',
  'project',
  'membership',
  'member',
  'members',
  'csrf',
  'xsrf',
  'origin',
  'referer',
  'referrer',
  'ip',
  'cors',
  'captcha',
  'signature',
  'apikey',
  'launch',
  'compartment',
  'caller',
  'identity',
  'account',
  'login',
  'logged',
  'readonly',
  'method',
  'verb',
  'sub',
  'practitioner',
  'clinician',
  'provider',
  'team',
  'careteam',
  'group',
  'groups',
  'facility',
  'organization',
  'organisation',
  'channel',
  'acl',
  'policy',
  'policies',
]);

const CLIENT_APP_WORDS = new Set(['client', 'clientid', 'app', 'apps', 'application', 'publisher', 'registration', 'redirect', 'redirecturi']);

const DATA_WORDS = new Set([
  'patient',
  'patients',
  'record',
  'records',
  'chart',
  'observation',
  'observations',
  'document',
  'documents',
  'note',
  'notes',
  'result',
  'results',
  'report',
  'reports',
  'encounter',
  'encounters',
  'category',
  'categories',
  'diagnosis',
  'diagnoses',
  'condition',
  'conditions',
  'medication',
  'medications',
  'lab',
  'labs',
  'study',
  'image',
  'images',
  'portal',
  'ehi',
]);

const CALLER_OBJECTS = new Set(['user', 'users', 'account', 'accounts', 'principal', 'session', 'caller', 'token', 'claims', 'identity', 'me', 'current', 'member', 'operator', 'staff']);

interface GuardWords {
  /** Words of names, properties and string literals in the conditions. */
  words: Set<string>;
  /** Words of properties read from the caller (`user.restricted`, `account.isBlocked()`): about who asks, not the data. */
  callerWords: Set<string>;
  /** Types tested with `instanceof` / `is`. */
  types: Set<string>;
  text: string;
}

function guardWords(model: CodeModel, tests: IrNode[]): GuardWords {
  const out: GuardWords = { words: new Set(), callerWords: new Set(), types: new Set(), text: '' };
  const texts: string[] = [];
  const queue = tests.map((t) => ({ node: t, depth: 0 }));
  const followed = new Set<IrNode>();
  while (queue.length > 0) {
    const { node: test, depth } = queue.shift()!;
    texts.push(model.textOf(test));
    walk(test, (n) => {
      // `const labelled = ...; if (labelled)`: read the condition where it is computed, in the same function.
      if (n.kind === 'name' && depth < 2) {
        const binding = localBinding(model, n);
        if (binding && !followed.has(binding)) {
          followed.add(binding);
          queue.push({ node: binding, depth: depth + 1 });
        }
      }
      if (n.kind === 'binary' && /^(instanceof|is|is not)$/.test(n.operator) && (n.right.kind === 'name' || n.right.kind === 'member')) {
        out.types.add(n.right.kind === 'name' ? n.right.name : n.right.property);
        walk(n.left, (m) => {
          if (m.kind === 'name') for (const w of identifierWords(m.name)) out.words.add(w);
        });
        return false;
      }
      if (n.kind === 'name') for (const w of identifierWords(n.name)) out.words.add(w);
      else if (n.kind === 'string') for (const w of identifierWords(n.value)) out.words.add(w);
      else if (n.kind === 'member') {
        const owner = identifierWords(dotted(n.object) || model.textOf(n.object));
        const target = owner.some((w) => CALLER_OBJECTS.has(w)) ? out.callerWords : out.words;
        for (const w of identifierWords(n.property)) target.add(w);
      }
    });
  }
  out.text = texts.join(' ');
  return out;
}

const OBJECT_NOUNS = new Set(['id', 'ids', 'patient', 'record', 'chart', 'user', 'profile', 'account', 'document', 'resource', 'data', 'body', 'params', 'query', 'entity', 'item', 'result', 'identity', 'reference', 'ref', 'subject', 'encounter', 'key', 'uuid', 'mrn']);

function isExistenceCheck(test: IrNode): boolean {
  const simple = (n: IrNode): boolean => n.kind === 'name' || n.kind === 'member';
  if (test.kind === 'binary' && /^(\|\||or)$/.test(test.operator)) return isExistenceCheck(test.left) && isExistenceCheck(test.right);
  if (test.kind === 'unary' && (test.operator === '!' || test.operator === 'not')) {
    // `!patient`, `!req.params.id`: a missing object or id. Not `!patient.portalEnabled`: a flag on it.
    if (test.operand.kind === 'name') return true;
    if (test.operand.kind === 'member') {
      const words = identifierWords(test.operand.property);
      return OBJECT_NOUNS.has(words[words.length - 1] ?? '') && !/^(is|has|can|should|allow|enable|may)$/.test(words[0] ?? '');
    }
    // !StringUtils.hasText(id), !string.IsNullOrEmpty(id) negated the other way round
    return test.operand.kind === 'call' && /^(hasText|hasLength|isPresent|exists|Any)$/.test(calleeLast(test.operand));
  }
  // typeof id !== 'string', id.length === 0, len(id) == 0, StringUtils.isBlank(id), string.IsNullOrEmpty(id), Objects.isNull(x)
  if (test.kind === 'binary' && /^(!==|!=|===|==)$/.test(test.operator) && test.left.kind === 'unary' && test.left.operator === 'typeof') return true;
  if (test.kind === 'binary' && /^(===|==|<|<=)$/.test(test.operator) && test.right.kind === 'number' && test.right.value <= 0) {
    const l = test.left;
    if ((l.kind === 'member' && /^(length|Length|Count|size)$/.test(l.property)) || (l.kind === 'call' && /^(len|size|count|Count|length)$/.test(calleeLast(l)))) return true;
  }
  if (test.kind === 'call' && /^(isBlank|isEmpty|IsNullOrEmpty|IsNullOrWhiteSpace|isNull|isNil|isUndefined|is_empty)$/.test(calleeLast(test))) return true;
  if (test.kind === 'binary' && /^(===|==|is)$/.test(test.operator)) {
    const empty = (n: IrNode): boolean => n.kind === 'null' || (n.kind === 'name' && (n.name === 'undefined' || n.name === 'None' || n.name === 'null'));
    return (simple(test.left) && empty(test.right)) || (simple(test.right) && empty(test.left));
  }
  return false;
}

/** The value a local name is bound to, when it is declared once in the same function before `use`. */
function localBinding(model: CodeModel, use: IrNode & { kind: 'name' }): IrNode | undefined {
  const fn = model.enclosingFunction(use);
  if (!fn) return undefined;
  const bindings = model.variables(use.name).filter((v) => v.value && v.start < use.start && model.enclosingFunction(v) === fn);
  return bindings.length === 1 ? bindings[0].value : undefined;
}

/** What the conditions leading to a denial are about. */
export function classifyGuard(model: CodeModel, guard: Guard): { kind: GuardClass; words: string[] } {
  if (guard.tests.length === 0) return { kind: 'unconditional', words: [] };
  const { words, callerWords, types, text } = guardWords(model, guard.tests);
  const has = (set: Set<string>, from: Set<string> = words): string[] => [...from].filter((w) => set.has(w));
  if (words.has('psychotherapy')) return { kind: 'not-ehi', words: ['psychotherapy'] };
  // A status code or error type being translated: the decision was made elsewhere.
  if (/\b(status_?[cC]ode|StatusCode|statusCode|getStatus\(\)|\.status\s*(===?|!==?)\s*\d{3})|\binstanceof\s+\w*(Exception|Error)\b|\bis\s+\w*Exception\b|isinstance\(\s*\w+\s*,\s*\(?\w*(Exception|Error)/.test(text)) {
    return { kind: 'not-ehi', words: ['status'] };
  }
  const policy = has(POLICY_WORDS);
  if (/\bmeta\??\.security\b|[mM]eta\??\.Security\b|getSecurity\(|security_?[lL]abels?|securityLabels?|\bopt[-_ ]?out|third[-_ ]?party|break[-_ ]?(the[-_ ]?)?glass|purpose_?[oO]f_?[uU]se|42\s*CFR/i.test(text)) policy.push('label');
  if (words.has('age') && (words.has('patient') || words.has('subject') || words.has('birth'))) policy.push('age');
  if (policy.length > 0) return { kind: 'data-policy', words: policy };
  // `if (!patient)`, `if record is None`: a missing record answered with 403 is a not-found, not a decision to withhold.
  if (guard.tests.every(isExistenceCheck)) return { kind: 'not-found', words: [] };
  // `user.can('read', patient)`, `hasAccess(...)`, `isAllowed(...)`: an access-control decision taken elsewhere.
  let accessCall = false;
  for (const t of guard.tests) {
    walk(t, (n) => {
      if (n.kind !== 'call') return;
      const w = identifierWords(calleeLast(n));
      if (w[0] === 'can' || w[0] === 'may' || w.some((x) => ['access', 'allowed', 'permitted', 'authorized', 'authorised', 'authorize', 'authorise', 'authenticated', 'permission', 'permissions', 'privilege', 'role', 'scope'].includes(x))) accessCall = true;
    });
  }
  if (has(CLIENT_APP_WORDS).length > 0) return { kind: 'client-app', words: has(CLIENT_APP_WORDS) };
  const access = [...has(ACCESS_CONTROL_WORDS), ...callerWords];
  if (access.length > 0 || accessCall) return { kind: 'access-control', words: access };
  const data = has(DATA_WORDS);
  const clinical = [...types, ...[...words].map((w) => w.charAt(0).toUpperCase() + w.slice(1))].filter((t) => CLINICAL_RESOURCE_TYPES.has(t));
  if (data.length > 0 || clinical.length > 0) return { kind: 'data', words: [...data, ...clinical] };
  return { kind: 'other', words: [...words] };
}

/* ---------------- recorded reasons ---------------- */

/** A call that writes a log or audit entry (not shown to the requestor): `logger.warn(...)`, `console.log(...)`, `_logger.LogWarning(...)`, `auditLog.record(...)`. */
export function isLogCall(call: CallNode): boolean {
  if (call.isDecorator) return false;
  const name = calleeName(call);
  if (/^(print|println|printf|console\.\w+|System\.(out|err)\.print\w*|Debug\.\w+|Trace\.\w+|Console\.Write\w*|logging\.\w+|log\.\w+)$/.test(name)) return true;
  const last = calleeLast(call);
  if (call.callee.kind !== 'member') return /^(log|logEvent|logInfo|logWarn|logWarning|logError|audit\w*|\w*Audit\w*)$/.test(last);
  const receiverName = (dotted(call.callee.object) || '').split('.').pop() ?? '';
  return /^(_?log|_?logger|LOG|LOGGER|Log|Logger|logging|syslog|winston|pino|bunyan|\w*(Logger|Log|Audit|Auditor|AuditLog|AuditService|Audit)|_\w*[lL]ogger|\w*_log(ger)?|logger\w*|audit\w*)$/.test(receiverName) || /audit/i.test(last);
}


const LOG_CALLEE = /(^|\.)(log|logger|logging|_logger|_log|LOG|LOGGER|Log|console|audit\w*|\w*[aA]udit\w*|syslog|trace|Trace|Debug)(\.|$)|(^|\.)(info|warn|warning|error|debug|trace|fatal|critical|exception|log|Log(Information|Warning|Error|Debug|Trace|Critical)|record|recordEvent|emit|track|trackEvent)$/;

function textsIn(model: CodeModel, node: IrNode, out: string[]): void {
  walk(node, (n) => {
    if (n.kind === 'function') return false;
    if (n.kind === 'string') out.push(n.value);
    else if (n.kind === 'name') {
      const s = stringValue(model, n);
      out.push(s ?? n.name);
    } else if (n.kind === 'member') {
      out.push(n.property);
      const s = stringValue(model, n);
      if (s) out.push(s);
    }
  });
}

/**
 * Whether the branch around a denial records which exception it relies on: an audit or log call,
 * the denial's own message or OperationOutcome diagnostics, or a `reason`/`exception` field set in
 * the same branch naming an exception id or a 45 CFR 171 section.
 */
export function recordedException(model: CodeModel, denial: IrNode, auditPattern: RegExp): string | undefined {
  const statement = statementOf(denial);
  const container = statement.parent;
  const scope: IrNode[] = container?.kind === 'block' ? container.body : [statement];
  const texts: string[] = [];
  textsIn(model, statement, texts);
  for (const s of scope) {
    walk(s, (n) => {
      if (n.kind === 'function') return false;
      if (n.kind === 'call' && !n.isDecorator) {
        const callee = calleeName(n);
        const reasonSetter = /(Diagnostics|Details|Reason|Exception|Justification|Rationale)$/i.test(calleeLast(n)) && !/^(new|throw|raise)/.test(calleeLast(n));
        if (auditPattern.test(callee) || LOG_CALLEE.test(callee) || reasonSetter) for (const a of n.args) textsIn(model, a.value, texts);
      } else if (n.kind === 'assign') {
        const target = dotted(n.target) || model.textOf(n.target);
        if (/(reason|exception|justification|basis|diagnostics|rationale)/i.test(target)) textsIn(model, n.value, texts);
      } else if (n.kind === 'object') {
        for (const p of n.properties) if (/(reason|exception|justification|basis|diagnostics|rationale)/i.test(p.key)) textsIn(model, p.value, texts);
      }
    });
  }
  for (const t of texts) {
    const named = namedException(t);
    if (named) return named;
  }
  return undefined;
}

/** A blanket-reason message the denial itself carries (left to `hipaa-blanket-reason`). */
export function blanketMessageOf(model: CodeModel, denial: IrNode): string | undefined {
  const texts: string[] = [];
  textsIn(model, statementOf(denial), texts);
  return texts.find((t) => citedReason(t) !== undefined);
}

/* ---------------- records requests ---------------- */

const REFUSED_STATUS = /^(rejected|denied|declined|refused|reject|deny|decline|refuse)$/i;

function isRecordsRequestWords(words: string[]): boolean {
  const hasRequest = words.includes('request') || words.includes('requests') || words.includes('req');
  const hasRecords = words.some((w) => ['record', 'records', 'roi', 'disclosure', 'disclosures', 'release', 'chart', 'ehi', 'amendment', 'access'].includes(w));
  return (hasRequest && hasRecords) || words.includes('roi') || words.includes('disclosure');
}

/** The refusal value a node holds: `'rejected'`, `RequestStatus.DENIED`, `Status.Declined`. */
function refusedValue(model: CodeModel, node: IrNode | undefined): { value: string; owner: string } | undefined {
  if (!node) return undefined;
  const s = stringValue(model, node);
  if (s !== undefined) return REFUSED_STATUS.test(s) ? { value: s, owner: '' } : undefined;
  if (node.kind === 'member' && REFUSED_STATUS.test(node.property)) return { value: node.property, owner: dotted(node.object) };
  return undefined;
}

/**
 * A records request set to a refused status: `request.status = 'rejected'`,
 * `recordsRequest.setStatus(RecordsRequestStatus.DENIED)`, `roi.Status = RoiStatus.Declined`,
 * `RecordsRequest.objects.filter(...).update(status="denied")`.
 */
export function rejectedRecordsRequest(model: CodeModel, node: IrNode): { at: Span; target: string; value: string } | undefined {
  if (node.kind === 'assign') {
    if (node.target.kind !== 'member' || !/^(status|Status|state|State|request_status|requestStatus)$/.test(node.target.property)) return undefined;
    const refused = refusedValue(model, node.value);
    if (!refused) return undefined;
    const words = [...identifierWords(dotted(node.target.object) || model.textOf(node.target.object)), ...identifierWords(refused.owner), ...contextWords(model, node)];
    if (!isRecordsRequestWords(words)) return undefined;
    return { at: node, target: short(model, node.target), value: refused.value };
  }
  if (node.kind === 'call' && !node.isDecorator) {
    const last = calleeLast(node);
    let refused: { value: string; owner: string } | undefined;
    if (/^(setStatus|SetStatus|set_status|setState|updateStatus|update_status|transitionTo|transition)$/.test(last)) refused = refusedValue(model, node.args[0]?.value);
    else if (/^(update|save|updateOne|findByIdAndUpdate|Update|update_or_create|patch)$/.test(last)) {
      for (const a of node.args) {
        if (a.name && /^(status|state)$/.test(a.name)) refused = refusedValue(model, a.value) ?? refused;
        if (a.value.kind === 'object') {
          const p = a.value.properties.find((q) => /^(status|state)$/.test(q.key));
          if (p) refused = refusedValue(model, p.value) ?? refused;
        }
      }
    }
    if (!refused) return undefined;
    const receiverText = node.callee.kind === 'member' ? dotted(node.callee.object) || model.textOf(node.callee.object) : '';
    const words = [...identifierWords(receiverText), ...identifierWords(refused.owner), ...contextWords(model, node)];
    if (!isRecordsRequestWords(words)) return undefined;
    return { at: node, target: short(model, node.callee, 40), value: refused.value };
  }
  return undefined;
}

/** Words of the enclosing function and class names, for code that handles one kind of request. */
function contextWords(model: CodeModel, node: IrNode): string[] {
  const fn = model.enclosingNamedFunction(node);
  const cls = model.enclosingClass(node);
  const routes = enclosingHandler(model, node)?.routes.map((r) => r.path) ?? [];
  return [...identifierWords(fn?.name ?? ''), ...identifierWords(cls?.name ?? ''), ...routes.flatMap((r) => identifierWords(r))];
}

/* ---------------- files ---------------- */
