/**
 * The `endpoint-publication` rule: FHIR service base URLs not published as 45 CFR 170.404(b)(2)
 * requires (free, public, as a FHIR `Bundle` of `Endpoint` and `Organization` resources): an endpoint
 * directory route behind sign-in or a customer/contract check, a switch that turns publication off or
 * limits it to customers, and publication as CSV, HTML or home-grown JSON. Documented in `meta.docs`
 * (docs/rules/endpoint-publication.md).
 */
import type { CodeModel } from '../server/src/core/code-model';
import { scalar, scalarBoolean, scalarString } from '../server/src/core/formats/tree';
import type { CallNode, FunctionNode, IrNode, Span } from '../server/src/core/ir';
import { walk } from '../server/src/core/ir';
import { CodeContext, defineRule, reportOncePerSpan } from '../server/src/core/rule';
import { codeBoolean, codeSettings, configSettings } from '../server/src/analysis/named-values';
import { calleeLast, dotted, identifierWords, stringValue } from '../server/src/analysis/values';
import { helperStatus, statusOf } from '../server/src/analysis/responses';
import { authRequirementOf, securedPathRules } from '../server/src/frameworks/auth';
import { guardOf } from '../server/src/domain/denials';
import { classifyPath, handlerFor } from '../server/src/domain/access-path';

const DIRECTORY = new Set(['directory', 'bundle', 'list', 'listing', 'catalog', 'catalogue', 'publication', 'publish', 'published', 'brands', 'brand']);
/** Settings of other things named "endpoints": Spring Boot actuator, management consoles, outbound webhooks. */
const NOT_DIRECTORY = new Set(['management', 'actuator', 'webhook', 'webhooks', 'callback', 'callbacks', 'health', 'metrics', 'prometheus', 'exposure', 'swagger', 'openapi', 'test', 'mock']);

/** Words about the published list of FHIR service base URLs (`/endpoints/bundle`, `serviceBaseUrls`, `fhirEndpoints`, `endpointDirectory`, `user-access-brands`). */
export function isEndpointDirectoryWords(words: readonly string[]): boolean {
  if (words.some((w) => NOT_DIRECTORY.has(w))) return false;
  const endpoint = words.includes('endpoint') || words.includes('endpoints');
  if (endpoint && words.some((w) => DIRECTORY.has(w))) return true;
  if (words.includes('endpoints') && words.includes('fhir')) return true;
  if (words.includes('service') && words.includes('base') && words.some((w) => w === 'url' || w === 'urls')) return true;
  return words.includes('brands') && words.some((w) => ['smart', 'fhir', 'access', 'endpoint', 'endpoints'].includes(w));
}

const SWITCH_WORDS = new Set(['publish', 'published', 'publication', 'public', 'enabled', 'enable', 'expose', 'exposed', 'visible', 'available']);
const RESTRICT_WORDS = new Set(['private', 'restricted', 'internal', 'authenticated', 'protected', 'secured']);
const REQUIRE_WORDS = new Set(['require', 'requires', 'required', 'needs']);
const AUDIENCE_KEY = new Set(['visibility', 'access', 'audience', 'availability', 'exposure', 'scope', 'mode']);
const CLOSED_AUDIENCE = /^(private|customers?|customers?[-_ ]only|clients?[-_ ]only|authenticated|logged[-_ ]?in|login|contract(ed)?|contracted[-_ ]customers|licensees?|subscribers?|paid|paying|registered|registered[-_ ]clients|partners?|partners?[-_ ]only|internal|members?[-_ ]only|on[-_ ]?request)$/i;
const GATED_REQUIREMENT = new Set(['auth', 'authentication', 'login', 'signin', 'contract', 'subscription', 'license', 'registration', 'customer', 'account', 'apikey', 'key', 'token', 'agreement', 'payment']);
const FORMAT_KEY = new Set(['format', 'formats', 'output', 'type', 'content', 'media', 'mime', 'serialization', 'style']);
const NONSTANDARD_FORMAT = /^(csv|text\/csv|html|text\/html|pdf|application\/pdf|xlsx|xls|excel|spreadsheet|txt|text|text\/plain|plain|proprietary|custom|legacy|json[-_ ]?list|simple[-_ ]?json|flat[-_ ]?json)$/i;
const MEDIA_TYPE = /^(text\/(csv|html|plain)|application\/(pdf|vnd\.ms-excel|vnd\.openxmlformats[\w.-]*|octet-stream))\b/i;
const FILE_NAME = /^[\w.-]+\.(csv|xlsx|xls|pdf|html?|txt)$/i;
const RENDER_CALL = /^(render|render_template|TemplateResponse|View|PartialView|ModelAndView|renderFile|render_to_response|render_to_string)$/;
const CSV_CALL = /^(writer|DictWriter|writerow|writerows|CSVPrinter|CsvWriter|toCsv|toCSV|to_csv|json2csv|writeCsv|WriteRecords)$/;

