/**
 * The one notion of an "EHI access path" that the throttle, denial, gate, fee and delay rules share:
 * which functions handle requests, which routes they serve, and whether a route gives access to
 * electronic health information (FHIR APIs, patient and app APIs, records requests, exports,
 * results), to authentication (sign-in, tokens) or to administration.
 *
 * Routes come from framework annotations (Spring, JAX-RS, NestJS, ASP.NET Core, Flask, FastAPI),
 * route registrations (Express/Fastify/Koa style, ASP.NET Core minimal APIs, Django `path`), HAPI
 * FHIR resource providers and interceptors, and Mirth channels (every channel script is an
 * exchange path). Where no route is visible in the file, the handler's own name decides.
 */
import type { CodeModel } from '../core/code-model';
import type { CallNode, ClassNode, FunctionNode, IrNode, Span } from '../core/ir';
import { walk } from '../core/ir';
import { FHIR_RESOURCE_TYPES } from './fhir';
import { argument, calleeLast, calleeName, dotted, identifierWords, listElements, resolve, stringValue } from '../analysis/values';

export type PathClass = 'ehi' | 'auth' | 'admin' | 'other';

export interface Route {
  /** The full path as far as the file shows it (`/fhir/Patient/:id`); empty for "all paths" (`app.use(limiter)`). */
  path: string;
  /** HTTP methods in upper case; empty when any. */
  methods: string[];
  /** The declaration: the decorator, attribute or registration call. */
  at: Span;
  framework: string;
}

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
  if (segments.some((s) => AUTH_SEGMENTS.has(s) || s.startsWith('login') || s.startsWith('signin'))) return 'auth';
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

