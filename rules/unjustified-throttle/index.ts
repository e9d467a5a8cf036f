/**
 * The `unjustified-throttle` rule: rate limits, artificial sleeps, long `Retry-After` values and
 * queue holds on EHI access paths, in code and in gateway and server configuration. Documented in
 * `meta.docs` (docs/rules/unjustified-throttle.md).
 */
import type { CodeModel } from '../../server/src/core/code-model';
import type { CallNode, ClassNode, FunctionNode, IrNode } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';
import { CodeContext, defineRule, Report } from '../../server/src/core/rule';
import { classifyName, classifyPaths, ehiContext, enclosingHandler, handlerFor, Handler, isEhiPathLiteral } from '../../server/src/domain/access-path';
import { Registration, routeRegistrations } from '../../server/src/frameworks/routes';
import { delayOf, isOutboundBackoff, isOutboundCall, scheduledJobOf } from '../../server/src/analysis/calls';
import { statusOf, statusValue } from '../../server/src/analysis/responses';
import { checkConfig } from './config';
import { checkPolicyDefinitions, policyDefined } from './aspnet';
import { checkDrfThrottleField, checkFastifyPlugin, checkGatewayRoute, checkThrottleRates } from './libraries';
import { clipped, decoratorName, ehiRoutesInFile, isExempt, Reporter } from './shared';
import { isResultReleaseJob, OTHER_PURPOSE } from '../../server/src/domain/result-release';
import { containsRequesterChoice, requesterBranchOf } from '../../server/src/domain/requester';
import { argument, calleeLast, calleeName, callSite, dotted, durationMs, identifierWords, numberValue, resolve, stringValue } from '../../server/src/analysis/values';

/** Functions and constructors that create a request limiter. */
const LIMITER_FACTORY =
  /^(rateLimit|rateLimiter|RateLimit|RateLimiter|expressRateLimit|slowDown|speedLimiter|throttle|createRateLimiter|createLimiter|RateLimiterMemory|RateLimiterRedis|RateLimiterMongo|RateLimiterPostgres|RateLimiterCluster|fastifyRateLimit|koaRatelimit|ratelimit)$/;
const LIMITER_NAME = /(rate_?limit|ratelimit|limiter|throttl|slow_?down|speed_?limit)/i;
const LIMITER_DECORATOR = /^(Throttle|RateLimiter|RateLimit|EnableRateLimiting|ratelimit|rate_limit|throttle|throttle_classes|limit|shared_limit|Throttled)$/;
const QUEUE_HOLD_MS = 3_600_000;
/** Shorter pauses are jitter (against retry storms), not a hold on access. */
const MIN_SLEEP_MS = 1000;

function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return 'an unstated time';
  if (ms >= 86_400_000 && ms % 86_400_000 === 0) return `${ms / 86_400_000} day${ms === 86_400_000 ? '' : 's'}`;
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} hour${ms === 3_600_000 ? '' : 's'}`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${+(ms / 1000).toFixed(1)} s`;
  return `${ms} ms`;
}

