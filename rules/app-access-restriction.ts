/**
 * The `app-access-restriction` rule: patient-chosen apps kept out of the API by client
 * allow-lists, registration switched off, missing or short-lived refresh tokens, or SMART
 * configurations without what patient apps need. Documented in `meta.docs`
 * (docs/rules/app-access-restriction.md).
 */
import type { CodeModel } from '../server/src/core/code-model';
import { at, ConfigNode, descendants, pathOf, scalar, scalarBoolean, scalarNumber, scalarString, stringList as configStringList } from '../server/src/core/formats/tree';
import type { CallNode, IrNode, ObjectNode, Span } from '../server/src/core/ir';
import { walk } from '../server/src/core/ir';
import { ConfigContext, defineRule, RelatedPlace, Report } from '../server/src/core/rule';
import { classifyName, classifyPath, enclosingHandler } from '../server/src/domain/access-path';
import { routeRegistrations } from '../server/src/frameworks/routes';
import { pathUsages } from '../server/src/analysis/usages';
import { isTestOnly } from '../server/src/frameworks/deployment';
import {
  collectionName,
  conjuncts,
  constantText,
  describeDuration,
  hasPatientScope,
  isBackOfficeName,
  isClientAllowListName,
  isClientIdentifier,
  isDcrSwitch,
  isGateListName,
  membershipTest,
  mentionsHealthRecords,
  mentionsPatientApps,
  MIN_PATIENT_REFRESH_MS,
  onlySystemScopes,
  refreshLifetimeUnit,
  refusesClient,
  splitScopes,
  toMs,
} from '../server/src/domain/oauth';
import { SMART_TRIGGERS, smartDocumentsInCode, smartDocumentsInConfig, SmartDocument, smartField, smartList, supportsAppLaunch } from '../server/src/domain/smart';
import { calleeLast, calleeName, callSite, dotted, durationMs, identifierWords, numberValue, parseDurationText, resolve, stringList, stringValue } from '../server/src/analysis/values';

type Reporter = (r: Report) => void;

