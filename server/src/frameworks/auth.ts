/**
 * Who may call a route, as the framework declares it: the sign-in, customer, contract or subscription
 * requirements a handler carries (Express/Fastify middleware on the registration or mounted before it on
 * the same router, NestJS `@UseGuards`, Spring `@PreAuthorize`/`@Secured`/`@RolesAllowed`, ASP.NET Core
 * `[Authorize]` and `.RequireAuthorization()`, Spring Security path rules (`.requestMatchers(...).authenticated()`), Flask/Django `@login_required` and friends, Django REST
 * framework `permission_classes`, FastAPI `Depends(get_current_user)`), and the explicit opt-outs
 * (`[AllowAnonymous]`, `@PermitAll`, `AllowAny`) that make a route public again.
 */
import type { CodeModel } from '../core/code-model';
import type { CallNode, FunctionNode, IrNode, Span } from '../core/ir';
import { walk } from '../core/ir';
import { calleeLast, calleeName, callSite, dotted, identifierWords, listElements } from '../analysis/values';
import { routeRegistrations } from './routes';

export interface AuthRequirement {
  /** What imposes it, for messages: `` `requireLogin` ``, `` `[Authorize]` ``. */
  what: string;
  at: Span;
  /** Words of what it requires (`customer`, `contract`, `login` ...). */
  words: string[];
}

/** Words that name a requirement to be signed in, a customer, under contract, subscribed or registered. */
const GATE_WORDS = new Set([
  'auth', 'authenticate', 'authenticated', 'authentication', 'authn', 'login', 'logged', 'loggedin', 'signin', 'jwt', 'passport', 'session',
  'customer', 'customers', 'contract', 'contracted', 'subscription', 'subscriber', 'subscribed', 'paid', 'paying', 'license', 'licensed', 'licensee',
  'member', 'members', 'membership', 'registered', 'partner', 'partners', 'apikey', 'bearer', 'oauth', 'oauth2', 'oidc', 'keycloak', 'token', 'tokens', 'user',
  'authorized', 'authorize', 'authorization', 'authorise', 'authorised', 'authorisation', 'roles', 'role', 'secured', 'protected', 'guard', 'guarded',
]);
/** Words of middleware that do something else than gate (`optionalAuth`, rate limiters, CORS, logging). */
const NOT_GATE = new Set(['optional', 'public', 'anonymous', 'anon', 'allow', 'skip', 'rate', 'limit', 'limiter', 'cors', 'logger', 'logging', 'helmet', 'compression', 'parser', 'json', 'static', 'cache', 'csrf', 'refresh']);
const GATE_DECORATORS = /^(PreAuthorize|Secured|RolesAllowed|Authorize|AuthorizeAttribute|login_required|permission_required|user_passes_test|jwt_required|auth_required|requires_auth|require_auth|token_required|login_required_customer|UseGuards|Roles|RequireAuthorization|authenticated|staff_member_required)$/;
const PUBLIC_DECORATORS = /^(AllowAnonymous|PermitAll|Public|SkipAuth|IsPublic|public_route|csrf_exempt_public|AllowAnonymousAttribute)$/;

function gateWords(text: string): string[] | undefined {
  const words = identifierWords(text);
  if (words.some((w) => NOT_GATE.has(w))) return undefined;
  const gate = words.filter((w) => GATE_WORDS.has(w));
  return gate.length > 0 ? gate : undefined;
}

function decoratorName(d: CallNode): string {
  return dotted(d.callee).split('.').pop() ?? '';
}

/** A middleware argument that gates: `requireLogin`, `auth.required`, `passport.authenticate('jwt')`, `[ensureCustomer]`. */
function middlewareGate(model: CodeModel, node: IrNode): AuthRequirement | undefined {
  const elements = node.kind === 'array' ? node.elements : listElements(model, node) ?? [node];
  for (const el of elements) {
    const text = el.kind === 'call' ? calleeName(el) : el.kind === 'name' || el.kind === 'member' ? dotted(el) : '';
    if (!text || el.kind === 'function') continue;
    const words = gateWords(text);
    if (words) return { what: `\`${text}\``, at: el, words };
  }
  return undefined;
}

/** Whether `fn` (or its class) opts out of authentication explicitly. */
export function isExplicitlyPublic(model: CodeModel, fn: FunctionNode): boolean {
  const cls = model.enclosingClass(fn);
  const decorators = [...fn.decorators, ...(cls?.decorators ?? [])];
  if (decorators.some((d) => PUBLIC_DECORATORS.test(decoratorName(d)))) return true;
  if (fn.decorators.some((d) => /^(permission_classes|authentication_classes)$/.test(decoratorName(d)) && /AllowAny|\[\s*\]|\(\s*\)/.test(model.textOf(d)))) return true;
  return false;
}

/**
 * The sign-in or customer requirement a request handler carries, as its framework declares it:
 * decorators and attributes on it or its class, middleware on its registration or mounted before it on
 * the same router, DRF `permission_classes`, FastAPI `Depends(...)` parameters, ASP.NET
 * `.RequireAuthorization()` on its minimal-API mapping. Undefined when none is visible or the handler
 * opts out (`[AllowAnonymous]`).
 */