export default defineRule({
  meta: {
    id: 'unjustified-throttle',
    title: 'Throttle or delay on an EHI access path',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'yaml', 'json', 'xml', 'properties', 'nginx'],
    exceptions: ['health-it-performance', 'security'],
    triggers: [
      'ratelimit',
      'rate_limit',
      'rate-limit',
      'limiter',
      'throttl',
      'slowdown',
      'slow_down',
      'slow-down',
      'speedlimit',
      'sleep',
      'settimeout',
      'delay(',
      'delay:',
      'wait(',
      'pause(',
      'retry-after',
      'retry_after',
      'retryafter',
      'bucket4j',
      'bandwidth',
      'quota',
      'limit_req',
      'limit_conn',
      'limit_rate',
      'countdown',
      'enqueue_in',
      'backgroundjob',
      '.schedule(',
      'schedulejob',
      'default_limits',
      'application_limits',
      '429',
      'toomanyrequests',
      'too_many_requests',
    ],
    options: {
      retryAfterSeconds: {
        type: 'integer',
        description: 'A `Retry-After` of this many seconds or more on an EHI access path is flagged; shorter ones are ordinary back-pressure.',
        default: 60,
        minimum: 1,
      },
    },
    messages: {
      limiter: '{what} rate-limits {evidence}, an EHI access path, with no documented exception.',
      globalLimiter: '{what} rate-limits every route of the app, including {evidence}, with no documented exception.',
      sleep: '{what} delays {evidence} by {duration} with no documented exception.',
      retryAfter: 'Retry-After of {seconds} s on {evidence} keeps clients away with no documented exception.',
      queueHold: '{what} holds {job} for {duration} before it runs, with no documented exception.',
      tooManyRequests: '{what} answers 429 on {evidence}, an EHI access path, with no documented exception.',
      configLimit: '{what} limits requests to {scope}, an EHI access path, with no documented exception.',
      configGlobalLimit: '{what} limits every route, including {scope}, with no documented exception.',
    },
    docs: {
      summary:
        'Flags rate limits, artificial sleeps, long `Retry-After` values and queue holds on EHI access paths (FHIR routes, patient and app APIs, records requests, bulk export, Mirth channels) that have no documented exception, in code and in gateway, proxy and server configuration.',
      why:
        'Interference includes slowing or degrading access, not only refusing it (45 CFR 171.102, “interfere”). A throttle on a patient API or a FHIR endpoint makes access slower and costlier for patients and their apps. It is lawful only as a documented Health IT Performance exception (171.205: time-limited, in response to a measured performance problem, applied consistently and not to favour the actor’s own apps) or Security exception (171.203: tailored to a specific security risk, consistent with an organizational policy or a documented case-by-case determination), and in both cases only if documented at the time.',
      fix:
        'Remove the limit or delay from the EHI path, or scope it to what the exception allows (a per-app limit against an app that is degrading performance, a limit on sign-in). If it is deliberate, document it with an `ehi-exception: health-it-performance` or `ehi-exception: security` annotation above the construct (for an ASP.NET Core policy: above its definition; for a JSON file: an entry in `ehi-exceptions.yaml`), and log each time it restricts a request.',
      covers: [
        'Express/Koa middleware limiters (`express-rate-limit`, `express-slow-down`, `rate-limiter-flexible`) on EHI routes or app-wide; `@fastify/rate-limit` per-route `config.rateLimit` and as a plugin (app-wide or in an encapsulated plugin with an EHI prefix).',
        'NestJS `@Throttle` and `@UseGuards(ThrottlerGuard)` on EHI controllers and handlers (`@SkipThrottle` exempts them).',
        'Spring: Resilience4j `@RateLimiter` on EHI handlers, long `Retry-After` set in their `fallbackMethod`, and `resilience4j.ratelimiter.instances.<name>` whose name is about EHI; Resilience4j `RateLimiter.acquirePermission()` and Guava/Bucket4j `acquire`/`tryConsume` in EHI handlers (not before an outbound call); Bucket4j `Bandwidth.classic`/`simple`/`builder` and `Bucket.builder().addLimit` in EHI filters and HAPI interceptors; Spring Cloud Gateway `requestRateLimiter` in the Java route DSL.',
        'ASP.NET Core rate limiting: `AddFixedWindowLimiter`, `AddSlidingWindowLimiter`, `AddTokenBucketLimiter`, `AddConcurrencyLimiter` and `AddPolicy` reported at the definition, with the EHI endpoints that apply them (`RequireRateLimiting`, `[EnableRateLimiting]`, in any file of the project) as related places; `GlobalLimiter`.',
        'Python: Flask-Limiter and slowapi `@limiter.limit` (rates from constants in other modules) and `Limiter(default_limits=...)`; django-ratelimit `@ratelimit`; Django REST framework `throttle_classes`, `throttle_scope`, throttle classes with their own `rate`, and `DEFAULT_THROTTLE_RATES` entries for EHI scopes.',
        'Sleeps and delays (`Thread.sleep`, `TimeUnit.*.sleep`, `Task.Delay`, `time.sleep`, `setTimeout` promises) of a second or more in EHI handlers, HAPI FHIR server interceptors (`SERVER_INCOMING_REQUEST_PRE_HANDLED` and the other server pointcuts) and Mirth channel scripts; `Retry-After` of `retryAfterSeconds` or more; 429 responses written by EHI handlers and middleware; queue holds (BullMQ `delay`, Celery `countdown`) of an hour or more on EHI jobs.',
        'Config: Kong `rate-limiting` plugins on services and routes; Spring Cloud Gateway `RequestRateLimiter` filters on routes and in `default-filters` (`application.yml`); servlet `filter-mapping`s of limiter filters (`web.xml`); bucket4j-spring-boot-starter `filters[].rate-limits` (`.properties`/YAML).',
        'Config: Envoy `envoy.filters.http.local_ratelimit` token buckets per route (`typed_per_filter_config`) and in the listener’s `http_filters`, and route `rate_limits` actions.',
        'Config: Azure API Management policy XML `rate-limit`, `rate-limit-by-key`, `quota`, `quota-by-key`, scoped by nested `<api>`/`<operation>`, `<when>` path conditions, the backend URL or the APIOps `apis/<api>/` folder (the all-APIs policy is not reported).',
        'Config: AWS API Gateway in `serverless.yml` (`provider.apiGateway.usagePlan` quota and throttle, per-endpoint `throttling`, `custom.apiGatewayThrottling`) and in SAM and CloudFormation templates, YAML or JSON (`MethodSettings` throttling by `ResourcePath`, HTTP API `DefaultRouteSettings` and `RouteSettings` by route key, `Throttle`/`Quota` of `AWS::ApiGateway::UsagePlan` and SAM `Auth.UsagePlan` on an API whose name, resources or function events are about EHI).',
        'Config: AspNetCoreRateLimit `IpRateLimiting`/`ClientRateLimiting` `GeneralRules` and `ClientRules`/`IpRules` policies in `appsettings.json`; Resilience4j `resilience4j.ratelimiter.instances.<name>` whose name is about EHI.',
        'Config: NGINX (`nginx.conf`, `conf.d/*.conf`, `sites-enabled/*`, recognised by content) `limit_req`, `limit_conn` and `limit_rate` in `location` blocks for EHI paths, or in `server`/`http` blocks whose EHI locations inherit them (also inside `if`, and on `/` of a server whose `server_name` is about EHI; the `limit_req_zone` as related place).',
      ],
      notFlagged: [
        'Limits on sign-in, token, OTP, password-reset and other authentication endpoints: brute-force protection is security, not blocking.',
        'Back-off and sleeps in outbound clients that retry someone else’s server (inside a retry loop or catch around an outbound call, a HAPI client interceptor, a Mirth destination calling another system).',
        'Limiters whose routes are not visible and whose names say nothing about EHI (a global limit in a file or gateway config that registers no EHI route, an APIM all-APIs policy, a usage plan on a non-EHI API, an ASP.NET Core policy no EHI endpoint uses).',
        'Limits chosen by who the requestor is (partner status, third-party or first-party apps): `discriminatory-terms` reports them.',
        'Global framework defaults that apply to every API alike with no EHI path in view: DRF `anon`/`user` rates, NestJS `ThrottlerModule.forRoot` with a global `ThrottlerGuard`, AspNetCoreRateLimit `Endpoint: "*"`, Resilience4j `configs.default`, an Envoy `local_ratelimit` filter without a bucket of its own.',
        'Limits with a documented exception (an `ehi-exception` annotation or a register entry).',
      ],
      examples: [
        {
          language: 'typescript',
          flagged: "const limiter = rateLimit({ windowMs: 60_000, max: 5 });\napp.get('/fhir/Patient/:id', limiter, readPatient);",
          fixed:
            "// ehi-exception: health-it-performance\n//   reason: Per-app limit while the search index is rebuilt\n//   kind: third-party-app-impact\n//   max-duration: P7D\n//   owner: fhir-platform-team\n//   review-by: 2027-06-30\napp.get('/fhir/Patient/:id', limiter, readPatient);",
        },
        {
          language: 'yaml',
          flagged: 'services:\n  - name: fhir\n    routes:\n      - paths: [/fhir]\n    plugins:\n      - name: rate-limiting\n        config: { minute: 5 }',
          fixed: 'services:\n  - name: auth\n    routes:\n      - paths: [/oauth2/token]\n    plugins:\n      - name: rate-limiting\n        config: { minute: 5 }',
        },
        {
          language: 'nginx',
          flagged: 'server {\n    location /fhir/ {\n        limit_req zone=fhir burst=5;\n        proxy_pass http://fhir_backend;\n    }\n}',
          fixed: 'server {\n    location /fhir/ {\n        proxy_pass http://fhir_backend;\n    }\n    location = /oauth2/token {\n        limit_req zone=login burst=3;\n        proxy_pass http://identity;\n    }\n}',
        },
      ],
    },
    version: 3,
  },

  code(ctx) {
    const { code } = ctx;
    const reported = new Set<IrNode>();
    /** Functions that already have a throttle finding: a 429 in them is that throttle's answer, not another one. */
    const reportedFunctions = new Set<IrNode>();
    const reportedClasses = new Set<IrNode>();
    const tooMany: { node: IrNode; what: string }[] = [];
    const report = (r: Report, node: IrNode): void => {
      if (reported.has(node)) return;
      // A limit chosen by who the requestor is (`isPartner ? 1000 : 10`) is `discriminatory-terms`'s: one construct, one finding.
      if (containsRequesterChoice(code, node) || requesterBranchOf(node)) return;
      reported.add(node);
      const fn = code.enclosingFunction(node);
      if (fn) reportedFunctions.add(fn);
      const cls = code.enclosingClass(node);
      if (cls) reportedClasses.add(cls);
      ctx.report(clipped(r));
    };
    const retryAfterLimit = ctx.ruleOptions.retryAfterSeconds;
    return {
      call(call) {
        if (call.isDecorator) return checkDecorator(ctx, call, report);
        checkSleep(ctx, call, report);
        checkRetryAfter(ctx, call, retryAfterLimit, report);
        checkQueueHold(ctx, call, report);
        checkLimiterUse(ctx, call, report);
        checkGatewayRoute(ctx, call, report);
        checkFastifyPlugin(ctx, call, report);
        if (statusOf(code, call) === 429) tooMany.push({ node: call, what: `\`${calleeName(call).replace(/\(\)/g, '(…)')}(429)\`` });
      },
      assign(node) {
        checkRetryAfterAssignment(ctx, node.target, node.value, retryAfterLimit, report, node);
        if (node.target.kind === 'member' && /^(statusCode|StatusCode|status_code|status)$/.test(node.target.property) && statusValue(code, node.value) === 429) {
          tooMany.push({ node, what: `\`${dotted(node.target)} = 429\`` });
        }
        if (node.target.kind === 'member' && node.target.property === 'GlobalLimiter') checkGlobal(ctx, node, 'GlobalLimiter', report);
      },
      object(node) {
        checkThrottleRates(ctx, node, report);
      },
      variable(node) {
        checkDrfThrottleField(ctx, node, report);
        // DRF: throttle_classes = [UserRateThrottle] on an EHI view set.
        if (node.isField && node.name === 'throttle_classes' && node.value) {
          const cls = code.enclosingClass(node);
          if (cls && classifyName(cls.name) === 'ehi' && !(node.value.kind === 'array' && node.value.elements.length === 0)) {
            report({ at: node, messageId: 'limiter', data: { what: '`throttle_classes`', evidence: `view ${cls.name}` } }, node);
          }
        }
      },
      end() {
        checkRegistrations(ctx, report);
        checkPolicyDefinitions(ctx, report);
        for (const { node, what } of tooMany) {
          const fn = code.enclosingFunction(node);
          const cls = code.enclosingClass(node);
          if ((!fn || !reportedFunctions.has(fn)) && (!cls || !reportedClasses.has(cls))) checkTooManyRequests(ctx, node, what, report);
        }
      },
    };
  },

  config(ctx) {
    const clipping = Object.create(ctx) as typeof ctx;
    clipping.report = (r) => ctx.report(clipped(r));
    checkConfig(clipping);
  },
});