export default defineRule({
  meta: {
    id: 'app-access-restriction',
    title: 'Patient-chosen apps kept out of the API',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'json', 'yaml', 'properties'],
    exceptions: ['security', 'health-it-performance'],
    triggers: [...SMART_TRIGGERS, 'allow', 'approv', 'trust', 'whitelist', 'permit', 'vetted', 'sanction', 'partner', 'registration', 'dcr', 'refresh', 'offline', 'registeredclient', 'authorizationserver'],
    messages: {
      allowList: '{where} admits only the clients in `{list}`{values}, with no documented exception.',
      allowListConfig: '`{key}` lists the only clients admitted{values}, with no documented exception.',
      dcrOff: '`{key}` switches off dynamic client registration, with no documented exception.',
      shortRefresh: '{what} lets patient-app refresh tokens expire after {duration}, with no documented exception.',
      defaultRefresh: '{what} leaves patient-app refresh tokens at the {product} default of {duration}, with no documented exception.',
      noRefresh: '{what}: patient apps get no refresh token, with no documented exception.',
      smartCapabilities: 'SMART configuration does not advertise {missing}, with no documented exception.',
      smartOffline: 'SMART configuration advertises no refresh tokens (no `permission-offline`, `offline_access`{grant}), with no documented exception.',
    },
    docs: {
      summary:
        'Flags code and configuration that keep patient-chosen apps out: hard-coded client allow-lists checked at the authorization, token or registration endpoint or on FHIR routes (an `if` that refuses non-members, a guard that returns `APPROVED.includes(clientId)`, a NestJS `CanActivate` guard, a Spring Security `AuthorizationManager` returning `new AuthorizationDecision(PARTNERS.contains(clientId))`, an ASP.NET authorization handler that calls `context.Succeed` only for listed clients, Express middleware), also when the guard is applied to the FHIR routes in another file (`@UseGuards(...)` on a controller, `app.use(\'/fhir\', guard)`, `.requestMatchers("/fhir/**").access(...)`, `[Authorize(Policy = ...)]` with the policy made of the handler\'s requirement; the registration is a related location), dynamic client registration switched off, refresh tokens for patient apps missing or shorter than three months (Spring Authorization Server, Duende/IdentityServer, Keycloak realms, Django OAuth Toolkit, oidc-provider, Spring Boot authorization-server properties), and SMART configurations that omit the capabilities patient apps need or advertise no refresh tokens.',
      why:
        'Patient-facing apps reach EHI through the certified API (45 CFR 170.315(g)(10)). Health IT developers may vet an app only for authenticity and must enable it within five business days (45 CFR 170.404), and patient apps that can keep a secret must get a refresh token valid for at least three months (170.315(g)(10)). Allow-lists of “approved” apps, registration closed to outside developers and short-lived refresh tokens keep patient-chosen apps out or make them unusable, which interferes with access (171.103). The Security exception (171.203) covers measures tailored to a specific risk; the Health IT Performance exception (171.205) covers acting against an app that degrades performance, for as long as needed.',
      fix:
        'Register any app that passes an authenticity check (a verified software statement, a registered redirect URI) and do not keep a fixed list of admitted clients. Issue refresh tokens to patient apps (`offline_access`, the `refresh_token` grant) with a lifetime of at least 90 days, and advertise `launch-standalone`, a client type, `context-standalone-patient`, `permission-patient` and `permission-offline` in the SMART configuration. If a restriction is deliberate, document the Security or Health IT Performance exception in an `ehi-exception` annotation.',
      notFlagged: [
        'Allow-lists for administrative, system or back-office clients (`ADMIN_CLIENT_IDS`, a check conditioned on `system/` scopes or `client_credentials`), and guards applied only to admin or internal tooling routes.',
        'Blocklists: a guard that refuses the clients in a list (`!REVOKED_CLIENT_IDS.includes(clientId)`) admits every other app; revoking a client for a specific risk is the Security exception’s case.',
        'Checking that a client is registered (a lookup in the client store), that the redirect URI or audience matches, or that a software statement is signed by a trusted issuer: vetting for authenticity.',
        '`trusted` client lists in configuration: they usually mean “skip the consent screen”, not “only these may connect”. (In code, a `trusted` list whose non-members are refused is flagged.)',
        'Short-lived access tokens, and refresh-token lifetimes of first-party session tokens (Simple JWT, session cookies) and of confidential system clients (client-credentials only, `system/` scopes).',
        'Refresh-token settings in a file that says nothing about patient apps (no SMART patient scopes, no standalone launch, no SMART on FHIR): the tool cannot tell that patient apps use that server.',
        'A SMART configuration that lists `permission-offline` or `offline_access` but not `refresh_token` in `grant_types_supported`: SMART App Launch defines only `authorization_code` and `client_credentials` there.',
        'Keycloak `registrationAllowed` (end-user sign-up, not client registration).',
        'Test code and test resources.',
        'XML and Mirth channels: OAuth servers and SMART configurations are not configured there.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged: "const APPROVED_APPS = ['acme-portal', 'acme-mobile'];\nrouter.get('/oauth2/authorize', (req, res) => {\n  if (!APPROVED_APPS.includes(req.query.client_id)) return res.status(403).json({ error: 'unauthorized_client' });\n  // ...\n});",
          fixed: "router.get('/oauth2/authorize', async (req, res) => {\n  const client = await clients.find(req.query.client_id);\n  if (!client) return res.status(400).json({ error: 'invalid_client' });\n  // ...\n});",
        },
        {
          language: 'java',
          flagged:
            'RegisteredClient patientApp = RegisteredClient.withId(UUID.randomUUID().toString())\n    .clientId("patient-app")\n    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)\n    .scope("patient/*.read")\n    .scope("offline_access")\n    .tokenSettings(TokenSettings.builder().refreshTokenTimeToLive(Duration.ofHours(1)).build())\n    .build();',
          fixed:
            'RegisteredClient patientApp = RegisteredClient.withId(UUID.randomUUID().toString())\n    .clientId("patient-app")\n    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)\n    .scope("patient/*.read")\n    .scope("offline_access")\n    .tokenSettings(TokenSettings.builder().refreshTokenTimeToLive(Duration.ofDays(90)).build())\n    .build();',
        },
      ],
    },
    skipsTestCode: true,
    version: 2,
  },

  code(ctx) {
    const { code } = ctx;
    const text = code.text;
    const patientApps = mentionsPatientApps(text);
    const healthRecords = mentionsHealthRecords(text);
    const reported = new Set<string>();
    const report: Reporter = (r) => {
      const key = `${r.at.start}:${r.messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      ctx.report(r);
    };
    const inRegisteredClient = new Set<IrNode>();
    return {
      if(node) {
        checkAllowList(code, node, healthRecords, report);
      },
      return(node) {
        checkAllowDecision(code, node, healthRecords, report);
      },
      call(node) {
        if (node.isDecorator) return;
        checkAllowDecision(code, node, healthRecords, report);
        if (calleeLast(node) === 'Client' && node.isNew && node.initializer?.kind === 'object') checkIdentityServerClient(code, node.initializer, patientApps, report);
        if (/^(withId|from)$/.test(calleeLast(node)) && node.callee.kind === 'member' && dotted(node.callee.object) === 'RegisteredClient') {
          checkRegisteredClient(code, node, patientApps, report, inRegisteredClient);
        }
        // A TokenSettings bean outside any client: applies to the clients that use it.
        if (calleeLast(node) === 'refreshTokenTimeToLive' && patientApps && !insideSet(node, inRegisteredClient)) {
          const ms = durationMs(code, node.args[0]?.value);
          if (ms !== undefined && ms > 0 && ms < MIN_PATIENT_REFRESH_MS) report({ at: callSite(node), messageId: 'shortRefresh', data: { what: '`refreshTokenTimeToLive`', duration: describeDuration(ms) } });
        }
        // settings.setRefreshTokenValiditySeconds(3600); realm.setOfflineSessionIdleTimeout(3600); features.setDynamicRegistration(false)
        const setter = /^set([A-Z]\w*)$/.exec(calleeLast(node))?.[1];
        if (setter && node.args.length === 1 && node.callee.kind === 'member') checkCodeSetting(code, [setter[0].toLowerCase() + setter.slice(1)], node.args[0].value, callSite(node), { patientApps, healthRecords }, report);
        for (const a of node.args) if (a.name) checkCodeSetting(code, [a.name], a.value, a, { patientApps, healthRecords }, report);
      },
      variable(node) {
        if (!node.value || (node.isField && !node.isConstant)) return;
        checkCodeSetting(code, [node.name], node.value, node, { patientApps, healthRecords }, report);
      },
      object(node) {
        for (const p of node.properties) checkCodeSetting(code, [...objectPath(node), p.key], p.value, p, { patientApps, healthRecords }, report);
      },
      assign(node) {
        const path = dotted(node.target).split('.').filter((s) => s.length > 0 && s !== 'this' && s !== 'self');
        if (node.target.kind === 'index') {
          const key = stringValue(code, node.target.index);
          if (key) path.push(key);
        }
        if (path.length > 0) checkCodeSetting(code, path, node.value, node, { patientApps, healthRecords }, report);
      },
      end() {
        for (const doc of smartDocumentsInCode(code)) checkSmart(doc, report);
      },
    };
  },

  config(ctx) {
    const patientApps = mentionsPatientApps(ctx.file.text);
    const report: Reporter = (r) => ctx.report(r);
    for (const root of ctx.config.roots) {
      if (isTestOnly(ctx.file.path, root)) continue;
      checkKeycloakRealm(root, patientApps, report);
      checkSpringClients(ctx, root);
      for (const node of descendants(root)) {
        const entry = node.entry;
        if (!entry) continue;
        const path = pathOf(node).filter((k): k is string => typeof k === 'string');
        if (isDcrSwitch(path) && isOffValue(scalar(node)) && mentionsHealthRecords(ctx.file.text)) {
          report({ at: entry, messageId: 'dcrOff', data: { key: path.join('.') } });
          continue;
        }
        if (patientApps && /^[\w.$-]+$/.test(entry.key) && isGateListName(entry.key, true) && /client|app|application|software/i.test(entry.key) && !isBackOfficeName(path.join(' '))) {
          const values = configStringList(node);
          // Client ids, not prose (a translation file's "Application approved": "...").
          if (values && values.length > 0 && node.kind !== 'map' && values.every((v) => /^[\w.:/@-]+$/.test(v))) {
            report({ at: entry, messageId: 'allowListConfig', data: { key: entry.key, values: listValues(values) } });
            continue;
          }
        }
        const unit = refreshLifetimeUnit(path);
        if (unit && patientApps && !isKeycloakKey(entry.key) && !underSpringClient(path) && !isBackOfficeName(path.slice(0, -1).join(' '))) {
          const ms = configDuration(node, unit);
          if (ms !== undefined && ms > 0 && ms < MIN_PATIENT_REFRESH_MS) report({ at: entry, messageId: 'shortRefresh', data: { what: `\`${path.join('.')}\``, duration: describeDuration(ms) } });
        }
      }
    }
    for (const doc of smartDocumentsInConfig(ctx.config, ctx.file.path)) checkSmart(doc, report);
  },
});