export function authRequirementOf(model: CodeModel, fn: FunctionNode): AuthRequirement | undefined {
  return model.memo(`auth:${fn.start}:${fn.end}`, () => {
    if (isExplicitlyPublic(model, fn)) return undefined;
    const cls = model.enclosingClass(fn);
    for (const d of [...fn.decorators, ...(cls?.decorators ?? [])]) {
      const name = decoratorName(d);
      if (name === 'UseGuards') {
        const gate = d.args.map((a) => middlewareGate(model, a.value)).find((g) => g);
        if (gate) return { ...gate, at: d, what: `\`@UseGuards(${gate.what.replace(/`/g, '')})\`` };
        continue;
      }
      if (name === 'permission_classes' || name === 'authentication_classes') {
        if (/IsAuthenticated|IsAdminUser|DjangoModelPermissions|TokenAuthentication|JWTAuthentication/.test(model.textOf(d))) return { what: `\`@${name}\``, at: d, words: ['authenticated'] };
        continue;
      }
      if (GATE_DECORATORS.test(name)) return { what: model.language === 'csharp' ? `\`[${name}]\`` : `\`@${name}\``, at: d, words: identifierWords(name) };
    }
    // DRF class attribute: permission_classes = [IsAuthenticated]
    if (cls) {
      for (const m of cls.members) {
        if (m.kind === 'variable' && m.name === 'permission_classes' && m.value && /IsAuthenticated|IsAdminUser/.test(model.textOf(m.value))) return { what: '`permission_classes`', at: m, words: ['authenticated'] };
      }
    }
    // FastAPI: def endpoints(user: User = Depends(get_current_user))
    for (const p of fn.params) {
      const dv = p.defaultValue;
      if (dv?.kind === 'call' && /^(Depends|Security)$/.test(calleeLast(dv))) {
        const gate = dv.args.map((a) => middlewareGate(model, a.value)).find((g) => g);
        if (gate) return { ...gate, at: dv, what: `\`${model.textOf(dv).replace(/\s+/g, ' ').slice(0, 50)}\`` };
      }
    }
    for (const reg of routeRegistrations(model)) {
      if (reg.handler !== fn) continue;
      for (const m of reg.middleware) {
        const gate = middlewareGate(model, m);
        if (gate) return gate;
      }
      // ASP.NET Core minimal APIs: app.MapGet(...).RequireAuthorization()
      const chained = reg.call.parent;
      if (chained?.kind === 'member' && chained.property === 'RequireAuthorization') return { what: '`.RequireAuthorization()`', at: chained, words: ['authorization'] };
      // Express: router.use(requireLogin) before router.get('/x', handler), on the same router.
      for (const use of routeRegistrations(model)) {
        if (use === reg || use.methods.length > 0 || use.receiver !== reg.receiver || use.call.start > reg.call.start) continue;
        if (use.path && !reg.path.startsWith(use.path)) continue;
        for (const m of use.middleware) {
          const gate = middlewareGate(model, m);
          if (gate) return gate;
        }
      }
    }
    return undefined;
  });
}

/** Whether a subtree mentions a word of a sign-in or customer requirement (for the conditions of a refusal). */
export function mentionsGate(words: readonly string[]): string[] {
  return words.filter((w) => GATE_WORDS.has(w) && !NOT_GATE.has(w));
}

export interface SecuredPaths {
  /** The path patterns the rule covers (`/endpoints/**`). */
  paths: string[];
  /** What the paths require, for messages: `` `.authenticated()` ``. */
  what: string;
  at: Span;
}

const MATCHERS = /^(requestMatchers|antMatchers|mvcMatchers|regexMatchers|pathMatchers|securityMatcher)$/;
const REQUIRES = /^(authenticated|fullyAuthenticated|hasRole|hasAnyRole|hasAuthority|hasAnyAuthority|access|rememberMe)$/;

/**
 * Path rules of a Spring Security (or WebFlux) configuration that require sign-in:
 * `.requestMatchers("/endpoints/**").authenticated()`, `.antMatchers("/x").hasRole("CUSTOMER")`.
 */
export function securedPathRules(model: CodeModel): SecuredPaths[] {
  return model.memo('securedPathRules', () => {
    const out: SecuredPaths[] = [];
    if (model.language !== 'java') return out;
    walk(model.root, (call) => {
      if (call.kind !== 'call' || call.callee.kind !== 'member' || !REQUIRES.test(call.callee.property)) return;
      const matcher = call.callee.object;
      if (matcher.kind !== 'call' || !MATCHERS.test(calleeLast(matcher))) return;
      const paths = matcher.args.map((a) => stringOf(a.value)).filter((s): s is string => s !== undefined);
      if (paths.length > 0) out.push({ paths, what: `\`.${call.callee.property}()\``, at: { start: callSite(matcher).start, end: call.end } });
    });
    return out;
  });
}

function stringOf(node: IrNode): string | undefined {
  return node.kind === 'string' ? node.value : undefined;
}