/* ---------- code ---------- */

function handlerOfDecorated(ctx: CodeContext, decorator: CallNode): { handler?: Handler; cls?: ClassNode; fn?: FunctionNode } {
  const owner = decorator.parent;
  if (owner?.kind === 'function') return { handler: handlerFor(ctx.code, owner), fn: owner };
  if (owner?.kind === 'class') return { cls: owner };
  return {};
}



function checkDecorator(ctx: CodeContext, d: CallNode, report: Reporter): void {
  const name = decoratorName(d);
  // NestJS: `@UseGuards(ThrottlerGuard)` applies the throttler to a controller or handler.
  const guard = name === 'UseGuards' && d.args.some((a) => /Throttler/.test(dotted(a.value)));
  if (!guard && !LIMITER_DECORATOR.test(name)) return;
  // ASP.NET Core: the policy's definition is the finding when the project shows it.
  if (name === 'EnableRateLimiting' && policyDefined(ctx, d)) return;
  // Flask-Limiter / slowapi: @limiter.limit("5/minute"); a bare @limit is too generic.
  if ((name === 'limit' || name === 'shared_limit') && !(d.callee.kind === 'member' && LIMITER_NAME.test(dotted(d.callee.object)))) return;
  if (name === 'throttle' && ctx.code.language !== 'python') return;
  const { handler, cls, fn } = handlerOfDecorated(ctx, d);
  const what = guard ? '`@UseGuards(ThrottlerGuard)`' : `\`${ctx.code.textOf(d).split('(')[0].replace(/^\[/, '')}\``;
  if (fn) {
    if (isExempt(fn.decorators)) return;
    const h = handler ?? classHandler(ctx, ctx.code.enclosingClass(fn));
    if (h?.classification === 'ehi') report({ at: d, messageId: 'limiter', data: { what, evidence: h.evidence } }, d);
    return;
  }
  if (cls) {
    if (isExempt(cls.decorators)) return;
    const h = classHandler(ctx, cls);
    if (h?.classification === 'ehi') report({ at: d, messageId: 'limiter', data: { what, evidence: h.evidence } }, d);
  }
}