/* ---------- shared ---------- */

function listValues(values: string[]): string {
  if (values.length === 0) return '';
  const shown = values.slice(0, 2).map((v) => `\`${v.length > 24 ? v.slice(0, 23) + '…' : v}\``).join(', ');
  return ` (${shown}${values.length > 2 ? ` and ${values.length - 2} more` : ''})`;
}

function isOffValue(value: unknown): boolean {
  if (value === false || value === 0) return true;
  return typeof value === 'string' && /^(false|no|off|0|disabled?)$/i.test(value.trim());
}

function insideSet(node: IrNode, set: Set<IrNode>): boolean {
  for (let p: IrNode | undefined = node; p; p = p.parent) if (set.has(p)) return true;
  return false;
}

/* ---------- allow-lists in code ---------- */

const AUTH_FUNCTION_WORDS = new Set(['authorize', 'authorization', 'authorise', 'token', 'tokens', 'oauth', 'oauth2', 'consent', 'grant', 'register', 'registration', 'launch', 'smart', 'client', 'clients', 'introspect', 'introspection']);

/**
 * The paths a guard declared around `node` is applied to: by registrations in this file or, through
 * the project index, in others (`@UseGuards(PartnerGuard)` on a FHIR controller, `app.use('/fhir',
 * onlyPartners)`, `.requestMatchers("/fhir/**").access(new PartnerManager())`, a policy made of the
 * handler's requirement). Names are the enclosing functions and classes, and an ASP.NET handler's requirement.
 */
