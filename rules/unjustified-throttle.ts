/**
 * The `unjustified-throttle` rule: rate limits, artificial sleeps, long `Retry-After` values and
 * queue holds on EHI access paths, in code and in gateway and server configuration. Documented in
 * `meta.docs` (docs/rules/unjustified-throttle.md).
 */
import type { CodeModel } from '../server/src/core/code-model';
import { ConfigNode, descendants, entriesBelow, items, scalarNumber, scalarString } from '../server/src/core/formats/tree';
import type { CallNode, ClassNode, FunctionNode, IrNode } from '../server/src/core/ir';
import { walk } from '../server/src/core/ir';
import { CodeContext, defineRule, Report } from '../server/src/core/rule';
import { classifyName, classifyPaths, ehiContext, ehiPathsIn, enclosingHandler, handlerFor, Handler, isEhiPathLiteral } from '../server/src/domain/access-path';
import { Registration, routeRegistrations } from '../server/src/frameworks/routes';
import { delayOf, isOutboundBackoff, isOutboundCall, scheduledJobOf } from '../server/src/analysis/calls';
import { statusOf, statusValue } from '../server/src/analysis/responses';
import { scopeOf } from '../server/src/frameworks/config-scope';
import { isResultReleaseJob } from '../server/src/domain/result-release';
import { containsRequesterChoice } from '../server/src/domain/requester';
import { argument, calleeLast, calleeName, callSite, dotted, durationMs, numberValue, resolve, stringValue } from '../server/src/analysis/values';

const LAWFUL =
  'It is lawful only as a documented Health IT Performance (45 CFR 171.205: time-limited, for a measured performance problem) or Security (171.203: tailored to a specific risk) exception.';

/** Functions and constructors that create a request limiter. */
const LIMITER_FACTORY =
  /^(rateLimit|rateLimiter|RateLimit|RateLimiter|expressRateLimit|slowDown|speedLimiter|throttle|createRateLimiter|createLimiter|RateLimiterMemory|RateLimiterRedis|RateLimiterMongo|RateLimiterPostgres|RateLimiterCluster|fastifyRateLimit|koaRatelimit|ratelimit)$/;