/** Joins route parts the way frameworks do (`/fhir` + `Patient/:id` → `/fhir/Patient/:id`). */
export function joinPaths(...parts: string[]): string {
  const cleaned = parts.filter((p) => p.length > 0).map((p) => p.replace(/^~\//, '/'));
  if (cleaned.length === 0) return '';
  const joined = cleaned.map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p.length > 0).join('/');
  return '/' + joined;
}

/* ---------------- route registrations (Express, Fastify, Koa, minimal APIs, Django) ---------------- */

const REGISTRATION_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use']);
const MINIMAL_API = /^Map(Get|Post|Put|Patch|Delete|Methods|Fallback)?$/;
const CLIENT_RECEIVERS = /^(axios|http|https|fetch|got|ky|superagent|request|requests|httpx|client|httpClient|HttpClient|api[A-Z]\w*Client|\$http|session|aiohttp|urllib|restTemplate|webClient|cache|map|headers|params|searchParams|query|store|redis|localStorage|sessionStorage|config|settings|os|environ|dict|this)$/;

export interface Registration {
  call: CallNode;
  /** Full path (with mount prefixes found in the file); empty for path-less `use`. */
  path: string;
  methods: string[];
  /** Non-handler arguments: middleware such as limiters, and option objects. */
  middleware: IrNode[];
  /** The handler function when it is inline or declared in this file. */
  handler?: FunctionNode;
  /** The handler's name when it is a reference (`controller.getPatient`), for name-based classification. */
  handlerName?: string;
  /** The router or app the route is registered on (`app`, `fhirRouter`). */
  receiver: string;
  framework: string;
}

/** Every route registration call in the file, with mount prefixes composed within the file. */
export function routeRegistrations(model: CodeModel): Registration[] {
  return model.memo('routeRegistrations', () => {
    const registrations: Registration[] = [];
    walk(model.root, (node) => {
      if (node.kind !== 'call' || node.isDecorator) return;
      const reg = registrationOf(model, node);
      if (reg) registrations.push(reg);
    });
    // Mount prefixes: `app.use('/fhir', fhirRouter)` and `app.register_blueprint(bp, url_prefix='/fhir')`.
    const prefixes = mountPrefixes(model, registrations);
    for (const reg of registrations) {
      const prefix = prefixes.get(reg.receiver);
      if (prefix) reg.path = joinPaths(prefix, reg.path);
    }
    return registrations;
  });
}

function registrationOf(model: CodeModel, call: CallNode): Registration | undefined {
  const last = calleeLast(call);
  const callee = call.callee;
  const receiverNode = callee.kind === 'member' ? callee.object : undefined;
  const receiver = receiverNode ? dotted(receiverNode) : '';
  // ASP.NET Core minimal APIs: app.MapGet("/fhir/Patient/{id}", handler), group.MapGet(...).
  if (MINIMAL_API.test(last) && receiverNode) {
    const pathArg = argument(call, 0, 'pattern');
    const path = stringValue(model, pathArg?.value);
    if (path === undefined) return undefined;
    const verb = /^Map(Get|Post|Put|Patch|Delete)$/.exec(last)?.[1]?.toUpperCase();
    const handlerArg = call.args[call.args.length - 1]?.value;
    const reg = handlerRegistration(model, call, path, verb ? [verb] : [], receiver, 'aspnet-minimal', handlerArg, []);
    reg.path = joinPaths(groupPrefix(model, receiverNode), path);
    return reg;
  }
  // Django: path('fhir/Patient/<int:pk>/', views.patient_read)
  if ((last === 'path' || last === 're_path' || last === 'url') && callee.kind === 'name' && call.args.length >= 2 && model.language === 'python') {
    const path = stringValue(model, call.args[0].value);
    if (path === undefined) return undefined;
    return handlerRegistration(model, call, '/' + path.replace(/^\^|\$$/g, ''), [], '', 'django', call.args[1].value, []);
  }
  // Fastify / hapi object form: server.route({ method, path|url, handler })
  if (last === 'route' && call.args.length === 1 && call.args[0].value.kind === 'object' && receiverNode) {
    const options = call.args[0].value;
    const pathNode = options.properties.find((p) => p.key === 'path' || p.key === 'url')?.value;
    const path = stringValue(model, pathNode);
    if (path === undefined) return undefined;
    const methodNode = options.properties.find((p) => p.key === 'method')?.value;
    const methods = (listElements(model, methodNode) ?? (methodNode ? [methodNode] : [])).map((m) => stringValue(model, m)?.toUpperCase()).filter((m): m is string => !!m);
    const handlerNode = options.properties.find((p) => p.key === 'handler')?.value;
    return handlerRegistration(model, call, path, methods, receiver, 'fastify', handlerNode, [options]);
  }
  // Express / Koa / Fastify: app.get('/fhir/Patient/:id', limiter, handler); router.use('/fhir', limiter)
  if (!REGISTRATION_VERBS.has(last) || !receiverNode || CLIENT_RECEIVERS.test(receiver) || CLIENT_RECEIVERS.test(receiver.split('.').pop() ?? '')) return undefined;
  if (model.language === 'java' || model.language === 'csharp' || model.language === 'python') return undefined;
  if (call.args.length === 0) return undefined;
  const first = call.args[0].value;
  const firstPath = stringValue(model, first) ?? firstOfStringList(model, first);
  const hasPath = firstPath !== undefined;
  const rest = hasPath ? call.args.slice(1).map((a) => a.value) : call.args.map((a) => a.value);
  if (rest.length === 0) return undefined;
  if (!hasPath && last !== 'use') return undefined;
  // Something must look like a handler or middleware: a function, or a name/call that is not a plain value.
  const looksLikeHandler = rest.some((a) => a.kind === 'function' || a.kind === 'name' || a.kind === 'call' || a.kind === 'member' || a.kind === 'array');
  if (!looksLikeHandler || (!isRouterLike(model, receiverNode) && !rest.some((a) => a.kind === 'function'))) return undefined;
  const handlerNode = last === 'use' ? undefined : rest[rest.length - 1];
  const middleware = last === 'use' ? rest : rest.slice(0, -1);
  const methods = last === 'use' || last === 'all' ? [] : [last === 'del' ? 'DELETE' : last.toUpperCase()];
  return handlerRegistration(model, call, firstPath ?? '', methods, receiver, 'express', handlerNode, middleware);
}

function firstOfStringList(model: CodeModel, node: IrNode): string | undefined {
  const list = listElements(model, node);
  return list && list.length > 0 ? stringValue(model, list[0]) : undefined;
}

function isRouterLike(model: CodeModel, receiver: IrNode): boolean {
  const name = dotted(receiver);
  if (/^(app|application|server|router|api|routes?|r|v\d+|fastify|koa)$/i.test(name) || /(Router|router|App|app|Routes|routes|Server|server)$/.test(name)) return true;
  const value = resolve(model, receiver);
  if (value?.kind === 'call') {
    const created = calleeName(value);
    return /(^|\.)(express|Router|fastify|Koa|Hono|Elysia|createRouter)$/.test(created) || /Router$/.test(created);
  }
  return false;
}

function handlerRegistration(
  model: CodeModel,
  call: CallNode,
  path: string,
  methods: string[],
  receiver: string,
  framework: string,
  handlerNode: IrNode | undefined,
  middleware: IrNode[],
): Registration {
  let handler: FunctionNode | undefined;
  let handlerName: string | undefined;
  if (handlerNode?.kind === 'function') handler = handlerNode;
  else if (handlerNode) {
    const resolved = resolve(model, handlerNode);
    if (resolved?.kind === 'function') handler = resolved;
    handlerName = dotted(handlerNode).split('.').pop() || undefined;
    if (!handler && handlerName) handler = model.functionNamed(handlerName);
  }
  return { call, path, methods, middleware, handler, handlerName: handler?.name ?? handlerName, receiver, framework };
}

/** `const fhir = app.MapGroup("/fhir")` → `/fhir` for routes mapped on `fhir`. */
function groupPrefix(model: CodeModel, receiver: IrNode): string {
  const value = resolve(model, receiver);
  if (value && value !== receiver && value.kind === 'call' && calleeLast(value) === 'MapGroup') {
    const inner = value.callee.kind === 'member' ? groupPrefix(model, value.callee.object) : '';
    return joinPaths(inner, stringValue(model, value.args[0]?.value) ?? '');
  }
  if (receiver.kind === 'call' && calleeLast(receiver) === 'MapGroup') {
    const inner = receiver.callee.kind === 'member' ? groupPrefix(model, receiver.callee.object) : '';
    return joinPaths(inner, stringValue(model, receiver.args[0]?.value) ?? '');
  }
  return '';
}

function mountPrefixes(model: CodeModel, registrations: Registration[]): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const reg of registrations) {
    if (reg.framework !== 'express' || reg.methods.length > 0 || !reg.path) continue;
    for (const m of reg.middleware) if (m.kind === 'name') prefixes.set(m.name, reg.path);
  }
  // Flask blueprints and FastAPI routers with a prefix, declared or registered in this file.
  walk(model.root, (node) => {
    if (node.kind !== 'call') return;
    const last = calleeLast(node);
    if (last === 'register_blueprint' || last === 'include_router') {
      const target = node.args[0]?.value;
      const prefix = stringValue(model, argument(node, -1, 'url_prefix', 'prefix')?.value);
      if (target?.kind === 'name' && prefix) prefixes.set(target.name, prefix);
    }
  });
  for (const variableName of new Set(registrations.map((r) => r.receiver))) {
    if (prefixes.has(variableName)) continue;
    const bindings = model.variables(variableName);
    const value = bindings[0]?.value;
    if (value?.kind === 'call' && /^(Blueprint|APIRouter)$/.test(calleeLast(value))) {
      const prefix = stringValue(model, argument(value, -1, 'url_prefix', 'prefix')?.value);
      if (prefix) prefixes.set(variableName, prefix);
    }
  }
  return prefixes;
}

