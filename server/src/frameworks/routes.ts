/**
 * Route models of the web frameworks EHR code is written in: which functions handle requests and
 * which routes they serve, as the file shows them. Routes come from framework annotations (Spring,
 * JAX-RS, NestJS, ASP.NET Core, Flask, FastAPI), route registrations (Express/Fastify/Koa style,
 * ASP.NET Core minimal APIs, Django `path`) with mount prefixes composed within the file, and HAPI
 * FHIR resource providers and interceptors. Whether a route gives access to EHI is the domain's
 * question (`domain/access-path.ts`), not this module's.
 */
import type { CodeModel } from '../core/code-model';
import type { CallNode, ClassNode, FunctionNode, IrNode, Span } from '../core/ir';
import { walk } from '../core/ir';
import { argument, calleeLast, calleeName, dotted, listElements, resolve, stringValue } from '../analysis/values';
export interface Route {
  /** The full path as far as the file shows it (`/fhir/Patient/:id`); empty for "all paths" (`app.use(limiter)`). */
  path: string;
  /** HTTP methods in upper case; empty when any. */
  methods: string[];
  /** The declaration: the decorator, attribute or registration call. */
  at: Span;
  framework: string;
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
      // HAPI providers return a resource class: `Patient.class`.
      if (last && /^[A-Z][A-Za-z]+$/.test(last)) found = last;
    }
  });
  return found;
}

/* ---------------- request handlers ---------------- */

const REQUEST_PARAM_NAMES = /^(req|request|res|response|ctx|context|httpContext|reply|h|exchange)$/;
const REQUEST_PARAM_TYPES = /(HttpServletRequest|HttpServletResponse|ServletRequest|ServletResponse|ServerWebExchange|ServerHttpRequest|HttpRequest|HttpResponse|HttpContext|Request|Response|FastifyRequest|FastifyReply|NextRequest|NextApiRequest|RequestDetails|ServletRequestDetails|HttpRequestMessage)\b/;

/**
 * The routes `fn` serves as the file shows them: its own annotations (and its class's), and the
 * registrations that name it as handler or middleware; failing those, a registration whose handler
 * reference has its name.
 */
export function routesOf(model: CodeModel, fn: FunctionNode): Route[] {
  const routes = [...annotatedRoutes(model, fn)];
  const { byFunction, byName } = registrationIndex(model);
  for (const reg of byFunction.get(fn) ?? []) routes.push({ path: reg.path, methods: reg.methods, at: reg.call, framework: reg.framework });
  if (routes.length > 0) return routes;
  const regByName = fn.name ? byName.get(fn.name) : undefined;
  return regByName ? [{ path: regByName.path, methods: regByName.methods, at: regByName.call, framework: regByName.framework }] : [];
}

/**
 * The file's registrations by the function they run (the handler, or a middleware function mounted
 * on the route: `app.use('/fhir', (req, res, next) => ...)`), in registration order, and the first
 * by handler name; built once per file, so finding a handler's routes does not scan them all.
 */
function registrationIndex(model: CodeModel): { byFunction: Map<IrNode, Registration[]>; byName: Map<string, Registration> } {
  return model.memo('routeRegistrationIndex', () => {
    const byFunction = new Map<IrNode, Registration[]>();
    const byName = new Map<string, Registration>();
    for (const reg of routeRegistrations(model)) {
      const fns = new Set<IrNode>(reg.middleware);
      if (reg.handler) fns.add(reg.handler);
      for (const fn of fns) {
        const list = byFunction.get(fn);
        if (list) list.push(reg);
        else byFunction.set(fn, [reg]);
      }
      if (reg.handlerName !== undefined && !byName.has(reg.handlerName)) byName.set(reg.handlerName, reg);
    }
    return { byFunction, byName };
  });
}

/** Whether `fn` has the shape of a request handler without a visible route: a request/response parameter, a Django view, a class-based view method. */
export function looksLikeRequestHandler(model: CodeModel, fn: FunctionNode): boolean {
  const cls = model.enclosingClass(fn);
  const signature = fn.params.some((p) => REQUEST_PARAM_NAMES.test(p.name) || (p.type !== undefined && REQUEST_PARAM_TYPES.test(p.type)));
  const djangoView = model.language === 'python' && fn.params[0]?.name === 'request';
  const classView = model.language === 'python' && !!cls && /^(get|post|put|patch|delete|list|retrieve|create|update|destroy)$/.test(fn.name ?? '') && cls.bases.some((b) => /View|ViewSet|Resource|Handler/.test(b));
  return signature || djangoView || classView;
}

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