function appliedPaths(code: CodeModel, node: IrNode): { path: string; related: RelatedPlace[] }[] {
  const names: string[] = [];
  for (let p: IrNode | undefined = node.parent; p; p = p.parent) {
    if (p.kind === 'function' && p.name) names.push(p.name);
    if (p.kind === 'variable' && p.value?.kind === 'function') names.push(p.name);
    if (p.kind === 'class') {
      names.push(p.name);
      for (const b of p.bases) {
        const requirement = /^AuthorizationHandler<\s*(\w+)/.exec(b)?.[1];
        if (requirement) names.push(requirement);
      }
    }
  }
  const out: { path: string; related: RelatedPlace[] }[] = [];
  const local = code.memo('pathUsages', () => pathUsages(code));
  const localNames = new Set(names);
  for (const l of local.links) if (localNames.has(l.to)) localNames.add(l.from);
  for (const u of local.usages) if (localNames.has(u.name)) out.push({ path: u.path, related: [{ at: u.at, message: `applied to ${u.path} here` }] });
  for (const name of names) for (const u of code.external?.pathsApplying?.(name) ?? []) out.push({ path: u.path, related: [{ origin: u.origin, message: `applied to ${u.path} here` }] });
  return out;
}

/** Whether `node` runs where apps are admitted: an authorization, token or registration endpoint, a FHIR route, or an OAuth validator. */
function admissionContext(code: CodeModel, node: IrNode): { text: string; route?: string; related?: RelatedPlace[] } | undefined {
  // A guard applied to FHIR or OAuth routes, here or in another file.
  const applied = appliedPaths(code, node).find((a) => classifyPath(a.path) === 'ehi' || /authori[sz]e|token|register|oauth/i.test(a.path));
  if (applied) return { text: `The guard on \`${applied.path}\``, route: applied.path, related: applied.related };
  const handler = enclosingHandler(code, node);
  if (handler) {
    const route = handler.routes.find((r) => /authori[sz]e|token|register|registration|oauth|launch|consent/i.test(r.path));
    if (route) return { text: `\`${route.path}\``, route: route.path };
    if (handler.classification === 'ehi' && handler.routes.length > 0) return { text: `\`${handler.routes[0].path}\`` };
  }
  for (let p: IrNode | undefined = node.parent; p; p = p.parent) {
    const name = p.kind === 'function' ? p.name : p.kind === 'class' ? p.name : undefined;
    if (!name) continue;
    // Middleware installed on sign-in or FHIR paths: `app.use('/fhir', requireApprovedApp)`.
    if (p.kind === 'function') {
      const reg = routeRegistrations(code).find((r) => r.middleware.some((m) => m.kind === 'name' && m.name === name) && (classifyPath(r.path) === 'ehi' || /authori[sz]e|token|register|oauth/i.test(r.path)));
      if (reg) return { text: `\`${reg.path}\``, route: reg.path };
    }
    const words = identifierWords(name);
    if (words.some((w) => AUTH_FUNCTION_WORDS.has(w)) && classifyName(name) !== 'admin') return { text: `\`${name}\`` };
    // `requireApprovedApp`, `checkAllowedClient`: a gate on clients by its own name.
    if (isClientAllowListName(name)) return { text: `\`${name}\`` };
  }
  return undefined;
}

/** Conditions around `node` (enclosing `if` tests) that restrict a check to system or admin clients. */
function guardedForBackOffice(code: CodeModel, node: IrNode): boolean {
  for (let p = node.parent; p && p.kind !== 'function'; p = p.parent) {
    if (p.kind === 'if' && isBackOfficeName(code.textOf(p.test))) return true;
  }
  return false;
}

function checkAllowList(code: CodeModel, node: Extract<IrNode, { kind: 'if' }>, healthRecords: boolean, report: Reporter): void {
  const fn = code.enclosingFunction(node);
  for (const part of conjuncts(node.test)) {
    const m = membershipTest(code, part);
    if (!m) continue;
    // The branch taken by non-members must refuse; or (ASP.NET authorization handlers) only members succeed.
    const refusing = m.member ? node.alternate : node.consequent;
    const refuses = refusing ? refusesClient(code, refusing, fn?.name) : m.member && succeedsOnly(node.consequent);
    if (!refuses) continue;
    if (reportAllowList(code, node, node.test, m, healthRecords, report)) return;
  }
}

/** `context.Succeed(requirement)`: an ASP.NET authorization handler admits; a request it does not succeed is refused. */
function succeedsOnly(branch: IrNode): boolean {
  let found = false;
  walk(branch, (n) => {
    if (n.kind === 'call' && /^(Succeed|succeed)$/.test(calleeLast(n))) found = true;
    return !found;
  });
  return found;
}

/**
 * Decisions that admit exactly the members of a list, without an `if`: a guard's `return
 * APPROVED.includes(clientId)` (NestJS `canActivate`, a validator), Spring Security's `new
 * AuthorizationDecision(PARTNERS.contains(clientId))`.
 */
function checkAllowDecision(code: CodeModel, node: IrNode, healthRecords: boolean, report: Reporter): void {
  let decision: IrNode | undefined;
  if (node.kind === 'return' && node.value) {
    const fn = code.enclosingFunction(node);
    if (!fn || !/^(canActivate|can_activate|check|authorize|isAllowed|is_allowed|allow|validate|verify|has_permission|has_object_permission|passes|accept)$/i.test(fn.name ?? (fn.isLambda ? 'lambda' : ''))) return;
    decision = node.value;
  } else if (node.kind === 'call' && node.isNew && /^(AuthorizationDecision|AuthorizationResult)$/.test(calleeLast(node)) && node.args.length === 1) decision = node.args[0].value;
  if (!decision) return;
  const m = membershipTest(code, decision);
  if (!m || !m.member) return;
  reportAllowList(code, node, decision, m, healthRecords, report);
}