/* ---------------- annotated handlers (Spring, JAX-RS, NestJS, ASP.NET, Flask, FastAPI, HAPI) ---------------- */

const SPRING_METHOD = /^(Get|Post|Put|Delete|Patch|Request)Mapping$/;
const NEST_METHOD = /^(Get|Post|Put|Delete|Patch|All|Options|Head)$/;
const ASPNET_METHOD = /^Http(Get|Post|Put|Delete|Patch|Head|Options)(Attribute)?$/;
const JAXRS_METHOD = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)$/;
const FLASK_VERBS = /^(route|get|post|put|patch|delete|api_route|websocket)$/;
const HAPI_OPERATIONS = /^(Read|Search|History|Operation|Create|Update|Delete|Patch|Validate|Transaction|Metadata|GraphQL)$/;
const HAPI_PROVIDER_BASES = /(IResourceProvider|ResourceProvider|IPlainProvider|AbstractJaxRsResourceProvider|FhirResourceDao|IFhirResourceDao)/;
const HAPI_INTERCEPTOR_BASES = /(InterceptorAdapter|IServerInterceptor|IServerOperationInterceptor|AuthorizationInterceptor|ConsentInterceptor)/;

function decoratorName(d: CallNode): string {
  return dotted(d.callee).split('.').pop() ?? '';
}