/** A class as a whole: its methods' routes, or its name (a controller, view set, filter). */
function classHandler(ctx: CodeContext, cls: ClassNode | undefined): Handler | undefined {
  if (!cls) return undefined;
  for (const m of cls.members) {
    if (m.kind !== 'function' || isExempt(m.decorators)) continue;
    const h = handlerFor(ctx.code, m);
    if (h?.classification === 'ehi') return h;
  }
  const literal = ehiPathLiteralIn(cls);
  if (literal) return { routes: [], classification: 'ehi', evidence: `path ${literal}` };
  return classifyName(cls.name) === 'ehi' ? { routes: [], classification: 'ehi', evidence: `${cls.name}` } : undefined;
}

function ehiPathLiteralIn(node: IrNode): string | undefined {
  let found: string | undefined;
  walk(node, (n) => {
    if (found) return false;
    if (n.kind === 'string' && isEhiPathLiteral(n.value)) found = n.value;
  });
  return found;
}

/** A 429 response in an EHI handler or middleware: a throttle, whatever library (or none) decides it. Reported once per function. */
function checkTooManyRequests(ctx: CodeContext, node: IrNode, what: string, report: Reporter): void {
  const handler = ehiContext(ctx.code, node);
  if (handler?.classification !== 'ehi') return;
  // Middleware often has one 429 writer per reason; one finding per class is the throttle.
  const owner = (handler.routes.length === 0 ? ctx.code.enclosingClass(node) : undefined) ?? ctx.code.enclosingFunction(node) ?? node;
  report({ at: node, messageId: 'tooManyRequests', data: { what, evidence: handler.evidence } }, owner);
}