function reportAllowList(code: CodeModel, node: IrNode, test: IrNode, m: NonNullable<ReturnType<typeof membershipTest>>, healthRecords: boolean, report: Reporter): boolean {
  const listName = collectionName(m.collection);
  if (!listName || !isGateListName(listName) || !isClientIdentifier(code, m.subject)) return false;
  if (isBackOfficeName(listName) || isBackOfficeName(code.textOf(test)) || guardedForBackOffice(code, node)) return false;
  const members = stringList(code, m.collection);
  if (members && onlySystemScopes(members)) return false;
  const where = admissionContext(code, node);
  if (!where) return false;
  // Outside files that mention health records, only the OAuth endpoints and FHIR routes the guard is applied to are evidence enough.
  if (!healthRecords && !/authori[sz]e|token|register/i.test(where.route ?? '') && !(where.related && where.route && classifyPath(where.route) === 'ehi')) return false;
  report({ at: node, messageId: 'allowList', data: { where: where.text, list: listName, values: members ? listValues(members) : '' }, related: where.related });
  return true;
}

/* ---------- settings in code ---------- */

/** Keys of the object literals around `node`. */
function objectPath(node: IrNode): string[] {
  const out: string[] = [];
  let child: IrNode = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.kind === 'object') {
      const prop = p.properties.find((x) => x.value === child);
      if (prop) out.unshift(prop.key);
    } else if (p.kind === 'variable') {
      out.unshift(p.name);
      break;
    } else if (p.kind === 'assign') {
      out.unshift(...dotted(p.target).split('.').filter((s) => s.length > 0));
      break;
    } else if (p.kind !== 'other' && p.kind !== 'call') break;
  }
  return out;
}

interface FileFacts {
  patientApps: boolean;
  healthRecords: boolean;
}

function literalOf(code: CodeModel, node: IrNode): IrNode | undefined {
  if (node.kind === 'boolean' || node.kind === 'number' || node.kind === 'string' || node.kind === 'call' || node.kind === 'binary') return node;
  if (node.kind !== 'name' && node.kind !== 'member') return undefined;
  const name = node.kind === 'name' ? node.name : node.property;
  const bindings = code.variables(name);
  if (bindings.length !== 1 || !bindings[0].isConstant || !bindings[0].value) return undefined;
  return bindings[0].value;
}

function checkCodeSetting(code: CodeModel, path: string[], value: IrNode, site: Span, facts: FileFacts, report: Reporter): void {
  if (value.kind === 'object' || value.kind === 'function') return;
  const literal = literalOf(code, value);
  if (!literal) return;
  if (isDcrSwitch(path) && facts.healthRecords) {
    const off = (literal.kind === 'boolean' && !literal.value) || (literal.kind === 'number' && literal.value === 0) || (literal.kind === 'string' && isOffValue(literal.value));
    if (off) report({ at: site, messageId: 'dcrOff', data: { key: path.join('.') } });
    return;
  }
  if (!facts.patientApps) return;
  const key = path[path.length - 1];
  // IdentityServer clients are judged with their scopes (checkIdentityServerClient).
  if (/^(AbsoluteRefreshTokenLifetime|SlidingRefreshTokenLifetime)$/.test(key)) return;
  const unit = refreshLifetimeUnit(path);
  if (!unit || isBackOfficeName(path.slice(0, -1).join(' '))) return;
  const n = numberValue(code, literal);
  // A bare number has no unit unless the key says so (Spring binds `...TimeToLive` numbers as milliseconds; jsonwebtoken reads `expiresIn` numbers as seconds).
  if (unit === 'duration' && n !== undefined && !/time[-_]?to[-_]?live/i.test(key)) return;
  const ms = unit === 'duration' ? durationMs(code, literal, 'ms') : n !== undefined ? toMs(n, unit) : durationMs(code, literal, unit);
  if (ms === undefined || ms <= 0 || ms >= MIN_PATIENT_REFRESH_MS) return;
  report({ at: site, messageId: 'shortRefresh', data: { what: `\`${path.slice(-2).join('.')}\``, duration: describeDuration(ms) } });
}

/* ---------- Duende / IdentityServer clients ---------- */

function prop(obj: ObjectNode, key: string): IrNode | undefined {
  return obj.properties.find((p) => p.key === key)?.value;
}

function propSite(obj: ObjectNode, key: string): Span | undefined {
  return obj.properties.find((p) => p.key === key);
}

/** Scopes of a client: `AllowedScopes = { "patient/*.read", ... }`. */
function scopesOf(code: CodeModel, node: IrNode | undefined): string[] | undefined {
  if (!node) return undefined;
  const list = stringList(code, node);
  if (list) return splitScopes(list);
  const s = stringValue(code, node);
  return s !== undefined ? splitScopes([s]) : undefined;
}