function decoratorPaths(model: CodeModel, d: CallNode, ...names: string[]): string[] {
  const arg = argument(d, 0, ...names);
  if (!arg) return [];
  const list = listElements(model, arg.value);
  if (list) return list.map((e) => stringValue(model, e)).filter((s): s is string => s !== undefined);
  const s = stringValue(model, arg.value);
  return s === undefined ? [] : [s];
}

/** Routes declared on a class (Spring `@RequestMapping`, JAX-RS `@Path`, Nest `@Controller`, ASP.NET `[Route]`). */
function classRoutes(model: CodeModel, cls: ClassNode | undefined): string[] {
  if (!cls) return [];
  return model.memo(`classRoutes:${cls.start}`, () => {
    const out: string[] = [];
    for (const d of cls.decorators) {
      const name = decoratorName(d);
      if (name === 'RequestMapping' || name === 'Path' || name === 'Controller' || name === 'Route' || name === 'RoutePrefix') {
        const paths = decoratorPaths(model, d, 'value', 'path', 'template', 'Template');
        const controllerName = cls.name.replace(/Controller$/, '');
        out.push(...(paths.length > 0 ? paths : name === 'Controller' ? [''] : []).map((p) => p.replace(/\[controller\]/gi, controllerName)));
      }
    }
    return out;
  });
}

function isHapiProvider(cls: ClassNode | undefined): boolean {
  return !!cls && cls.bases.some((b) => HAPI_PROVIDER_BASES.test(b));
}

function isHapiInterceptor(cls: ClassNode | undefined): boolean {
  return !!cls && (cls.bases.some((b) => HAPI_INTERCEPTOR_BASES.test(b)) || cls.decorators.some((d) => decoratorName(d) === 'Interceptor'));
}

