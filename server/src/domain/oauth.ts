/**
 * OAuth 2.0 / SMART authorization facts: who a scope is for (patient, user, system), whether a file
 * is about authorizing patient-facing apps, which expressions name a client, hard-coded client
 * allow-lists and the checks that enforce them, OAuth error responses, and refresh-token lifetimes.
 */
import type { CodeModel } from '../core/code-model';
import type { IrNode } from '../core/ir';
import { walk } from '../core/ir';
import { isRejection } from '../analysis/responses';
import { calleeLast, dotted, identifierWords, numberValue, stringList, stringValue } from '../analysis/values';

/** At least three months: certification criterion 170.315(g)(10) for refresh tokens of patient apps. */
export const MIN_PATIENT_REFRESH_MS = 90 * 86_400_000;

export type ScopeAudience = 'patient' | 'user' | 'system' | 'openid' | 'other';

/** `patient/Observation.rs`, `launch/patient` → patient; `user/*.read` → user; `system/*.read` → system. */
export function scopeAudience(scope: string): ScopeAudience {
  const s = scope.trim();
  if (/^patient\//i.test(s) || /^launch\/patient$/i.test(s)) return 'patient';
  if (/^user\//i.test(s) || /^launch(\/encounter)?$/i.test(s)) return 'user';
  if (/^system\//i.test(s)) return 'system';
  if (/^(openid|profile|fhirUser|offline_access|online_access|email)$/i.test(s)) return 'openid';
  return 'other';
}

/** Scopes as written: a list, or one space- or comma-separated string. */
export function splitScopes(values: string[]): string[] {
  return values.flatMap((v) => v.split(/[\s,]+/)).filter((s) => s.length > 0);
}

/** A list of scopes includes a patient-facing one. */
export function hasPatientScope(scopes: string[]): boolean {
  return splitScopes(scopes).some((s) => scopeAudience(s) === 'patient');
}

/** A list of scopes is only for systems and administration (no patient or user scope). */
export function onlySystemScopes(scopes: string[]): boolean {
  const split = splitScopes(scopes);
  return split.length > 0 && split.some((s) => scopeAudience(s) === 'system') && !split.some((s) => scopeAudience(s) === 'patient' || scopeAudience(s) === 'user');
}

const PATIENT_APP_TEXT =
  /launch\/patient|["'\s[(,]patient\/[\w*$-]+\.(?:read|write|\*|[cruds]+)\b|permission-patient|context-standalone-patient|launch-standalone|smart[-_ ]on[-_ ]fhir|smart[-_ ]app[-_ ]launch|\bfhirUser\b/i;

/**
 * Whether a file is about authorizing patient-facing apps: SMART patient scopes, standalone launch,
 * `fhirUser`, SMART on FHIR named. `offline_access` alone is not enough: every Keycloak realm and
 * most OpenID Connect servers mention it.
 */
export function mentionsPatientApps(text: string): boolean {
  return PATIENT_APP_TEXT.test(text);
}

const FHIR_TEXT = /fhir|smart[-_ ]?(on|app|launch|config)|\bpatients?\b|launch\/|\behr\b|\behi\b|mychart|patient[-_ ]?portal|healthcare|medical|clinical|\bhl7\b|hipaa/i;

/** Whether a file is about health records at all (FHIR, SMART, patients, an EHR). */
export function mentionsHealthRecords(text: string): boolean {
  return FHIR_TEXT.test(text);
}

const CLIENT_WORDS = new Set(['client', 'clients', 'app', 'apps', 'application', 'applications', 'software', 'publisher', 'publishers', 'vendor', 'vendors', 'developer', 'developers', 'azp', 'cid']);
const NOT_CLIENT_WORDS = new Set(['redirect', 'uri', 'uris', 'url', 'urls', 'origin', 'origins', 'host', 'hosts', 'ip', 'ips', 'scope', 'scopes', 'user', 'users', 'email', 'emails', 'audience', 'aud', 'issuer', 'issuers', 'iss', 'cert', 'certs', 'certificate', 'certificates', 'secret', 'secrets', 'key', 'keys', 'version', 'versions', 'type', 'types', 'role', 'roles', 'domain', 'domains', 'grant', 'grants', 'status', 'state', 'platform', 'platforms', 'os']);

/** Whether an expression names a client: `clientId`, `req.query.client_id`, `registeredClient.getClientId()`, `claims.azp`, `body.software_id`. */
export function isClientIdentifier(model: CodeModel, node: IrNode): boolean {
  // `metadata.get("software_publisher")`, `req.query["client_id"]`, `request.getParameter("client_id")`: the key names it.
  const key =
    node.kind === 'call' && node.args.length >= 1 && /^(get|getParameter|get_argument|getFirst|GetValue|getString|optString|getOrDefault)$/.test(calleeLast(node))
      ? stringValue(model, node.args[0].value)
      : node.kind === 'index'
        ? stringValue(model, node.index)
        : undefined;
  if (key !== undefined) return isClientIdentifierName(key);
  const text = (dotted(node) || model.textOf(node)).replace(/\(\)/g, '');
  const last = text.split(/[.[\]'"]+/).filter((s) => s.length > 0).pop() ?? '';
  return isClientIdentifierName(last.replace(/^get(?=[A-Z])/, ''));
}

function isClientIdentifierName(name: string): boolean {
  const words = identifierWords(name);
  if (words.length === 0 || words.some((w) => NOT_CLIENT_WORDS.has(w))) return false;
  return words.some((w) => CLIENT_WORDS.has(w));
}

const ALLOW_WORDS = new Set(['allow', 'allowed', 'allowlist', 'allowlisted', 'whitelist', 'whitelisted', 'approved', 'preapproved', 'trusted', 'permitted', 'vetted', 'sanctioned', 'partner', 'partners']);
/** Words of a list that gates access (not `trusted`, which often means "skip the consent screen"). */
const GATE_WORDS = new Set(['allow', 'allowed', 'allowlist', 'allowlisted', 'whitelist', 'whitelisted', 'approved', 'preapproved', 'permitted', 'vetted', 'sanctioned']);
const BACK_OFFICE_WORDS = new Set(['admin', 'admins', 'administrator', 'system', 'systems', 'backend', 'internal', 'service', 'services', 'backoffice', 'staff', 'ops', 'm2m', 'machine', 'daemon', 'bulk', 'batch', 'integration', 'integrations', 'clinician', 'clinicians', 'employee', 'employees', 'debug', 'test', 'tests', 'sandbox', 'dev', 'mcp', 'agent', 'agents']);

/** `ALLOWED_CLIENT_IDS`, `approvedApps`, `trustedClientIds`, `whitelisted_apps`: a list of which clients may connect. */
export function isClientAllowListName(name: string): boolean {
  const words = identifierWords(name);
  return words.some((w) => ALLOW_WORDS.has(w)) && words.some((w) => CLIENT_WORDS.has(w)) && !words.some((w) => NOT_CLIENT_WORDS.has(w));
}

/** A list name that says it admits only its members: `allowed`, `approved`, `whitelist` (with or without a client word). */
export function isGateListName(name: string, strict = false): boolean {
  const words = identifierWords(name);
  return words.some((w) => (strict ? GATE_WORDS : ALLOW_WORDS).has(w)) && !words.some((w) => NOT_CLIENT_WORDS.has(w));
}

/** Names and tests about administration, system or back-office clients (whose allow-lists are not about patients' apps). */
export function isBackOfficeName(text: string): boolean {
  return identifierWords(text).some((w) => BACK_OFFICE_WORDS.has(w)) || /system\/|client_credentials|clientCredentials|CLIENT_CREDENTIALS|ClientCredentials/.test(text);
}

export interface MembershipTest {
  /** The collection: `ALLOWED_CLIENT_IDS`, `this.approvedApps`. */
  collection: IrNode;
  /** What is looked up: `clientId`. */
  subject: IrNode;
  /** True when the test is true for members (`includes`), false for non-members (`not in`, `!includes`). */
  member: boolean;
}

/**
 * A membership test in a condition: `LIST.includes(x)`, `LIST.has(x)`, `LIST.contains(x)`,
 * `LIST.Contains(x)`, `x in LIST`, `LIST.indexOf(x) === -1`, with `!`/`not` negation.
 */
export function membershipTest(model: CodeModel, node: IrNode): MembershipTest | undefined {
  if (node.kind === 'unary' && (node.operator === '!' || node.operator === 'not')) {
    const inner = membershipTest(model, node.operand);
    return inner && { ...inner, member: !inner.member };
  }
  if (node.kind === 'other' && node.children.length === 1 && /parenthes/.test(node.type)) return membershipTest(model, node.children[0]);
  if (node.kind === 'call' && node.callee.kind === 'member' && node.args.length === 1) {
    const last = calleeLast(node);
    if (/^(includes|has|contains|Contains|containsKey|ContainsKey|hasOwnProperty|__contains__)$/.test(last)) {
      return { collection: node.callee.object, subject: node.args[0].value, member: true };
    }
  }
  if (node.kind === 'binary') {
    if (node.operator === 'in' || node.operator === 'not in') return { collection: node.right, subject: node.left, member: node.operator === 'in' };
    if (/^(===|==|!==|!=|<|>=)$/.test(node.operator) && node.left.kind === 'call' && calleeLast(node.left) === 'indexOf' && node.left.callee.kind === 'member') {
      const n = numberValue(model, node.right);
      const notFound = (node.operator === '===' || node.operator === '==') && n === -1 ? true : node.operator === '<' && n === 0 ? true : (node.operator === '!==' || node.operator === '!=') && n === -1 ? false : node.operator === '>=' && n === 0 ? false : undefined;
      if (notFound === undefined || node.left.args.length !== 1) return undefined;
      return { collection: node.left.callee.object, subject: node.left.args[0].value, member: !notFound };
    }
  }
  return undefined;
}

/** The conditions joined by `&&`/`and` in a test (a guard `a && !b` is read as both parts). */
export function conjuncts(node: IrNode): IrNode[] {
  if (node.kind === 'binary' && (node.operator === '&&' || node.operator === 'and')) return [...conjuncts(node.left), ...conjuncts(node.right)];
  if (node.kind === 'other' && node.children.length === 1 && /parenthes/.test(node.type)) return conjuncts(node.children[0]);
  return [node];
}

const OAUTH_ERRORS = /^(unauthorized_client|access_denied|invalid_client|invalid_request|invalid_scope|invalid_client_metadata|invalid_software_statement|unapproved_software_statement|unsupported_grant_type)$/;

/**
 * Whether a branch refuses the client: a rejection (`responses.ts`), an OAuth error code sent or
 * assigned (`unauthorized_client`, `access_denied`, `invalid_client_metadata`), `context.Result.IsError
 * = true`, or `return false` from a validator (`isAllowed`, `validateClient`).
 */
export function refusesClient(model: CodeModel, branch: IrNode, validatorName?: string): boolean {
  if (isRejection(model, branch)) return true;
  let found = false;
  walk(branch, (n) => {
    if (found) return false;
    if (n.kind === 'function') return false;
    if (n.kind === 'string' && OAUTH_ERRORS.test(n.value)) found = true;
    else if (n.kind === 'member' && /^(UnauthorizedClient|AccessDenied|InvalidClient|UNAUTHORIZED_CLIENT|ACCESS_DENIED|INVALID_CLIENT|InvalidClientMetadata|INVALID_CLIENT_METADATA)$/.test(n.property)) found = true;
    else if (n.kind === 'assign' && n.target.kind === 'member' && n.target.property === 'IsError' && n.value.kind === 'boolean' && n.value.value) found = true;
    else if (n.kind === 'call' && /^(Fail|fail|setResult|SetResult|Reject|reject|Forbid|forbid|abort)$/.test(calleeLast(n))) found = true;
    else if (n.kind === 'return' && n.value?.kind === 'boolean' && !n.value.value && validatorName && /^(is|can|has|validate|check|verify|allow|accept|authori[sz]e)/i.test(validatorName)) found = true;
  });
  return found;
}

/** The strings of a collection expression when it is a literal list (or a constant bound to one) in the file. */
export function literalMembers(model: CodeModel, collection: IrNode): string[] | undefined {
  return stringList(model, collection);
}

/** The name a collection expression goes by: `ALLOWED_CLIENT_IDS`, `approvedApps` for `this.config.approvedApps`. */
export function collectionName(node: IrNode): string {
  const text = dotted(node).replace(/\(\)/g, '');
  return text.split('.').filter((s) => s.length > 0).pop() ?? '';
}

/** A string value of a node, or its member name: `AuthorizationGrantType.REFRESH_TOKEN` → `REFRESH_TOKEN`. */
export function constantText(model: CodeModel, node: IrNode | undefined): string | undefined {
  if (!node) return undefined;
  const s = stringValue(model, node);
  if (s !== undefined) return s;
  if (node.kind === 'member') return node.property;
  if (node.kind === 'call' && node.isNew && node.args.length === 1) return constantText(model, node.args[0].value);
  return undefined;
}

/** `1 h`, `30 days`, `15 min` for messages. */
export function describeDuration(ms: number): string {
  const day = 86_400_000;
  if (ms >= day && ms % day === 0) return `${ms / day} day${ms === day ? '' : 's'}`;
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} hour${ms === 3_600_000 ? '' : 's'}`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${+(ms / 1000).toFixed(1)} s`;
}

/* ---------- refresh-token lifetimes ---------- */

export type DurationUnit = 'ms' | 's' | 'min' | 'h' | 'd' | 'duration';

const UNIT_FACTOR: Record<Exclude<DurationUnit, 'duration'>, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds of a number in a unit. */
export function toMs(n: number, unit: Exclude<DurationUnit, 'duration'>): number {
  return n * UNIT_FACTOR[unit];
}

const KEYCLOAK_OFFLINE = /^(offlineSessionIdleTimeout|offlineSessionMaxLifespan|clientOfflineSessionIdleTimeout|clientOfflineSessionMaxLifespan|client\.offline\.session\.idle\.timeout|client\.offline\.session\.max\.lifespan)$/;
const FIRST_PARTY_SESSIONS = /^(simple_?jwt|jwt|jwt_auth|jwt-auth|session|sessions|cookie|cookies|remember_?me|devise|passport|next_?auth|nextauth|supabase|firebase|cognito_user_pool)$/i;

/**
 * The unit of a setting that bounds how long a refresh (offline) token lives, from its key and the
 * keys above it: `REFRESH_TOKEN_EXPIRE_SECONDS` (s), `refreshTokenValiditySeconds` (s),
 * `AbsoluteRefreshTokenLifetime` (s), `refresh-token-time-to-live` (a duration), Keycloak
 * `offlineSessionIdleTimeout` (s), oidc-provider `ttl.RefreshToken` (s). Undefined for other keys,
 * and for first-party session settings (Simple JWT, session cookies), which are not about apps.
 */
export function refreshLifetimeUnit(path: readonly string[]): DurationUnit | undefined {
  const key = path[path.length - 1] ?? '';
  if (path.some((k) => FIRST_PARTY_SESSIONS.test(k))) return undefined;
  if (KEYCLOAK_OFFLINE.test(key)) return 's';
  const parent = path[path.length - 2] ?? '';
  if (/^RefreshToken$/.test(key) && /^ttl$/i.test(parent)) return 's';
  const words = identifierWords(key);
  if (!words.includes('refresh') || !(words.includes('token') || words.includes('tokens'))) return undefined;
  if (words.some((w) => ['rotation', 'reuse', 'count', 'max', 'interval', 'threshold', 'leeway', 'skew', 'grace', 'length', 'size', 'bytes', 'format', 'usage', 'reuse'].includes(w)) && !words.includes('lifespan')) return undefined;
  const span = words.some((w) => ['lifetime', 'ttl', 'expire', 'expires', 'expiry', 'expiration', 'validity', 'timeout', 'live', 'lifespan', 'duration', 'age', 'valid'].includes(w));
  if (!span) return undefined;
  if (words.some((w) => ['seconds', 'secs', 'sec'].includes(w))) return 's';
  if (words.some((w) => ['millis', 'milliseconds', 'ms'].includes(w))) return 'ms';
  if (words.some((w) => ['minutes', 'mins', 'min'].includes(w))) return 'min';
  if (words.some((w) => ['hours', 'hrs'].includes(w))) return 'h';
  if (words.some((w) => ['days'].includes(w))) return 'd';
  if (words.includes('lifetime') && /^[A-Z]/.test(key)) return 's';
  return 'duration';
}

/**
 * Whether a setting switches dynamic client registration: `dynamic_registration`,
 * `dynamicClientRegistrationEnabled`, `dcr.enabled`, `registration.enabled` under OAuth/OIDC
 * settings (`features.registration.enabled` of oidc-provider). Keycloak `registrationAllowed` is
 * end-user sign-up, not client registration.
 */
export function isDcrSwitch(path: readonly string[]): boolean {
  const key = path[path.length - 1] ?? '';
  const words = identifierWords(key);
  const enabling = (w: string): boolean => /^(enabled?|allow|allowed|active|on|supported)$/.test(w);
  const prefix = (w: string): boolean => /^(oidc|oauth|oauth2|openid|smart|fhir|auth|rfc7591|is|use|feature)$/.test(w);
  const others = (ws: string[], allowed: string[]): boolean => ws.every((w) => allowed.includes(w) || enabling(w) || prefix(w));
  if (words.includes('dcr')) return others(words, ['dcr']);
  if (words.includes('registration') && (words.includes('dynamic') || words.includes('client'))) return others(words, ['dynamic', 'client', 'registration', 'open']);
  const parent = path[path.length - 2] ?? '';
  const parentWords = identifierWords(parent);
  if (words.length === 1 && enabling(words[0])) {
    if (parentWords.includes('dcr') || (parentWords.includes('registration') && (parentWords.includes('dynamic') || parentWords.includes('client')))) return true;
    if (parentWords.length === 1 && parentWords[0] === 'registration') return path.slice(0, -2).some((k) => /oauth|oidc|openid|smart|authori[sz]ation|^features$|^provider$/i.test(k));
  }
  if (others(words, ['registration']) && words.includes('registration') && words.length === 2) {
    return path.slice(0, -1).some((k) => /oauth|oidc|openid|smart|authori[sz]ation[-_]?server|^clients?$/i.test(k));
  }
  return false;
}