function formatName(text: string): string {
  const t = text.toLowerCase();
  if (/csv|excel|xls|spreadsheet/.test(t)) return /xls|excel|spreadsheet/.test(t) ? 'a spreadsheet' : 'CSV';
  if (/html|template|view|render/.test(t)) return 'an HTML page';
  if (/pdf/.test(t)) return 'a PDF';
  if (/text|txt|plain/.test(t)) return 'plain text';
  return 'a non-FHIR format';
}

export default defineRule({
  meta: {
    id: 'endpoint-publication',
    title: 'FHIR service base URLs not published publicly as a FHIR Bundle',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'json', 'yaml', 'properties'],
    exceptions: [],
    triggers: ['endpoint', 'baseurl', 'base_url', 'base-url', 'brands'],
    skipsTestCode: true,
    messages: {
      gated: '{route} serves the FHIR endpoint list only behind {what}; the list must be public.',
      refused: '{route} refuses the FHIR endpoint list with {status}{condition}; the list must be public.',
      format: '{route} publishes FHIR endpoints as {format}, not as a FHIR Bundle of Endpoint and Organization resources.',
      switchOff: '`{name}: {value}` turns off public publication of the FHIR endpoint list.',
      audience: '`{name}: {value}` limits the FHIR endpoint list to {audience}; the list must be public.',
      formatSetting: '`{name}: {value}` publishes FHIR endpoints as {format}, not as a FHIR Bundle of Endpoint and Organization resources.',
    },
    docs: {
      summary:
        'Flags the FHIR service base URL list (an endpoint directory or bundle route such as `/endpoints`, `/fhir-endpoints`, `/service-base-urls`, a `user-access-brands` bundle) when it is not published freely and publicly as a FHIR `Bundle`: a route behind sign-in or a customer, contract or subscription check (middleware, `@PreAuthorize`, `[Authorize]`, `.RequireAuthorization()`, Spring Security `.requestMatchers("/fhir-endpoints/**").authenticated()`, `@login_required`, `Depends(get_current_user)`, a 401/403 in the handler; a 402 is left to `access-fee`), a setting that turns publication off or limits it to customers (`publishEndpoints: false`, `endpointDirectory.visibility: customers`, `endpoint-directory.require-login: true`), and publication as CSV, HTML, PDF or home-grown JSON (`text/csv`, `res.render(...)`, `endpointDirectory.format: csv`, a plain list of `{ name, url }`).',
      why:
        'A certified API developer must publish the service base URLs of every customer’s certified FHIR API for free, in a machine-readable form that anyone can read without an account, and since HTI-1 as a FHIR `Bundle` of `Endpoint` resources with the `Organization` resources they belong to (45 CFR 170.404(b)(2), a condition of certification). Apps a patient chooses find the patient’s provider through this list; a list that needs a login, a contract or a vendor-specific parser keeps them out and interferes with access (45 CFR 171.102, “interfere”; 171.103). No exception of Part 171 covers the publication duty itself.',
      fix:
        'Serve the endpoint list without authentication, as a FHIR `Bundle` (`type: collection`) of `Endpoint` resources and the `Organization` resources that reference them (`application/fhir+json`), and keep publication on in every deployment. Keep authentication on the FHIR API itself.',
      notFlagged: [
        'A public endpoint list: a route with no sign-in requirement, or one that opts out explicitly (`[AllowAnonymous]`, `@PermitAll`, `AllowAny`), that returns a FHIR `Bundle`.',
        'Authentication on the FHIR API itself (`/fhir/r4/Patient` behind `[Authorize]`, a SMART token check): only the directory of base URLs must be public.',
        'Settings named “endpoints” that are about something else: Spring Boot actuator (`management.endpoints.*`), webhooks and callbacks, health and metrics endpoints, test and mock servers.',
        'Validation errors (400) and not-found answers (404) from the directory route: they refuse a malformed request, not the list.',
        'Test code.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged: "router.get('/fhir-endpoints', requireCustomerLogin, async (req, res) => {\n  res.json(await endpointBundle());\n});",
          fixed: "router.get('/fhir-endpoints', async (req, res) => {\n  res.type('application/fhir+json').json(await endpointBundle());\n});",
        },
        {
          language: 'yaml',
          flagged: 'endpoint-directory:\n  publish: false',
          fixed: 'endpoint-directory:\n  publish: true\n  format: fhir-bundle',
        },
      ],
    },
    version: 1,
  },

  code(ctx) {
    const report = reportOncePerSpan(ctx);
    return {
      function(fn) {
        const directory = directoryHandler(ctx.code, fn);
        if (!directory) return;
        const gate = authRequirementOf(ctx.code, fn);
        if (gate) report(gate.at, 'gated', { route: directory.route, what: gate.what });
        const refusal = refusalIn(ctx.code, fn);
        if (refusal) report(refusal.at, 'refused', { route: directory.route, status: refusal.status, condition: refusal.condition });
        const format = nonstandardFormat(ctx.code, fn);
        if (format) report(format.at, 'format', { route: directory.route, format: format.format });
      },
      end() {
        checkCodeSettings(ctx, report);
        // Spring Security: `.requestMatchers("/endpoints/**").authenticated()`.
        for (const rule of securedPathRules(ctx.code)) {
          const path = rule.paths.find((p) => isEndpointDirectoryWords(identifierWords(p)));
          if (path) report(rule.at, 'gated', { route: `route ${path}`, what: rule.what });
        }
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      for (const s of configSettings(root)) {
        const text = scalarString(s.value);
        const bool = scalarBoolean(s.value);
        const verdict = judgeSetting(s.words, s.context, typeof scalar(s.value) === 'number' ? undefined : bool, text);
        if (verdict) ctx.report({ at: s.at, messageId: verdict.messageId, data: { name: s.name, value: String(scalar(s.value)), ...verdict.data } });
      }
    }
  },
});