/** Routes a function serves by its own annotations (and its class's), without registrations. */
function annotatedRoutes(model: CodeModel, fn: FunctionNode): Route[] {
  const cls = model.enclosingClass(fn);
  const bases = classRoutes(model, cls);
  const routes: Route[] = [];
  const withBases = (paths: string[], methods: string[], d: CallNode, framework: string): void => {
    const own = paths.length > 0 ? paths : [''];
    for (const base of bases.length > 0 ? bases : ['']) {
      for (const p of own) {
        const absolute = p.startsWith('/') && framework === 'aspnet';
        routes.push({ path: absolute ? joinPaths(p) : joinPaths(base, p), methods, at: d, framework });
      }
    }
  };
  for (const d of fn.decorators) {
    const name = decoratorName(d);
    const spring = SPRING_METHOD.exec(name);
    if (spring && model.language === 'java') {
      const method = spring[1] === 'Request' ? requestMethods(model, d) : [spring[1].toUpperCase()];
      withBases(decoratorPaths(model, d, 'value', 'path'), method, d, 'spring');
      continue;
    }
    if (JAXRS_METHOD.test(name) && model.language === 'java') {
      const pathDecorator = fn.decorators.find((x) => decoratorName(x) === 'Path');
      withBases(pathDecorator ? decoratorPaths(model, pathDecorator, 'value') : [], [name], d, 'jaxrs');
      continue;
    }
    const nest = NEST_METHOD.exec(name);
    if (nest && (model.language === 'typescript' || model.language === 'javascript') && cls) {
      withBases(decoratorPaths(model, d, 'path'), nest[1] === 'All' ? [] : [nest[1].toUpperCase()], d, 'nestjs');
      continue;
    }
    const aspnet = ASPNET_METHOD.exec(name);
    if (aspnet && model.language === 'csharp') {
      withBases(decoratorPaths(model, d, 'template', 'Template'), [aspnet[1].toUpperCase()], d, 'aspnet');
      continue;
    }
    if (name === 'Route' && model.language === 'csharp') {
      withBases(decoratorPaths(model, d, 'template', 'Template'), [], d, 'aspnet');
      continue;
    }
    if (model.language === 'python' && FLASK_VERBS.test(name) && d.callee.kind === 'member' && d.args.length > 0) {
      const paths = decoratorPaths(model, d, 'rule', 'path');
      if (paths.length === 0) continue;
      const methodsArg = argument(d, -1, 'methods');
      const listed = methodsArg ? (listElements(model, methodsArg.value) ?? []).map((m) => stringValue(model, m)?.toUpperCase()).filter((m): m is string => !!m) : [];
      const methods = name === 'route' || name === 'api_route' ? listed : [name.toUpperCase()];
      const receiver = dotted(d.callee.object);
      const prefixes = mountPrefixesFor(model, receiver);
      routes.push(...paths.map((p) => ({ path: joinPaths(prefixes, p), methods, at: d, framework: 'flask' })));
      continue;
    }
    if (HAPI_OPERATIONS.test(name) && model.language === 'java' && (isHapiProvider(cls) || hasHapiParams(fn))) {
      routes.push({ path: `/fhir/${hapiResourceType(model, cls) ?? '[resource]'}`, methods: [], at: d, framework: 'hapi-fhir' });
      continue;
    }
    if (name === 'Hook' && model.language === 'java') {
      const pointcut = dotted(d.args[0]?.value ?? d.callee);
      if (/SERVER_/.test(pointcut) || d.args.length === 0) routes.push({ path: '/fhir', methods: [], at: d, framework: 'hapi-fhir' });
    }
  }
  // ASP.NET controller actions without their own route attribute inherit the controller's route.
  if (routes.length === 0 && model.language === 'csharp' && cls && /Controller$/.test(cls.name) && fn.isMethod && bases.length > 0 && !fn.name?.startsWith('On')) {
    const isPublic = !/\bprivate\b|\bprotected\b/.test(model.text.slice(fn.start, fn.bodyStart).split('(')[0]);
    if (isPublic && fn.decorators.every((d) => decoratorName(d) !== 'NonAction')) {
      routes.push(...bases.map((b) => ({ path: joinPaths(b), methods: [], at: cls.decorators[0] ?? cls, framework: 'aspnet' })));
    }
  }
  // HAPI FHIR interceptor adapters: overridden hook methods run on every FHIR request.
  if (routes.length === 0 && model.language === 'java' && isHapiInterceptor(cls) && fn.isMethod && /^(incoming|outgoing|server|pre|handle)/i.test(fn.name ?? '')) {
    routes.push({ path: '/fhir', methods: [], at: fn, framework: 'hapi-fhir' });
  }
  return routes;
}

function mountPrefixesFor(model: CodeModel, receiver: string): string {
  const bindings = model.variables(receiver);
  const value = bindings[0]?.value;
  if (value?.kind === 'call' && /^(Blueprint|APIRouter)$/.test(calleeLast(value))) {
    const prefix = stringValue(model, argument(value, -1, 'url_prefix', 'prefix')?.value);
    if (prefix) return prefix;
  }
  let prefix = '';
  walk(model.root, (node) => {
    if (node.kind !== 'call' || prefix) return;
    const last = calleeLast(node);
    if ((last === 'register_blueprint' || last === 'include_router') && node.args[0]?.value.kind === 'name' && node.args[0].value.name === receiver) {
      prefix = stringValue(model, argument(node, -1, 'url_prefix', 'prefix')?.value) ?? '';
    }
  });
  return prefix;
}

function requestMethods(model: CodeModel, d: CallNode): string[] {
  const arg = argument(d, -1, 'method');
  if (!arg) return [];
  const list = listElements(model, arg.value) ?? [arg.value];
  return list.map((m) => (m.kind === 'member' ? m.property : stringValue(model, m) ?? '').toUpperCase()).filter((m) => m.length > 0);
}

function hasHapiParams(fn: FunctionNode): boolean {
  return fn.params.some((p) => p.decorators.some((d) => /^(IdParam|RequiredParam|OptionalParam|ResourceParam|OperationParam)$/.test(decoratorName(d))));
}