const LIMITER_NAME = /(rate_?limit|ratelimit|limiter|throttl|slow_?down|speed_?limit)/i;
const LIMITER_DECORATOR = /^(Throttle|RateLimiter|RateLimit|EnableRateLimiting|ratelimit|rate_limit|throttle|throttle_classes|limit|shared_limit|Throttled)$/;
const EXEMPT_DECORATOR = /^(SkipThrottle|DisableRateLimiting|exempt|AllowAnonymousRateLimit)$/;
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
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'yaml', 'json', 'xml', 'properties'],
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
      limiter: '{what} rate-limits {evidence}, an EHI access path, with no documented exception. ' + LAWFUL,
      globalLimiter: '{what} rate-limits every route of this app, including {evidence}, with no documented exception. ' + LAWFUL,
      sleep: '{what} holds the response of {evidence} for {duration}: an artificial delay on an EHI access path. ' + LAWFUL,
      retryAfter: 'Retry-After of {seconds} s on {evidence} tells clients to stay away from an EHI access path that long. ' + LAWFUL,
      queueHold: '{what} holds {job} for {duration} before it runs: a queue hold on EHI access. ' + LAWFUL,
      tooManyRequests: '{what} answers 429 Too Many Requests on {evidence}: a throttle on an EHI access path, with no documented exception. ' + LAWFUL,
      configLimit: '{what} limits requests to {scope}, an EHI access path, with no documented exception. ' + LAWFUL,
      configGlobalLimit: '{what} limits every route, including {scope}, with no documented exception. ' + LAWFUL,
    },
    docs: {
      summary:
        'Flags rate limits, artificial sleeps, long `Retry-After` values and queue holds on EHI access paths (FHIR routes, patient and app APIs, records requests, bulk export, Mirth channels) that have no documented exception.',
      why:
        'Interference includes slowing or degrading access, not only refusing it (45 CFR 171.102, “interfere”). A throttle on a patient API or a FHIR endpoint makes access slower and costlier for patients and their apps. It can be lawful under the Health IT Performance exception (171.205) when it responds to a measured performance problem and is time-limited, or under the Security exception (171.203) when it is tailored to a specific risk, and in both cases only if documented at the time.',
      fix:
        'Remove the limit or delay from the EHI path, or scope it to what the exception allows (a per-app limit against an app that is degrading performance, a limit on sign-in). If it is deliberate, document it with an `ehi-exception: health-it-performance` or `ehi-exception: security` annotation above the construct, and log each time it restricts a request.',
      notFlagged: [
        'Limits on sign-in, token, password-reset and other authentication endpoints: brute-force protection is security, not blocking.',
        'Back-off and sleeps in outbound clients that retry someone else’s server (inside a retry loop or catch around an outbound call).',
        'Limiters whose routes are not visible in the file and whose names say nothing about EHI (a global limit in a file that registers no EHI route).',
        'Global throttle settings with no route (Django REST framework `DEFAULT_THROTTLE_RATES`, AspNetCoreRateLimit `Endpoint: "*"`): the file cannot tell whether an EHI path is behind them.',
        'NGINX `limit_req` and other formats the core does not parse.',
        'Limits chosen by who the requestor is (partner status, third-party or first-party apps): `discriminatory-terms` reports them.',
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
      ],
    },
    version: 2,
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
      if (containsRequesterChoice(code, node)) return;
      reported.add(node);
      const fn = code.enclosingFunction(node);
      if (fn) reportedFunctions.add(fn);
      const cls = code.enclosingClass(node);
      if (cls) reportedClasses.add(cls);
      ctx.report(r);
    };
    const retryAfterLimit = ctx.ruleOptions.retryAfterSeconds;
    return {
      call(call) {
        if (call.isDecorator) return checkDecorator(ctx, call, report);
        checkSleep(ctx, call, report);
        checkRetryAfter(ctx, call, retryAfterLimit, report);
        checkQueueHold(ctx, call, report);
        checkLimiterUse(ctx, call, report);
        if (statusOf(code, call) === 429) tooMany.push({ node: call, what: `\`${calleeName(call).replace(/\(\)/g, '(…)')}(429)\`` });
      },
      assign(node) {
        checkRetryAfterAssignment(ctx, node.target, node.value, retryAfterLimit, report, node);
        if (node.target.kind === 'member' && /^(statusCode|StatusCode|status_code|status)$/.test(node.target.property) && statusValue(code, node.value) === 429) {
          tooMany.push({ node, what: `\`${dotted(node.target)} = 429\`` });
        }
        if (node.target.kind === 'member' && node.target.property === 'GlobalLimiter') checkGlobal(ctx, node, 'GlobalLimiter', report);
      },
      variable(node) {
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
        for (const { node, what } of tooMany) {
          const fn = code.enclosingFunction(node);
          const cls = code.enclosingClass(node);
          if ((!fn || !reportedFunctions.has(fn)) && (!cls || !reportedClasses.has(cls))) checkTooManyRequests(ctx, node, what, report);
        }
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      const ehiPaths = ehiPathsIn(root);
      for (const node of descendants(root)) {
        const limiter = limiterIn(node);
        if (!limiter) continue;
        const scope = scopeOf(node);
        if (scope) {
          if (classifyPaths(scope.paths) !== 'ehi') continue;
          const ehi = [...new Set(scope.paths.filter((p) => classifyPaths([p]) === 'ehi'))];
          ctx.report({ at: limiter.at, messageId: 'configLimit', data: { what: limiter.what, scope: ehi.join(', ') } });
        } else if (limiter.global && ehiPaths.length > 0) {
          ctx.report({ at: limiter.at, messageId: 'configGlobalLimit', data: { what: limiter.what, scope: ehiPaths.slice(0, 3).join(', ') } });
        }
      }
    }
  },
});

type Reporter = (r: Report, node: IrNode) => void;

/* ---------- code ---------- */

function handlerOfDecorated(ctx: CodeContext, decorator: CallNode): { handler?: Handler; cls?: ClassNode; fn?: FunctionNode } {
  const owner = decorator.parent;
  if (owner?.kind === 'function') return { handler: handlerFor(ctx.code, owner), fn: owner };
  if (owner?.kind === 'class') return { cls: owner };
  return {};
}

function decoratorName(d: CallNode): string {
  return dotted(d.callee).split('.').pop() ?? '';
}

function isExempt(decorators: CallNode[]): boolean {
  return decorators.some((d) => EXEMPT_DECORATOR.test(decoratorName(d)));
}