/* ---------------- the directory route ---------------- */

interface Directory {
  route: string;
}

/** A request handler that serves the endpoint list: by its route, its name or its class's name. */
function directoryHandler(code: CodeModel, fn: FunctionNode): Directory | undefined {
  const handler = handlerFor(code, fn);
  if (!handler) return undefined;
  const cls = code.enclosingClass(fn);
  const routeWords = handler.routes.flatMap((r) => identifierWords(r.path));
  const nameWords = [...identifierWords(fn.name ?? ''), ...identifierWords(cls?.name ?? '')];
  // Constructors of controllers are not actions.
  if (cls && fn.name === cls.name) return undefined;
  const byRoute = handler.routes.find((r) => isEndpointDirectoryWords(identifierWords(r.path)) || (segments(r.path).includes('endpoints') && servesEndpointResources(fn)));
  if (!byRoute) {
    // Without a directory route, the handler's own name decides (its class's name only when no route is visible):
    // `/fhir/r4/Patient` in an `EndpointDirectoryController` is the FHIR API.
    const names = handler.routes.length > 0 ? identifierWords(fn.name ?? '') : nameWords;
    if (!isEndpointDirectoryWords([...routeWords, ...names]) || handler.routes.some((r) => classifyPath(r.path) === 'ehi' && !isEndpointDirectoryWords(identifierWords(r.path)))) return undefined;
  }
  // An `Endpoint` search on the FHIR API itself (`/fhir/r4/Endpoint`) is the API, whose authentication is its own.
  if (handler.routes.length > 0 && handler.routes.every((r) => /\/Endpoint(\/|$|\?)/.test(r.path))) return undefined;
  const route = byRoute ?? handler.routes[0];
  if (route) return { route: `route ${route.methods.length === 1 ? `${route.methods[0]} ` : ''}${route.path || '(all paths)'}` };
  return { route: `\`${fn.name}\`` };
}