function checkSleep(ctx: CodeContext, call: CallNode, report: Reporter): void {
  const delay = delayOf(ctx.code, call);
  if (!delay || (delay.ms !== undefined && delay.ms < MIN_SLEEP_MS)) return;
  if (isOutboundBackoff(call)) return;
  const handler = enclosingHandler(ctx.code, call);
  if (handler?.classification !== 'ehi') return;
  const at = delay.kind === 'timer' ? promiseAround(call) ?? call : call;
  report({ at, messageId: 'sleep', data: { what: `\`${calleeName(call)}\``, evidence: handler.evidence, duration: formatDuration(delay.ms) } }, at);
}

function promiseAround(call: CallNode): IrNode | undefined {
  for (let p = call.parent; p; p = p.parent) if (p.kind === 'call' && p.isNew) return p.parent?.kind === 'unary' ? p.parent : p;
  return undefined;
}

function isRetryAfterName(text: string | undefined): boolean {
  return !!text && /^retry[-_]?after$/i.test(text.replace(/^HttpHeaders\.|^HeaderNames\./, ''));
}

function checkRetryAfter(ctx: CodeContext, call: CallNode, limitSeconds: number, report: Reporter): void {
  const last = calleeLast(call);
  if (!/^(set|setHeader|header|addHeader|append|Append|Add|TryAddWithoutValidation|set_header|headers)$/.test(last) || call.args.length < 2) return;
  const nameNode = call.args[0].value;
  const name = stringValue(ctx.code, nameNode) ?? (nameNode.kind === 'member' ? nameNode.property : undefined);
  if (!isRetryAfterName(name)) return;
  reportRetryAfter(ctx, call, call.args[1].value, limitSeconds, report, callSite(call));
}