function grantNames(node: IrNode | undefined): string[] {
  if (!node) return [];
  const out: string[] = [];
  walk(node, (n) => {
    if (n.kind === 'member') out.push(n.property);
    else if (n.kind === 'string') out.push(n.value);
  });
  return out.map((g) => g.toLowerCase().replace(/[^a-z]/g, ''));
}

function checkIdentityServerClient(code: CodeModel, obj: ObjectNode, patientApps: boolean, report: Reporter): void {
  const scopes = scopesOf(code, prop(obj, 'AllowedScopes'));
  const grants = grantNames(prop(obj, 'AllowedGrantTypes'));
  const systemOnly = (grants.length > 0 && grants.every((g) => g === 'clientcredentials' || g === 'grants' || g === 'granttypes')) || (scopes !== undefined && onlySystemScopes(scopes));
  if (systemOnly) return;
  const patient = scopes ? hasPatientScope(scopes) : patientApps;
  if (!patient) return;
  const offline = prop(obj, 'AllowOfflineAccess');
  if (offline?.kind === 'boolean' && !offline.value) {
    report({ at: propSite(obj, 'AllowOfflineAccess')!, messageId: 'noRefresh', data: { what: '`AllowOfflineAccess = false` on a client with patient scopes' } });
    return;
  }
  if (!(offline?.kind === 'boolean' && offline.value)) return;
  const absolute = prop(obj, 'AbsoluteRefreshTokenLifetime');
  const sliding = prop(obj, 'SlidingRefreshTokenLifetime');
  const expiration = prop(obj, 'RefreshTokenExpiration');
  const isSliding = expiration !== undefined && /Sliding/.test(code.textOf(expiration));
  const absoluteSeconds = absolute ? numberValue(code, absolute) ?? secondsOfTimeSpan(code, absolute) : undefined;
  if (absolute && absoluteSeconds !== undefined && absoluteSeconds > 0 && absoluteSeconds * 1000 < MIN_PATIENT_REFRESH_MS) {
    report({ at: propSite(obj, 'AbsoluteRefreshTokenLifetime')!, messageId: 'shortRefresh', data: { what: '`AbsoluteRefreshTokenLifetime`', duration: describeDuration(absoluteSeconds * 1000) } });
    return;
  }
  if (isSliding) {
    const slidingSeconds = sliding ? numberValue(code, sliding) ?? secondsOfTimeSpan(code, sliding) : undefined;
    if (sliding && slidingSeconds !== undefined && slidingSeconds > 0 && slidingSeconds * 1000 < MIN_PATIENT_REFRESH_MS) {
      report({ at: propSite(obj, 'SlidingRefreshTokenLifetime')!, messageId: 'shortRefresh', data: { what: '`SlidingRefreshTokenLifetime` (unused refresh tokens)', duration: describeDuration(slidingSeconds * 1000) } });
    } else if (!sliding) {
      report({ at: propSite(obj, 'RefreshTokenExpiration')!, messageId: 'defaultRefresh', data: { what: 'This client’s sliding expiration', product: 'IdentityServer `SlidingRefreshTokenLifetime`', duration: '15 days' } });
    }
    return;
  }
  if (!absolute) {
    report({ at: propSite(obj, 'AllowOfflineAccess')!, messageId: 'defaultRefresh', data: { what: 'This client', product: 'IdentityServer `AbsoluteRefreshTokenLifetime`', duration: '30 days' } });
  }
}

function secondsOfTimeSpan(code: CodeModel, node: IrNode): number | undefined {
  // (int)TimeSpan.FromDays(30).TotalSeconds
  let call: CallNode | undefined;
  walk(node, (n) => {
    if (!call && n.kind === 'call') call = n;
  });
  const ms = call ? durationMs(code, call) : undefined;
  return ms === undefined ? undefined : ms / 1000;
}

/* ---------- Spring Authorization Server RegisteredClient builders ---------- */

/** The calls of a fluent chain starting at `start` (`RegisteredClient.withId(...)...build()`). */
function chainFrom(start: CallNode): CallNode[] {
  const calls: CallNode[] = [start];
  let node: IrNode = start;
  while (node.parent?.kind === 'member' && node.parent.object === node && node.parent.parent?.kind === 'call' && node.parent.parent.callee === node.parent) {
    node = node.parent.parent;
    calls.push(node as CallNode);
  }
  return calls;
}