function checkDecorator(ctx: CodeContext, d: CallNode, report: Reporter): void {
  const name = decoratorName(d);
  if (!LIMITER_DECORATOR.test(name)) return;
  // Flask-Limiter / slowapi: @limiter.limit("5/minute"); a bare @limit is too generic.
  if ((name === 'limit' || name === 'shared_limit') && !(d.callee.kind === 'member' && LIMITER_NAME.test(dotted(d.callee.object)))) return;
  if (name === 'throttle' && ctx.code.language !== 'python') return;
  const { handler, cls, fn } = handlerOfDecorated(ctx, d);
  const what = `\`${ctx.code.textOf(d).split('(')[0].replace(/^\[/, '')}\``;
  if (fn) {
    if (isExempt(fn.decorators)) return;
    const h = handler ?? classHandler(ctx, ctx.code.enclosingClass(fn));
    if (h?.classification === 'ehi') report({ at: d, messageId: 'limiter', data: { what, evidence: h.evidence } }, d);
    return;
  }
  if (cls) {
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
  reportRetryAfter(ctx, call, call.args[1].value, limitSeconds, report);
}

function checkRetryAfterAssignment(ctx: CodeContext, target: IrNode, value: IrNode, limitSeconds: number, report: Reporter, at: IrNode): void {
  let name: string | undefined;
  if (target.kind === 'index') name = stringValue(ctx.code, target.index) ?? (target.index.kind === 'member' ? target.index.property : undefined);
  else if (target.kind === 'member') name = target.property;
  if (!isRetryAfterName(name)) return;
  reportRetryAfter(ctx, at, value, limitSeconds, report);
}

function reportRetryAfter(ctx: CodeContext, at: IrNode, value: IrNode, limitSeconds: number, report: Reporter): void {
  const seconds = numberValue(ctx.code, value) ?? numberValue(ctx.code, resolve(ctx.code, value)) ?? secondsFromCall(ctx.code, value);
  if (seconds === undefined || seconds < limitSeconds) return;
  const handler = enclosingHandler(ctx.code, at);
  if (handler?.classification !== 'ehi') return;
  report({ at, messageId: 'retryAfter', data: { seconds, evidence: handler.evidence } }, at);
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

function checkQueueHold(ctx: CodeContext, call: CallNode, report: Reporter): void {
  const job = scheduledJobOf(ctx.code, call);
  if (!job || job.ms === undefined || job.ms < QUEUE_HOLD_MS || !job.job) return;
  // Holding a job that releases results to patients is a release embargo: release-delay reports it.
  if (isResultReleaseJob(`${job.job} ${job.queue}`)) return;
  if (classifyName(job.job.replace(/[^A-Za-z0-9_]/g, ' ')) !== 'ehi' && classifyName(job.queue) !== 'ehi') return;
  report({ at: call, messageId: 'queueHold', data: { what: `\`${calleeName(call)}\``, job: `\`${job.job.slice(0, 60)}\``, duration: formatDuration(job.ms) } }, call);
}

/** Bucket4j buckets, Guava limiters and ASP.NET Core policies used inside an EHI handler or filter. */
function checkLimiterUse(ctx: CodeContext, call: CallNode, report: Reporter): void {
  const name = calleeName(call);
  const last = calleeLast(call);
  const isBucket = last === 'addLimit' || /^(Bucket|Bucket4j)\.builder$/.test(name) && !hasAddLimitAbove(call);
  const isAcquire = /^(acquire|tryAcquire|tryConsume|consume|AttemptAcquire|AcquireAsync|removeTokens|tryRemoveTokens)$/.test(last) && call.callee.kind === 'member' && LIMITER_NAME.test(dotted(call.callee.object)) || (/^(tryConsume|tryConsumeAndReturnRemaining)$/.test(last) && call.callee.kind === 'member');
  const isRequire = last === 'RequireRateLimiting';
  if (isRequire) {
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
  const what = isBucket ? '`Bucket4j` bucket' : `\`${name}\``;
  report({ at: callSite(call), messageId: 'limiter', data: { what, evidence: context.evidence } }, call);
}

function buildsLimiter(cls: ClassNode | undefined): boolean {
  if (!cls) return false;
  let found = false;
  walk(cls, (n) => {
    if (found) return false;
    if (n.kind === 'call' && (calleeLast(n) === 'addLimit' || /^(Bucket|Bucket4j)\.builder$/.test(calleeName(n)))) found = true;
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

/** The first EHI route registered or declared in the file that is not exempt from limits. */
function ehiRoutesInFile(ctx: CodeContext): string | undefined {
  for (const r of routeRegistrations(ctx.code)) if (r.methods.length > 0 && classifyPaths([r.path]) === 'ehi') return `route ${r.path}`;
  for (const fn of ctx.code.functions()) {
    if (isExempt(fn.decorators)) continue;
    const h = handlerFor(ctx.code, fn);
    if (h?.classification === 'ehi' && h.routes.length > 0) return h.evidence;
  }
  return undefined;
}

/* ---------- config ---------- */

const CONFIG_LIMITER_NAMES = /^(rate-limiting|rate-limiting-advanced|response-ratelimiting|RequestRateLimiter|ratelimit|rate-limit|local_ratelimit|envoy\.filters\.http\.local_ratelimit|envoy\.filters\.http\.ratelimit)$/i;
const CONFIG_LIMITER_KEYS = /^(rate-limits|rateLimits|rate_limits|rate-limit|rateLimit|rate_limit|ratelimit|throttle|throttling|GeneralRules|EndpointRules|RateLimiting|IpRateLimiting|ClientRateLimiting|local_rate_limit)$/;

interface ConfigLimiter {
  at: { start: number; end: number };
  what: string;
  /** Applies to everything when no path is attached (a top-level plugin or default filter). */
  global: boolean;
}

function limiterIn(node: ConfigNode): ConfigLimiter | undefined {
  // A plugin/filter item named like a limiter: { name: rate-limiting, config: {...} } or "RequestRateLimiter=..."
  const name = node.kind === 'map' ? scalarString(node.entries.find((e) => e.key === 'name' || e.key === 'type')?.value) : scalarString(node);
  if (name && CONFIG_LIMITER_NAMES.test(name.split('=')[0].trim())) {
    const inSeq = node.parent?.kind === 'seq';
    const listKey = inSeq ? node.parent?.entry?.key ?? '' : '';
    if (node.kind === 'scalar' && !inSeq) return undefined;
    const global = /^(plugins|default-filters|defaultFilters)$/.test(listKey) && isTopLevelList(node);
    return { at: node, what: `\`${name.split('=')[0].trim()}\``, global };
  }
  // A filter or policy named like a limiter: web.xml <filter-mapping><filter-name>RateLimitFilter</filter-name>.
  if (node.kind === 'map') {
    const named = node.entries.find((e) => /^(filter-name|filterName|policy|policyName|limiter)$/.test(e.key));
    const value = scalarString(named?.value);
    if (value && LIMITER_NAME.test(value)) return { at: node, what: `\`${value}\``, global: false };
  }
  // A limits block: bucket4j `rate-limits`, AspNetCoreRateLimit `GeneralRules` entries with a Period and Limit.
  if (node.kind === 'map' && node.entry && CONFIG_LIMITER_KEYS.test(node.entry.key) && hasLimitValues(node)) {
    return { at: { start: node.entry.start, end: node.entry.end }, what: `\`${node.entry.key}\``, global: false };
  }
  if (node.kind === 'map' && node.parent?.kind === 'seq' && node.parent.entry && /^(GeneralRules|EndpointRules|rate-limits|rateLimits)$/.test(node.parent.entry.key) && hasLimitValues(node)) {
    return { at: node, what: `\`${node.parent.entry.key}\` rule`, global: false };
  }
  return undefined;
}

function isTopLevelList(node: ConfigNode): boolean {
  const listOwner = node.parent?.parent;
  return !listOwner?.parent || listOwner.parent.kind === 'seq' && !listOwner.parent.parent?.parent;
}

function hasLimitValues(map: ConfigNode): boolean {
  if (map.kind !== 'map') return false;
  for (const e of entriesBelow(map)) {
    if (/^(limit|capacity|max|permitLimit|PermitLimit|Limit|requests|replenishRate|replenish-rate|burstCapacity|burst-capacity|minute|second|hour|bandwidths|tokens_per_fill|max_tokens)$/i.test(e.key)) {
      if (scalarNumber(e.value) !== undefined || items(e.value).length > 0) return true;
    }
  }
  return false;
}