function checkRetryAfterAssignment(ctx: CodeContext, target: IrNode, value: IrNode, limitSeconds: number, report: Reporter, at: IrNode): void {
  let name: string | undefined;
  if (target.kind === 'index') name = stringValue(ctx.code, target.index) ?? (target.index.kind === 'member' ? target.index.property : undefined);
  else if (target.kind === 'member') name = target.property;
  if (!isRetryAfterName(name)) return;
  reportRetryAfter(ctx, at, value, limitSeconds, report);
}

function reportRetryAfter(ctx: CodeContext, at: IrNode, value: IrNode, limitSeconds: number, report: Reporter, span: { start: number; end: number } = at): void {
  const seconds = numberValue(ctx.code, value) ?? numberValue(ctx.code, resolve(ctx.code, value)) ?? secondsFromCall(ctx.code, value);
  if (seconds === undefined || seconds < limitSeconds) return;
  // A handler, the middleware or filter around EHI routes, or the fallback of a limited handler.
  const handler = fallbackOf(ctx, at) ?? ehiContext(ctx.code, at);
  if (handler?.classification !== 'ehi') return;
  report({ at: span, messageId: 'retryAfter', data: { seconds, evidence: handler.evidence } }, at);
}

/**
 * Resilience4j (and Hystrix-style) fallbacks: a method named as the `fallbackMethod` of a
 * `@RateLimiter`/`@CircuitBreaker`/`@Bulkhead` answers for the handler it backs.
 */
function fallbackOf(ctx: CodeContext, node: IrNode): Handler | undefined {
  const fn = ctx.code.enclosingNamedFunction(node);
  const cls = fn && ctx.code.enclosingClass(fn);
  if (!fn?.name || !cls) return undefined;
  for (const m of cls.members) {
    if (m.kind !== 'function' || m === fn) continue;
    const names = m.decorators.filter((d) => /^(RateLimiter|CircuitBreaker|Bulkhead|TimeLimiter|Retry)$/.test(decoratorName(d))).map((d) => stringValue(ctx.code, argument(d, -1, 'fallbackMethod')?.value));
    if (!names.includes(fn.name)) continue;
    const h = handlerFor(ctx.code, m);
    if (h) return { ...h, evidence: `${h.evidence} (fallback ${fn.name})` };
  }
  return undefined;
}

function secondsFromCall(model: CodeModel, node: IrNode): number | undefined {
  // `String.valueOf(3600)`, `str(3600)`, `3600.ToString()`, `TimeSpan.FromHours(1)`.
  if (node.kind !== 'call') return undefined;
  const inner = node.args[0]?.value ?? (node.callee.kind === 'member' ? node.callee.object : undefined);
  const n = numberValue(model, inner);
  if (n !== undefined) return n;
  const ms = durationMs(model, node);
  return ms === undefined ? undefined : ms / 1000;
}

/** Purposes of a delayed job other than answering a request for EHI (syncing and batching an export still count). */
const QUEUE_OTHER_PURPOSE = new Set([...[...OTHER_PURPOSE].filter((w) => w !== 'sync' && w !== 'batch'), 'emails', 'mail', 'mailer', 'push', 'digest', 'banner', 'message', 'messages', 'text', 'statement', 'statements', 'billing', 'bill', 'warm', 'reindex', 'prune', 'delete']);