function checkRegisteredClient(code: CodeModel, start: CallNode, patientApps: boolean, report: Reporter, inClient: Set<IrNode>): void {
  const chain = chainFrom(start);
  const outer = chain[chain.length - 1];
  inClient.add(outer);
  const scopes: string[] = [];
  const grants: string[] = [];
  let confidential = false;
  let tokenSettings: CallNode | undefined;
  let refreshGrant: CallNode | undefined;
  let scopesUnknown = false;
  for (const call of chain) {
    const last = calleeLast(call);
    if (last === 'scope') {
      const s = constantText(code, call.args[0]?.value);
      if (s !== undefined) scopes.push(s);
      else scopesUnknown = true;
    } else if (last === 'scopes') scopesUnknown = true;
    else if (last === 'authorizationGrantType') {
      const g = (constantText(code, call.args[0]?.value) ?? '').toLowerCase().replace(/[^a-z]/g, '');
      grants.push(g);
      if (g === 'refreshtoken') refreshGrant = call;
    } else if (last === 'authorizationGrantTypes') scopesUnknown = true;
    else if (last === 'clientSecret') confidential = true;
    else if (last === 'clientAuthenticationMethod') {
      const m = (constantText(code, call.args[0]?.value) ?? '').toLowerCase();
      if (/secret|jwt/.test(m)) confidential = true;
    } else if (last === 'tokenSettings') tokenSettings = call;
  }
  if (grants.length > 0 && grants.every((g) => g === 'clientcredentials')) return;
  if (onlySystemScopes(scopes)) return;
  const patient = scopes.length > 0 ? hasPatientScope(scopes) : patientApps && !scopesUnknown;
  if (!patient) return;
  if (refreshGrant) {
    if (!tokenSettings) {
      report({ at: callSite(refreshGrant), messageId: 'defaultRefresh', data: { what: 'This registered client', product: 'Spring Authorization Server `refreshTokenTimeToLive`', duration: '60 min' } });
      return;
    }
    let ttl: CallNode | undefined;
    const settingsArg = tokenSettings.args[0]?.value;
    const settingsValue = settingsArg ? resolve(code, settingsArg) ?? settingsArg : undefined;
    if (settingsValue) {
      walk(settingsValue, (n) => {
        if (!ttl && n.kind === 'call' && calleeLast(n) === 'refreshTokenTimeToLive') ttl = n;
      });
    }
    if (ttl) {
      const ms = durationMs(code, ttl.args[0]?.value);
      if (ms !== undefined && ms > 0 && ms < MIN_PATIENT_REFRESH_MS) report({ at: callSite(ttl), messageId: 'shortRefresh', data: { what: '`refreshTokenTimeToLive`', duration: describeDuration(ms) } });
      if (settingsValue) inClient.add(settingsValue);
    } else if (settingsValue?.kind === 'call' && /TokenSettings\.builder/.test(calleeName(settingsValue) + code.textOf(settingsValue))) {
      report({ at: callSite(tokenSettings), messageId: 'defaultRefresh', data: { what: 'This registered client', product: 'Spring Authorization Server `refreshTokenTimeToLive`', duration: '60 min' } });
    }
    return;
  }
  if (confidential && grants.includes('authorizationcode') && !scopesUnknown) {
    report({ at: callSite(start), messageId: 'noRefresh', data: { what: 'This confidential client with patient scopes has no `REFRESH_TOKEN` grant' } });
  }
}

/* ---------- configuration ---------- */

function isKeycloakKey(key: string): boolean {
  return /^(offlineSession|clientOfflineSession|client\.offline\.session)/.test(key);
}

function configDuration(node: ConfigNode, unit: string): number | undefined {
  const n = scalarNumber(node);
  if (unit === 'duration') {
    // Spring binds a bare number to milliseconds; other servers read it in their own unit, so it is left alone.
    if (n !== undefined) return /time[-_]?to[-_]?live/i.test(node.entry?.key ?? '') ? n : undefined;
    const s = scalarString(node);
    return s === undefined ? undefined : parseDurationText(s);
  }
  if (n !== undefined) return toMs(n, unit as 'ms' | 's' | 'min' | 'h' | 'd');
  const s = scalarString(node);
  return s === undefined ? undefined : parseDurationText(s);
}

/** Keycloak realm export: offline sessions (refresh tokens requested with `offline_access`). */
function checkKeycloakRealm(root: ConfigNode, patientApps: boolean, report: Reporter): void {
  if (root.kind !== 'map' || !patientApps) return;
  const idle = at(root, 'offlineSessionIdleTimeout');
  const idleSeconds = scalarNumber(idle);
  if (idle && idleSeconds !== undefined && idleSeconds > 0 && idleSeconds * 1000 < MIN_PATIENT_REFRESH_MS) {
    report({ at: idle.entry!, messageId: 'shortRefresh', data: { what: 'Keycloak `offlineSessionIdleTimeout`', duration: describeDuration(idleSeconds * 1000) } });
  }
  const maxEnabled = scalarBoolean(at(root, 'offlineSessionMaxLifespanEnabled'));
  const max = at(root, 'offlineSessionMaxLifespan');
  const maxSeconds = scalarNumber(max);
  if (maxEnabled && max && maxSeconds !== undefined && maxSeconds > 0 && maxSeconds * 1000 < MIN_PATIENT_REFRESH_MS) {
    report({ at: max.entry!, messageId: 'shortRefresh', data: { what: 'Keycloak `offlineSessionMaxLifespan`', duration: describeDuration(maxSeconds * 1000) } });
  }
  // Per-client overrides: clients[].attributes["client.offline.session.idle.timeout"] for clients with patient scopes.
  for (const client of items(at(root, 'clients'))) {
    const scopes = [...(configStringList(at(client, 'defaultClientScopes')) ?? []), ...(configStringList(at(client, 'optionalClientScopes')) ?? [])];
    if (!hasPatientScope(scopes)) continue;
    const attributes = at(client, 'attributes');
    for (const key of ['client.offline.session.idle.timeout', 'client.offline.session.max.lifespan']) {
      const node = attributes?.kind === 'map' ? attributes.entries.find((e) => e.key === key)?.value : undefined;
      const seconds = scalarNumber(node);
      if (node && seconds !== undefined && seconds > 0 && seconds * 1000 < MIN_PATIENT_REFRESH_MS) {
        report({ at: node.entry!, messageId: 'shortRefresh', data: { what: `Keycloak \`${key}\` of client \`${scalarString(at(client, 'clientId')) ?? '?'}\``, duration: describeDuration(seconds * 1000) } });
      }
    }
  }
}

