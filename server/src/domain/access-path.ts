/**
 * The one notion of an "EHI access path" that the throttle, denial, gate, fee and delay rules share:
 * whether a route, a handler or a piece of code gives access to electronic health information (FHIR
 * APIs, patient and app APIs, records requests, exports, results), to authentication (sign-in,
 * tokens) or to administration. The routes themselves come from the framework models
 * (`frameworks/routes.ts`); Mirth channels are exchange paths as a whole. Where no route is visible
 * in the file, the handler's own name decides.
 */
import type { CodeModel } from '../core/code-model';
import type { FunctionNode, IrNode } from '../core/ir';
import { walk } from '../core/ir';
import { identifierWords } from '../analysis/values';
import { ConfigNode, descendants } from '../core/formats/tree';
import { pathsOf } from '../frameworks/config-scope';
import { isFhirServerCode, looksLikeRequestHandler, Route, routeRegistrations, routesOf } from '../frameworks/routes';
import { FHIR_RESOURCE_TYPES } from './fhir';
import { resolverOf } from '../frameworks/graphql';

export type PathClass = 'ehi' | 'auth' | 'admin' | 'other';

export interface Handler {
  fn?: FunctionNode;
  routes: Route[];
  classification: PathClass;
  /** Why this is (or is not) an EHI access path, for messages: `route GET /fhir/Patient/:id`. */
  evidence: string;
}

const FHIR_TYPES_LOWER = new Set([...FHIR_RESOURCE_TYPES].map((t) => t.toLowerCase()));

const EHI_SEGMENTS = new Set([
  'fhir',
  'r4',
  'stu3',
  'dstu2',
  'patient',
  'patients',
  'record',
  'records',
  'medical-records',
  'health-records',
  'chart',
  'charts',
  'ehi',
  'export',
  '$export',
  '$everything',
  'everything',
  'bulk',
  'bulk-data',
  'result',
  'results',
  'lab',
  'labs',
  'lab-results',
  'note',
  'notes',
  'clinical-notes',
  'document',
  'documents',
  'encounters',
  'medications',
  'allergies',
  'immunizations',
  'conditions',
  'observations',
  'clinical',
  'roi',
  'release-of-information',
  'records-request',
  'records-requests',
  'disclosure',
  'disclosures',
  'ccda',
  'c-cda',
  'cda',
  'ccd',
  'hl7',
  'hie',
  'mychart',
  'portal',
  'summary',
  'visit-summary',
  'imaging',
  'reports',
]);

const AUTH_SEGMENTS = new Set([
  'login',
  'logon',
  'signin',
  'sign-in',
  'signup',
  'sign-up',
  'logout',
  'auth',
  'oauth',
  'oauth2',
  'authorize',
  'token',
  'introspect',
  'revoke',
  'session',
  'sessions',
  'password',
  'passwords',
  'forgot-password',
  'reset-password',
  'otp',
  'mfa',
  '2fa',
  'verify',
  'verification',
  'register',
  'registration',
  'captcha',
  'saml',
  'sso',
  'openid',
  'jwks',
]);

const ADMIN_SEGMENTS = new Set([
  'admin',
  'internal',
  'health',
  'healthz',
  'livez',
  'readyz',
  'ready',
  'live',
  'metrics',
  'status',
  'ping',
  'actuator',
  'swagger',
  'swagger-ui',
  'docs',
  'openapi',
  'api-docs',
  'debug',
  'ops',
]);

/**
 * Classifies a URL path. Authentication wins over EHI (`/fhir/auth/token` is a sign-in endpoint);
 * administration wins over EHI (an admin console's patient search is not a patient's access).
 */