function checkQueueHold(ctx: CodeContext, call: CallNode, report: Reporter): void {
  const job = scheduledJobOf(ctx.code, call);
  if (!job || job.ms === undefined || job.ms < QUEUE_HOLD_MS || !job.job) return;
  // Holding a job that releases results to patients is a release embargo: release-delay reports it.
  if (isResultReleaseJob(`${job.job} ${job.queue}`)) return;
  if (classifyName(job.job.replace(/[^A-Za-z0-9_]/g, ' ')) !== 'ehi' && classifyName(job.queue) !== 'ehi') return;
  // A held job that only tells the patient, tidies up or bills (`notify_new_results`, `result-ready-email`,
  // `purge_expired_exports`, `generate_patient_statement`, `refreshPatientCache`) answers no request for EHI.
  if (identifierWords(`${job.job} ${job.queue}`).some((w) => QUEUE_OTHER_PURPOSE.has(w))) return;
  report({ at: call, messageId: 'queueHold', data: { what: `\`${calleeName(call)}\``, job: `\`${job.job.slice(0, 60)}\``, duration: formatDuration(job.ms) } }, call);
}

/** Bucket4j buckets, Guava limiters and ASP.NET Core policies used inside an EHI handler or filter. */
function checkLimiterUse(ctx: CodeContext, call: CallNode, report: Reporter): void {
  const name = calleeName(call);
  const last = calleeLast(call);
  const isBandwidth = BANDWIDTH.test(name);
  const isBucket = isBandwidth || (last === 'addLimit' || /^(Bucket|Bucket4j)\.builder$/.test(name) && !hasAddLimitAbove(call)) && !definesBandwidth(ctx.code.enclosingClass(call) ?? ctx.code.root);
  const isAcquire = /^(acquire|tryAcquire|tryConsume|consume|AttemptAcquire|AcquireAsync|removeTokens|tryRemoveTokens|acquirePermission)$/.test(last) && call.callee.kind === 'member' && LIMITER_NAME.test(dotted(call.callee.object)) || (/^(tryConsume|tryConsumeAndReturnRemaining)$/.test(last) && call.callee.kind === 'member');
  const isRequire = last === 'RequireRateLimiting';
  if (isRequire) {
    if (policyDefined(ctx, call)) return;
    const target = call.callee.kind === 'member' ? call.callee.object : undefined;
    const reg = target ? registrationFor(ctx.code, target) : undefined;
    if (reg && classifyPaths([reg.path]) === 'ehi') {
      report({ at: callSite(call), messageId: 'limiter', data: { what: `\`RequireRateLimiting(${ctx.code.textOf(call.args[0]?.value ?? call).slice(0, 40)})\``, evidence: `route ${reg.path}` } }, call);
    } else if (target && groupPathOf(ctx.code, target)) {
      const path = groupPathOf(ctx.code, target)!;
      if (classifyPaths([path]) === 'ehi') report({ at: callSite(call), messageId: 'limiter', data: { what: '`RequireRateLimiting`', evidence: `route group ${path}` } }, call);
    }
    return;
  }
  if (!isBucket && !isAcquire) return;
  if (isAcquire && nextStatementCallsOut(call)) return;
  // One throttle, one finding: a bucket built in the same class is reported where it is built.
  if (isAcquire && buildsLimiter(ctx.code.enclosingClass(call))) return;
  const context = ehiContext(ctx.code, call);
  if (!context) return;
  const what = isBandwidth ? `Bucket4j \`${name}\`` : isBucket ? '`Bucket4j` bucket' : `\`${name}\``;
  report({ at: callSite(call), messageId: 'limiter', data: { what, evidence: context.evidence } }, call);
}

const BANDWIDTH = /^(Bandwidth\.(simple|classic|builder)|BandwidthBuilder\.builder)$/;

function buildsLimiter(cls: ClassNode | undefined): boolean {
  if (!cls) return false;
  let found = false;
  walk(cls, (n) => {
    if (found) return false;
    if (n.kind === 'call' && (calleeLast(n) === 'addLimit' || /^(Bucket|Bucket4j)\.builder$/.test(calleeName(n)) || BANDWIDTH.test(calleeName(n)))) found = true;
  });
  return found;
}

/** A Bucket4j `Bandwidth` is built in this class: the limit is reported there, not at the bucket that holds it. */
function definesBandwidth(scope: IrNode): boolean {
  let found = false;
  walk(scope, (n) => {
    if (found) return false;
    if (n.kind === 'call' && BANDWIDTH.test(calleeName(n))) found = true;
  });
  return found;
}

function hasAddLimitAbove(call: CallNode): boolean {
  for (let p = call.parent; p; p = p.parent) if (p.kind === 'call' && calleeLast(p) === 'addLimit') return true;
  return false;
}