function items(node: ConfigNode | undefined): ConfigNode[] {
  if (!node) return [];
  return node.kind === 'seq' ? node.items : [node];
}

/** `spring.security.oauth2.authorizationserver.client.<id>`: the clients of Spring Boot’s authorization-server properties. */
function springClients(root: ConfigNode): ConfigNode[] {
  const clients = at(root, 'spring.security.oauth2.authorizationserver.client');
  return clients?.kind === 'map' ? clients.entries.map((e) => e.value) : [];
}

function underSpringClient(path: readonly string[]): boolean {
  return path.join('.').startsWith('spring.security.oauth2.authorizationserver.client');
}

function checkSpringClients(ctx: ConfigContext, root: ConfigNode): void {
  for (const client of springClients(root)) {
    const registration = at(client, 'registration');
    const scopes = splitScopes(configStringList(at(registration, 'scopes')) ?? []);
    const grants = (configStringList(at(registration, 'authorization-grant-types')) ?? configStringList(at(registration, 'authorizationGrantTypes')) ?? []).map((g) => g.toLowerCase());
    const methods = (configStringList(at(registration, 'client-authentication-methods')) ?? configStringList(at(registration, 'clientAuthenticationMethods')) ?? []).map((m) => m.toLowerCase());
    if (!hasPatientScope(scopes) || onlySystemScopes(scopes)) continue;
    const ttlNode = at(client, 'token.refresh-token-time-to-live') ?? at(client, 'token.refreshTokenTimeToLive');
    if (grants.includes('refresh_token')) {
      if (ttlNode) {
        const ms = configDuration(ttlNode, 'duration');
        if (ms !== undefined && ms > 0 && ms < MIN_PATIENT_REFRESH_MS) ctx.report({ at: ttlNode.entry!, messageId: 'shortRefresh', data: { what: '`refresh-token-time-to-live`', duration: describeDuration(ms) } });
      } else {
        const grantNode = at(registration, 'authorization-grant-types') ?? at(registration, 'authorizationGrantTypes');
        ctx.report({ at: grantNode?.entry ?? client.entry ?? client, messageId: 'defaultRefresh', data: { what: 'This client', product: 'Spring Authorization Server `refresh-token-time-to-live`', duration: '60 min' } });
      }
    } else if (grants.includes('authorization_code') && methods.some((m) => /secret|jwt/.test(m))) {
      const grantNode = at(registration, 'authorization-grant-types') ?? at(registration, 'authorizationGrantTypes');
      ctx.report({ at: grantNode?.entry ?? client.entry ?? client, messageId: 'noRefresh', data: { what: 'This confidential client with patient scopes has no `refresh_token` grant' } });
    }
  }
}

/* ---------- SMART configuration ---------- */

function checkSmart(doc: SmartDocument, report: Reporter): void {
  if (!supportsAppLaunch(doc)) return;
  const capabilities = smartList(doc, 'capabilities');
  const entry = smartField(doc, 'capabilities');
  if (!capabilities || !entry) return;
  // Each need is met by its capability, or by a value that implies it (an inconsistent but working document is not flagged).
  const scopes = smartList(doc, 'scopes_supported');
  const missing: string[] = [];
  if (!capabilities.includes('launch-standalone') && !capabilities.includes('context-standalone-patient')) missing.push('`launch-standalone` (with `context-standalone-patient`)');
  if (!capabilities.includes('client-public') && !capabilities.includes('client-confidential-symmetric')) missing.push('`client-public` or `client-confidential-symmetric`');
  if (!capabilities.includes('permission-patient') && !(scopes && hasPatientScope(scopes))) missing.push('`permission-patient`');
  if (missing.length > 0) report({ at: entry, messageId: 'smartCapabilities', data: { missing: missing.join(', ') } });
  if (capabilities.includes('permission-offline')) return;
  if (scopes?.includes('offline_access')) return;
  const grants = smartList(doc, 'grant_types_supported');
  if (grants?.includes('refresh_token')) return;
  if (scopes === undefined && smartField(doc, 'scopes_supported')) return;
  report({ at: entry, messageId: 'smartOffline', data: { grant: grants ? ', no `refresh_token` grant' : '' } });
}