export function classifyPath(path: string): PathClass {
  const segments = path
    .toLowerCase()
    .split(/[/?#]+/)
    .map((s) => s.replace(/\.\*|\.\+|\(\.\*\)|[*^$()?+\\]/g, '').replace(/^[:{<[]+|[}>\]]+$/g, ''))
    .filter((s) => s.length > 0);
  if (segments.some((s) => AUTH_SEGMENTS.has(s) || s.startsWith('login') || s.startsWith('signin') || s.startsWith('password'))) return 'auth';
  if (segments.some((s) => ADMIN_SEGMENTS.has(s))) return 'admin';
  if (segments.some((s) => EHI_SEGMENTS.has(s) || FHIR_TYPES_LOWER.has(s) || s.startsWith('$export') || s.startsWith('patient'))) return 'ehi';
  return 'other';
}

const EHI_WORDS = new Set([
  'patient',
  'patients',
  'record',
  'records',
  'chart',
  'ehi',
  'fhir',
  'export',
  'exports',
  'result',
  'results',
  'note',
  'notes',
  'document',
  'documents',
  'observation',
  'observations',
  'encounter',
  'encounters',
  'medication',
  'medications',
  'allergy',
  'allergies',
  'condition',
  'conditions',
  'immunization',
  'immunizations',
  'lab',
  'labs',
  'clinical',
  'disclosure',
  'roi',
  'bundle',
  'everything',
  'ccda',
  'cda',
  'ccd',
  'hl7',
  'chart',
  'health',
]);
const AUTH_WORDS = new Set(['login', 'logon', 'signin', 'signup', 'logout', 'auth', 'authenticate', 'authorize', 'token', 'password', 'otp', 'mfa', 'session', 'captcha', 'credentials']);
const ADMIN_WORDS = new Set(['admin', 'healthcheck', 'metrics', 'ping', 'internal', 'actuator']);

/** Classifies an identifier (handler, class or job name) by its words. */
export function classifyName(name: string): PathClass {
  const words = identifierWords(name);
  if (words.some((w) => AUTH_WORDS.has(w))) return 'auth';
  if (words.some((w) => ADMIN_WORDS.has(w))) return 'admin';
  if (words.includes('health') && words.includes('check')) return 'admin';
  if (words.some((w) => EHI_WORDS.has(w) || FHIR_TYPES_LOWER.has(w))) return 'ehi';
  return 'other';
}

export function isEhiName(name: string): boolean {
  return classifyName(name) === 'ehi';
}

/**
 * Whether `fn` handles requests, and which routes it serves. Registrations in the file, annotations,
 * HAPI providers and Mirth scripts all count; so does a request/response signature, classified by
 * the function's (and its class's) name.
 */
export function handlerFor(model: CodeModel, fn: FunctionNode): Handler | undefined {
  return model.memo(`handler:${fn.start}:${fn.end}`, () => {
    const routes = routesOf(model, fn);
    if (routes.length > 0) return fromRoutes(fn, routes);
    if (!looksLikeRequestHandler(model, fn)) return undefined;
    const cls = model.enclosingClass(fn);
    const names = [fn.name ?? '', cls?.name ?? ''].filter((n) => n.length > 0);
    const classes = names.map(classifyName);
    const classification = classes.includes('auth') ? 'auth' : classes.includes('admin') ? 'admin' : classes.includes('ehi') ? 'ehi' : 'other';
    // Middleware of a FHIR server runs on every FHIR request.
    if (classification === 'other' && cls && MIDDLEWARE_CLASS.test(cls.name) && isFhirServerCode(model)) {
      return { fn, routes: [], classification: 'ehi', evidence: `the FHIR server request pipeline (${cls.name})` };
    }
    return { fn, routes: [], classification, evidence: `handler ${names.join(' in ')}` };
  });
}

const MIDDLEWARE_CLASS = /(Middleware|Filter|Interceptor|Guard|Handler|Throttl|Limiter)$/;


function fromRoutes(fn: FunctionNode | undefined, routes: Route[]): Handler {
  const classes = routes.map((r) => classifyPath(r.path));
  const strongest: PathClass = classes.includes('ehi') && !classes.includes('auth') ? 'ehi' : classes.includes('auth') ? 'auth' : classes.includes('admin') ? 'admin' : classes.includes('ehi') ? 'ehi' : 'other';
  const route = routes.find((_route, i) => classes[i] === strongest) ?? routes[0];
  const method = route.methods.length === 1 ? `${route.methods[0]} ` : '';
  const evidence = route.framework === 'hapi-fhir' ? `HAPI FHIR server ${fn?.name ? `method ${fn.name}` : 'hook'}` : `route ${method}${route.path || '(all paths)'}`;
  return { fn, routes, classification: strongest === 'other' && fn?.name ? fallbackByName(fn.name) : strongest, evidence };
}

function fallbackByName(name: string): PathClass {
  const c = classifyName(name);
  return c === 'ehi' ? 'ehi' : 'other';
}

/**
 * The request handler that `node` runs in: the nearest enclosing function that is a handler,
 * looking through callbacks and lambdas. For Mirth, every message-processing script is an
 * exchange path.
 */
export function enclosingHandler(model: CodeModel, node: IrNode): Handler | undefined {
  for (let p: IrNode | undefined = node.kind === 'function' ? node : node.parent; p; p = p.parent) {
    if (p.kind !== 'function') continue;
    const handler = handlerFor(model, p);
    if (handler) return handler;
  }
  if (model.embedding?.host === 'mirth') {
    if (model.embedding.element === 'deployScript' || model.embedding.element === 'undeployScript') return undefined;
    return { routes: [], classification: 'ehi', evidence: `Mirth ${model.embedding.label}` };
  }
  return undefined;
}

/** Whether a string literal names an EHI path (`"/fhir/*"`, `"/api/patients/**"`). */
export function isEhiPathLiteral(value: string): boolean {
  return /^[~^]?\/?[\w$.{}:<>*\-\\/[\]]+$/.test(value) && value.includes('/') && classifyPath(value.replace(/[\\^$*]+/g, '/')) === 'ehi';
}

/**
 * The EHI context code runs in: its request handler when that is an EHI access path (or a Mirth
 * channel); otherwise, outside any handler, the nearest named function or class whose name is about
 * EHI (a service method `releaseLabResults`, a `PatientResultsService`, a scheduled job).
 */
export function ehiScope(model: CodeModel, node: IrNode): { evidence: string; handler?: Handler } | undefined {
  const handler = enclosingHandler(model, node);
  if (handler) return handler.classification === 'ehi' ? { evidence: handler.evidence, handler } : undefined;
  for (let p = node.parent; p; p = p.parent) {
    if ((p.kind === 'function' && p.name && !p.isLambda) || p.kind === 'class') {
      const name = p.name ?? '';
      if (classifyName(name) === 'ehi') return { evidence: `${p.kind === 'class' ? 'class' : 'function'} ${name}` };
    }
  }
  return undefined;
}

/**
 * Evidence short enough for a one-sentence message: a Mirth channel by its name alone
 * (`Mirth channel "Records Out"`, not its connector and step), anything else cut at 80 characters.
 */
export function briefEvidence(evidence: string): string {
  const mirth = /^Mirth channel ("[^"]*")/.exec(evidence);
  if (mirth) return `Mirth channel ${mirth[1]}`;
  return evidence.length > 80 ? `${evidence.slice(0, 77)}...` : evidence;
}

const HEALTH_CARE_TEXT =
  /\b(patients?|fhir|hl7|clinical|clinicians?|physicians?|ehr|emr|loinc|snomed|mychart|medical|diagnos[a-z]*|patholog[a-z]*|radiolog[a-z]*|lab[ _-]?results?|encounters?|observations?|hipaa|ehi)\b/i;

/**
 * Substrings, one of which every match of the health-care pattern contains (the literal start of each
 * alternative). Rules whose checks run only where `mentionsHealthCare` holds use them as
 * `triggersAlso`; a test keeps the two in step.
 */
export const HEALTH_CARE_TRIGGERS = ['patient', 'fhir', 'hl7', 'clinical', 'clinician', 'physician', 'ehr', 'emr', 'loinc', 'snomed', 'mychart', 'medical', 'diagnos', 'patholog', 'radiolog', 'lab', 'encounter', 'observation', 'hipaa', 'ehi'];

/** The pattern itself, for that test. */
export const HEALTH_CARE_PATTERN: RegExp = HEALTH_CARE_TEXT;

/** Whether a text is about health care at all (a quiz's "results" or an escrow "release" is not). */
export function mentionsHealthCare(model: CodeModel | { text: string }): boolean {
  if ('memo' in model) return model.memo('mentionsHealthCare', () => HEALTH_CARE_TEXT.test(model.text));
  return HEALTH_CARE_TEXT.test(model.text);
}

const APP_WORDS = new Set(['app', 'apps', 'application', 'applications', 'client', 'clients']);
const REGISTRATION_WORDS = new Set(['register', 'registration', 'registrations', 'onboarding', 'onboard', 'developer', 'developers', 'dcr']);

/** Whether words are about registering a third-party app (`/oauth/register`, `/developer/apps`, `registerClient`). */
export function isAppRegistrationWords(words: string[]): boolean {
  return words.some((w) => APP_WORDS.has(w) || w === 'oauth' || w === 'oauth2') && words.some((w) => REGISTRATION_WORDS.has(w));
}

/**
 * The app-registration handler code runs in: where patients' chosen apps and developers register
 * (45 CFR 170.404 lets an app be vetted only for authenticity). `classifyPath` calls these routes
 * authentication; rules about gating access need them separately.
 */
export function appRegistrationScope(model: CodeModel, node: IrNode): Handler | undefined {
  const handler = enclosingHandler(model, node);
  if (!handler) return undefined;
  const cls = handler.fn ? model.enclosingClass(handler.fn) : undefined;
  const words = [...handler.routes.map((r) => r.path), handler.fn?.name ?? '', cls?.name ?? ''].flatMap(identifierWords);
  return isAppRegistrationWords(words) ? handler : undefined;
}

const FRAMEWORK_HOOKS = /^(doFilter|doFilterInternal|preHandle|postHandle|handle|intercept|canActivate|use|invoke|Invoke|InvokeAsync|OnActionExecuting|OnActionExecutionAsync|OnAuthorization|OnAuthorizationAsync|OnResourceExecuting|dispatch|process_request|process_view|__call__|filter|apply)$/;
const CONSENT_SERVICE_BASES = /(IConsentService|ConsentService|IConsentContextServices|ConsentInterceptor)/;

/**
 * The EHI context of code that need not sit in a route handler of its own: its handler when that
 * serves an EHI path; otherwise (no route visible) a middleware function mounted on an EHI path in
 * this file, a HAPI FHIR consent service, or a class whose name or path literals are about EHI
 * (`PatientConsentGuard`, `RecordsRequestService`, a filter for `/fhir/*`), or a GraphQL query resolver
 * whose field is about EHI (`frameworks/graphql.ts`). Handlers that serve
 * authentication, administration or other routes are not EHI contexts.
 */
export function ehiContext(model: CodeModel, node: IrNode): Handler | undefined {
  // A GraphQL resolver: a query field about EHI is an access path; a mutation changes data and is not.
  for (let p: IrNode | undefined = node.parent; p; p = p.parent) {
    if (p.kind !== 'function') continue;
    const resolver = resolverOf(model, p);
    if (!resolver) continue;
    if (resolver.operation === 'mutation') return undefined;
    const ehi = classifyName(resolver.field) === 'ehi' || (resolver.owner !== undefined && resolver.owner !== 'Query' && classifyName(resolver.owner) === 'ehi');
    return ehi ? { fn: p, routes: [], classification: 'ehi', evidence: `GraphQL query \`${resolver.field}\`` } : undefined;
  }
  const handler = enclosingHandler(model, node);
  if (handler?.classification === 'ehi') return handler;
  // A framework hook (`doFilterInternal`, `canActivate`, `InvokeAsync`) says nothing by its name: its class decides.
  const hook = handler?.fn?.name !== undefined && FRAMEWORK_HOOKS.test(handler.fn.name) && handler.routes.length === 0;
  if (handler && !hook && (handler.classification !== 'other' || handler.routes.length > 0)) return undefined;
  for (let p: IrNode | undefined = node.parent; p; p = p.parent) {
    if (p.kind !== 'function' || !p.name) continue;
    const name = p.name;
    const mounted = routeRegistrations(model).find(
      (r) => classifyPath(r.path) === 'ehi' && r.middleware.some((m) => (m.kind === 'name' && m.name === name) || (m.kind === 'call' && m.callee.kind === 'name' && m.callee.name === name)),
    );
    if (mounted) return { fn: p, routes: [], classification: 'ehi', evidence: `middleware ${name} on ${mounted.path}` };
  }
  const cls = model.enclosingClass(node);
  if (!cls) return undefined;
  if (cls.bases.some((b) => CONSENT_SERVICE_BASES.test(b))) return { routes: [], classification: 'ehi', evidence: `HAPI FHIR consent service ${cls.name}` };
  const byName = classifyName(cls.name);
  if (byName === 'ehi') return { routes: [], classification: 'ehi', evidence: cls.name };
  if (byName !== 'other') return undefined;
  let literal: string | undefined;
  walk(cls, (n) => {
    if (literal) return false;
    if (n.kind === 'string' && isEhiPathLiteral(n.value)) literal = n.value;
  });
  return literal && /(Filter|Interceptor|Middleware|Guard|Handler|Policy|Consent|Limiter|Throttl)/.test(cls.name) ? { routes: [], classification: 'ehi', evidence: `requests to ${literal} (${cls.name})` } : undefined;
}

/* ---------------- configuration ---------------- */

/** The strongest classification among paths: EHI when any path is (unless every path is sign-in). */
export function classifyPaths(paths: string[]): PathClass {
  const classes = paths.map((p) => (p === '*' || p === '/' || p === '/*' || p === '/**' ? 'all' : classifyPath(p)));
  if (classes.includes('ehi')) return 'ehi';
  if (classes.includes('auth')) return 'auth';
  if (classes.includes('admin')) return 'admin';
  return 'other';
}

/** Every path-like value in a document that names an EHI path (for global settings). */
export function ehiPathsIn(root: ConfigNode): string[] {
  const out: string[] = [];
  for (const node of descendants(root)) {
    if (node.kind !== 'map') continue;
    for (const p of pathsOf(node)) if (classifyPath(p) === 'ehi' && !out.includes(p)) out.push(p);
  }
  return out;
}