/** `limiter.acquire(); return restTemplate.getForObject(...)`: throttling our own outbound calls. */
function nextStatementCallsOut(call: CallNode): boolean {
  let statement: IrNode = call;
  while (statement.parent && statement.parent.kind !== 'block') statement = statement.parent;
  const block = statement.parent;
  if (block?.kind !== 'block') return false;
  const index = block.body.indexOf(statement);
  const next = block.body[index + 1];
  if (!next) return false;
  let outbound = false;
  walk(next, (n) => {
    if (outbound) return false;
    if (n.kind === 'call' && isOutboundCall(n)) outbound = true;
  });
  return outbound;
}

function registrationFor(model: CodeModel, node: IrNode): Registration | undefined {
  if (node.kind !== 'call') return undefined;
  return routeRegistrations(model).find((r) => r.call === node);
}

function groupPathOf(model: CodeModel, node: IrNode): string | undefined {
  const value = resolve(model, node);
  if (value?.kind === 'call' && calleeLast(value) === 'MapGroup') return stringValue(model, value.args[0]?.value);
  return undefined;
}

function isLimiterExpression(model: CodeModel, node: IrNode): boolean {
  if (node.kind === 'call') return LIMITER_FACTORY.test(calleeLast(node)) || LIMITER_NAME.test(calleeName(node));
  if (node.kind === 'name' || node.kind === 'member') {
    const value = resolve(model, node);
    if (value && value !== node && value.kind === 'call') return isLimiterExpression(model, value);
    return LIMITER_NAME.test(dotted(node).split('.').pop() ?? '');
  }
  return false;
}

/** Express/Fastify/Koa: limiters passed as middleware to EHI routes, or installed app-wide. */
function checkRegistrations(ctx: CodeContext, report: Reporter): void {
  const registrations = routeRegistrations(ctx.code);
  const ehiRoutes = registrations.filter((r) => r.methods.length > 0 && classifyPaths([r.path]) === 'ehi');
  for (const reg of registrations) {
    for (const m of reg.middleware) {
      const fastifyOption = m.kind === 'object' ? fastifyRateLimit(m) : undefined;
      if (!fastifyOption && !isLimiterExpression(ctx.code, m)) continue;
      const at = fastifyOption ?? m;
      const what = `\`${ctx.code.textOf(at).split('(')[0].slice(0, 40)}\``;
      const definition = m.kind === 'name' ? resolve(ctx.code, m) : undefined;
      const related = definition && definition !== m ? [{ at: definition, message: 'the limiter is defined here' }] : [];
      if (reg.path && classifyPaths([reg.path]) === 'ehi') {
        const method = reg.methods.length === 1 ? `${reg.methods[0]} ` : '';
        report({ at, messageId: 'limiter', data: { what, evidence: `route ${method}${reg.path}` }, related }, at);
      } else if (!reg.path && ehiRoutes.length > 0 && reg.methods.length === 0) {
        report({ at, messageId: 'globalLimiter', data: { what, evidence: `route ${ehiRoutes[0].path}` }, related }, at);
      }
    }
  }
  // Flask-Limiter / slowapi: Limiter(..., default_limits=[...]) applies to every route not exempted.
  walk(ctx.code.root, (n) => {
    if (n.kind !== 'call' || n.isDecorator || calleeLast(n) !== 'Limiter' || !argument(n, -1, 'default_limits', 'application_limits')) return;
    checkGlobal(ctx, n, '`Limiter(default_limits=...)`', report);
  });
}

function fastifyRateLimit(options: IrNode): IrNode | undefined {
  if (options.kind !== 'object') return undefined;
  const config = options.properties.find((p) => p.key === 'config')?.value;
  const inner = config?.kind === 'object' ? config.properties.find((p) => p.key === 'rateLimit')?.value : undefined;
  return inner && inner.kind !== 'boolean' ? inner : undefined;
}

function checkGlobal(ctx: CodeContext, node: IrNode, what: string, report: Reporter): void {
  const ehi = ehiRoutesInFile(ctx);
  if (!ehi) return;
  report({ at: node, messageId: 'globalLimiter', data: { what: what.startsWith('`') ? what : `\`${what}\``, evidence: ehi } }, node);
}