function segments(path: string): string[] {
  return path.toLowerCase().split(/[/?#.]+/).filter((s) => s.length > 0);
}

/** The handler builds FHIR `Endpoint` resources (`resourceType: 'Endpoint'`, `new Endpoint()`). */
function servesEndpointResources(fn: FunctionNode): boolean {
  let found = false;
  if (!fn.body) return false;
  walk(fn.body, (n) => {
    if (found) return false;
    if (n.kind === 'string' && n.value === 'Endpoint') found = true;
    else if (n.kind === 'call' && n.isNew && calleeLast(n) === 'Endpoint') found = true;
  });
  return found;
}

/* ---------------- refusals in the handler ---------------- */

/** A 401 or 403 the directory handler answers itself: the list is then not public. */
function refusalIn(code: CodeModel, fn: FunctionNode): { at: Span; status: string; condition: string } | undefined {
  if (!fn.body) return undefined;
  let found: { at: Span; status: string; condition: string } | undefined;
  walk(fn.body, (n) => {
    if (found) return false;
    if (n.kind === 'function') return false;
    let status: number | undefined;
    if (n.kind === 'call' && !n.isDecorator) status = statusOf(code, n);
    else if (n.kind === 'throw' && n.value && (n.value.kind === 'name' || n.value.kind === 'member')) status = helperStatus(n.value.kind === 'name' ? n.value.name : n.value.property);
    // 402 Payment Required is left to `access-fee`, which reports payment demanded for access.
    if (status !== 401 && status !== 403) return;
    const guard = guardOf(code, n);
    if (guard.inCatch) return;
    const test = guard.tests[0];
    const text = test ? code.textOf(test).replace(/\s+/g, ' ').trim() : '';
    found = { at: n, status: String(status), condition: text ? ` when \`${text.length > 50 ? `${text.slice(0, 49)}…` : text}\`` : '' };
    return false;
  });
  return found;
}

/* ---------------- the format ---------------- */

/** CSV, HTML, PDF or plain text set by the handler, a template it renders, or a list it sends that is not a FHIR Bundle. */
function nonstandardFormat(code: CodeModel, fn: FunctionNode): { at: Span; format: string } | undefined {
  for (const d of fn.decorators) {
    for (const a of d.args) {
      const s = stringValue(code, a.value);
      if (s && MEDIA_TYPE.test(s)) return { at: a.value, format: formatName(s) };
      if (a.value.kind === 'array') for (const e of a.value.elements) {
        const t = stringValue(code, e);
        if (t && MEDIA_TYPE.test(t)) return { at: e, format: formatName(t) };
      }
    }
  }
  if (!fn.body) return undefined;
  let found: { at: Span; format: string } | undefined;
  let mentionsBundle = false;
  const sent: IrNode[] = [];
  walk(fn.body, (n) => {
    if (n.kind === 'string') {
      if (/^Bundle$/.test(n.value) || /fhir\+json|fhir\+xml/.test(n.value)) mentionsBundle = true;
      if (!found && (MEDIA_TYPE.test(n.value) || FILE_NAME.test(n.value))) found = { at: n, format: formatName(n.value) };
    } else if (n.kind === 'name' || n.kind === 'member') {
      if (identifierWords(n.kind === 'name' ? n.name : n.property).includes('bundle')) mentionsBundle = true;
    } else if (n.kind === 'call' && !n.isDecorator) {
      const last = calleeLast(n);
      if (identifierWords(last).includes('bundle')) mentionsBundle = true;
      if (!found && RENDER_CALL.test(last) && (last !== 'View' || code.language === 'csharp')) found = { at: n, format: 'an HTML page' };
      else if (!found && CSV_CALL.test(last) && (/csv/i.test(last) || /csv/i.test(dotted(n.callee)))) found = { at: n, format: 'CSV' };
      else if (!found && (last === 'type' || last === 'format' || last === 'attachment') && n.args.some((a) => /^(csv|html|text|txt|pdf)$/i.test(stringValue(code, a.value) ?? ''))) found = { at: n, format: formatName(stringValue(code, n.args[0].value) ?? '') };
      const payload = sentPayload(n);
      if (payload) sent.push(payload);
    } else if (n.kind === 'return' && n.value && code.enclosingFunction(n) === fn) {
      sent.push(n.value);
    }
  });
  if (found) return found;
  if (mentionsBundle) return undefined;
  // A list of `{ name, url }` built in the handler: machine-readable, but not the FHIR Bundle the rule requires.
  for (const value of sent) {
    const shape = homeGrownList(value);
    if (shape) return { at: value, format: 'home-grown JSON' };
  }
  return undefined;
}

/** What a response call sends: `res.json(x)`, `res.send(x)`, `jsonify(x)`, `Ok(x)`, `ResponseEntity.ok(x)`, `JsonResponse(x)`. */
function sentPayload(call: CallNode): IrNode | undefined {
  const last = calleeLast(call);
  if (!/^(json|send|jsonify|Ok|ok|Json|JsonResponse|JSONResponse|body|Results\.Ok|Response)$/.test(last)) return undefined;
  if (last === 'send' && call.callee.kind === 'member' && !/^(res|response|reply|ctx)$/.test(dotted(call.callee.object).split('.').pop() ?? '')) return undefined;
  return call.args[0]?.value;
}

/** An array or object literal (or a `.map(...)` to object literals) that carries no FHIR `resourceType`. */
function homeGrownList(node: IrNode): boolean {
  if (node.kind === 'object') return !node.properties.some((p) => /^(resourceType|resource_type|ResourceType)$/.test(p.key)) && node.properties.length > 0;
  if (node.kind === 'array') return node.elements.length > 0 && node.elements.every((e) => e.kind === 'object' && homeGrownList(e));
  if (node.kind === 'call' && /^(map|Select)$/.test(calleeLast(node))) {
    const lambda = node.args.find((a) => a.value.kind === 'function')?.value;
    if (lambda?.kind !== 'function' || !lambda.body) return false;
    let body: IrNode | undefined = lambda.body;
    if (body.kind === 'block') {
      const ret = body.body.find((x) => x.kind === 'return');
      body = ret?.kind === 'return' ? ret.value : undefined;
    }
    return !!body && body.kind === 'object' && homeGrownList(body);
  }
  return false;
}

/* ---------------- settings ---------------- */

interface Verdict {
  messageId: string;
  data: Record<string, string>;
}

/** A publication switch, audience or format for the endpoint list, from its name, the names around it and its value. */
function judgeSetting(words: string[], context: string[], bool: boolean | undefined, text: string | undefined): Verdict | undefined {
  const all = [...words, ...context];
  if (!isEndpointDirectoryWords(all)) return undefined;
  if (bool !== undefined) {
    if (!bool && words.some((w) => SWITCH_WORDS.has(w)) && !words.some((w) => RESTRICT_WORDS.has(w))) return { messageId: 'switchOff', data: {} };
    if (bool && words.some((w) => RESTRICT_WORDS.has(w))) return { messageId: 'audience', data: { audience: 'authenticated callers' } };
    if (bool && words.some((w) => REQUIRE_WORDS.has(w))) {
      const what = words.find((w) => GATED_REQUIREMENT.has(w));
      if (what) return { messageId: 'audience', data: { audience: audienceOf(what) } };
    }
    return undefined;
  }
  if (!text) return undefined;
  const last = words[words.length - 1];
  if (AUDIENCE_KEY.has(last) && CLOSED_AUDIENCE.test(text.trim())) return { messageId: 'audience', data: { audience: audienceOf(text) } };
  if (FORMAT_KEY.has(last) && NONSTANDARD_FORMAT.test(text.trim())) return { messageId: 'formatSetting', data: { format: formatName(text) } };
  return undefined;
}

function audienceOf(text: string): string {
  const t = text.toLowerCase();
  if (/contract|license/.test(t)) return 'callers under contract';
  if (/subscri|paid|paying|payment/.test(t)) return 'paying subscribers';
  if (/customer|client|account/.test(t)) return 'customers';
  if (/regist/.test(t)) return 'registered clients';
  if (/partner/.test(t)) return 'partners';
  if (/internal|private/.test(t)) return 'internal callers';
  if (/request/.test(t)) return 'those who ask for it';
  return 'signed-in callers';
}

/** The same switches written in code: `public bool PublishEndpointDirectory { get; set; } = false;`, `PUBLISH_SERVICE_BASE_URLS = False`. */
function checkCodeSettings(ctx: CodeContext, report: (at: Span, messageId: string, data: Record<string, string>) => void): void {
  for (const s of codeSettings(ctx.code)) {
    const bool = codeBoolean(ctx.code, s);
    const text = bool === undefined ? stringValue(ctx.code, s.value) : undefined;
    if (bool === undefined && text === undefined) continue;
    // Reading a setting is not writing it: `if (options.publishEndpoints === false)` has no setting here.
    if (s.parent.some((w) => /^(where|filter|find|query|get)$/.test(w))) continue;
    const verdict = judgeSetting(s.words, s.context, bool, text);
    if (verdict) report(s.at, verdict.messageId, { name: s.name, value: bool === undefined ? String(text) : String(bool), ...verdict.data });
  }
}