/** `getResourceType() { return Patient.class; }` → `Patient`. */
function hapiResourceType(model: CodeModel, cls: ClassNode | undefined): string | undefined {
  if (!cls) return undefined;
  const getter = cls.members.find((m) => m.kind === 'function' && m.name === 'getResourceType');
  if (!getter || getter.kind !== 'function' || !getter.body) return undefined;
  let found: string | undefined;
  walk(getter.body, (n) => {
    if (found) return false;
    if (n.kind === 'return' && n.value) {
      const text = model.textOf(n.value).replace(/\.class$/, '');
      const last = text.split('.').pop();
      if (last && FHIR_RESOURCE_TYPES.has(last)) found = last;
    }
  });
  return found;
}

/* ---------------- handlers ---------------- */

const REQUEST_PARAM_NAMES = /^(req|request|res|response|ctx|context|httpContext|reply|h|exchange)$/;
const REQUEST_PARAM_TYPES = /(HttpServletRequest|HttpServletResponse|ServletRequest|ServletResponse|ServerWebExchange|ServerHttpRequest|HttpRequest|HttpResponse|HttpContext|Request|Response|FastifyRequest|FastifyReply|NextRequest|NextApiRequest|RequestDetails|ServletRequestDetails|HttpRequestMessage)\b/;

/**
 * Whether `fn` handles requests, and which routes it serves. Registrations in the file, annotations,
 * HAPI providers and Mirth scripts all count; so does a request/response signature, classified by
 * the function's (and its class's) name.
 */
export function handlerFor(model: CodeModel, fn: FunctionNode): Handler | undefined {
  return model.memo(`handler:${fn.start}:${fn.end}`, () => {
    const routes = [...annotatedRoutes(model, fn)];
    for (const reg of routeRegistrations(model)) {
      // The handler, or a middleware function mounted on the route (`app.use('/fhir', (req, res, next) => ...)`).
      if (reg.handler === fn || reg.middleware.includes(fn)) routes.push({ path: reg.path, methods: reg.methods, at: reg.call, framework: reg.framework });
    }
    if (routes.length > 0) return fromRoutes(fn, routes);
    const cls = model.enclosingClass(fn);
    const signature = fn.params.some((p) => REQUEST_PARAM_NAMES.test(p.name) || (p.type !== undefined && REQUEST_PARAM_TYPES.test(p.type)));
    const djangoView = model.language === 'python' && fn.params[0]?.name === 'request';
    const classView = model.language === 'python' && cls && /^(get|post|put|patch|delete|list|retrieve|create|update|destroy)$/.test(fn.name ?? '') && cls.bases.some((b) => /View|ViewSet|Resource|Handler/.test(b));
    const regByName = fn.name ? routeRegistrations(model).find((r) => r.handlerName === fn.name) : undefined;
    if (regByName) return fromRoutes(fn, [{ path: regByName.path, methods: regByName.methods, at: regByName.call, framework: regByName.framework }]);
    if (!signature && !djangoView && !classView) return undefined;
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
const FHIR_LIBRARIES = /^(ca\.uhn\.fhir|org\.hl7\.fhir|Hl7\.Fhir|Microsoft\.Health\.Fhir|Firely|Vonk|fhir\.resources|fhirclient|fhir_resources|@medplum|fhir\/r4|fhir-kit-client|node-fhir-server-core|@asymmetrik\/node-fhir-server-core)/;

/**
 * Whether a file is part of a FHIR server or FHIR client stack: it imports a FHIR library, or its
 * namespace/package is named for FHIR. Used to place middleware whose routes the file does not show.
 */
export function isFhirServerCode(model: CodeModel): boolean {
  return model.memo('isFhirServerCode', () => {
    if (model.imports().some((i) => FHIR_LIBRARIES.test(i.source))) return true;
    return /^\s*(?:namespace|package)\s+[\w.]*fhir/im.test(model.text.slice(0, 4000));
  });
}

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
 * (`PatientConsentGuard`, `RecordsRequestService`, a filter for `/fhir/*`). Handlers that serve
 * authentication, administration or other routes are not EHI contexts.
 */
export function ehiContext(model: CodeModel, node: IrNode): Handler | undefined {
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
