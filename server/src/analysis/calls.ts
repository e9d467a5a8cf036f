/**
 * Facts about calls that several rules need: outbound HTTP clients (whose back-off is good
 * citizenship, not a throttle), sleeps and delays, and audit-log calls.
 */
import type { CodeModel } from '../core/code-model';
import type { CallNode, FunctionNode, IrNode } from '../core/ir';
import { walk } from '../core/ir';
import { isNow, shiftedTime } from './time';
import { argument, calleeLast, calleeName, dotted, durationMs, numberValue, parseDurationText, stringValue } from './values';

const OUTBOUND_CALLEE =
  /(^|\.)(fetch|axios|got|ky|superagent|request|urlopen|http\.request|https\.request|http\.get|https\.get|requests\.\w+|httpx\.\w+|session\.(get|post|put|request)|aiohttp\.\w+|(get|post|put|delete|send|patch)Async|getForObject|getForEntity|postForObject|postForEntity|exchange|retrieve|bodyToMono|newCall|execute|sendRequest|invoke|callApi)$/;
const OUTBOUND_RECEIVER = /(client|http|axios|api|rest|webClient|restTemplate|session|fhirClient|okHttp|requests|httpx|connection|conn|remote|upstream|external|gateway|proxy)/i;

/** A call that sends a request to another server (fetch, axios, HttpClient, RestTemplate, requests, a FHIR client). */
export function isOutboundCall(call: CallNode): boolean {
  const name = calleeName(call);
  if (/^(fetch|axios|got|ky|urlopen)$/.test(name)) return true;
  if (/^(axios|got|ky|superagent|requests|httpx|aiohttp|urllib\.request|http|https)\.\w+$/.test(name)) return true;
  if (call.callee.kind !== 'member') return false;
  const receiver = dotted(call.callee.object);
  const last = calleeLast(call);
  if (/^(GetAsync|PostAsync|PutAsync|DeleteAsync|SendAsync|PatchAsync|GetStringAsync|GetFromJsonAsync|PostAsJsonAsync)$/.test(last)) return true;
  if (/^(getForObject|getForEntity|postForObject|postForEntity|exchange|retrieve|newCall|sendAsync)$/.test(last)) return true;
  return OUTBOUND_RECEIVER.test(receiver) && OUTBOUND_CALLEE.test(`.${last}`) && !/^(res|response|reply|ctx)$/.test(receiver);
}

/** Whether a subtree contains an outbound call. */
export function containsOutboundCall(node: IrNode): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n.kind === 'call' && !n.isDecorator && isOutboundCall(n)) found = true;
  });
  return found;
}

/**
 * Whether `node` is part of a retry or back-off around an outbound call: inside a loop or a catch
 * whose construct also calls another server, or inside a function named for retrying or polling.
 */
export function isOutboundBackoff(node: IrNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.kind === 'loop' && containsOutboundCall(p.body)) return true;
    if (p.kind === 'try' && (containsOutboundCall(p.body) || p.handlers.some((h) => containsOutboundCall(h.body)))) return true;
    if (p.kind === 'function') {
      if (p.name && /retry|backoff|back_off|poll|reconnect|withRetries/i.test(p.name)) return true;
      if (!p.isLambda) break;
    }
  }
  return false;
}

export interface Delay {
  call: CallNode;
  /** Milliseconds, when the code says how long. */
  ms?: number;
  kind: 'sleep' | 'timer';
}

const SLEEP_CALLEES = /^(sleep|usleep|delay|wait|pause|setTimeoutPromise)$/;

/** A call that pauses the current request: `Thread.sleep`, `Task.Delay`, `time.sleep`, `await sleep(...)`, a promise around `setTimeout`. */
export function delayOf(model: CodeModel, call: CallNode): Delay | undefined {
  if (call.isDecorator) return undefined;
  const name = calleeName(call);
  const last = calleeLast(call);
  const firstArg = call.args[0]?.value;
  // Java: Thread.sleep(ms), TimeUnit.SECONDS.sleep(n); C#: Thread.Sleep(ms), Task.Delay(ms | TimeSpan)
  if (/(^|\.)Thread\.sleep$/.test(name) || name === 'java.lang.Thread.sleep' || name === 'Packages.java.lang.Thread.sleep') return { call, ms: durationMs(model, firstArg), kind: 'sleep' };
  if (/^TimeUnit\.(\w+)\.sleep$/.test(name)) {
    const unit = name.split('.')[1].toLowerCase();
    const n = numberValue(model, firstArg);
    const factor: Record<string, number> = { milliseconds: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
    return { call, ms: n !== undefined && factor[unit] ? n * factor[unit] : undefined, kind: 'sleep' };
  }
  if (/(^|\.)Thread\.Sleep$/.test(name)) return { call, ms: durationMs(model, firstArg), kind: 'sleep' };
  // `Task.WhenAny(work, Task.Delay(timeout))` is a timeout race, not a pause.
  if (/(^|\.)Task\.Delay$/.test(name)) return isTimeoutRace(call) ? undefined : { call, ms: durationMs(model, firstArg), kind: 'sleep' };
  // Python: time.sleep(seconds), asyncio.sleep(seconds), gevent.sleep
  if (/^(time|asyncio|gevent|trio|anyio)\.sleep$/.test(name) || (model.language === 'python' && name === 'sleep')) return { call, ms: durationMs(model, firstArg, 's'), kind: 'sleep' };
  // JS: await sleep(ms), await delay(ms), await setTimeout(ms) from timers/promises, new Promise(r => setTimeout(r, ms))
  if (model.language === 'typescript' || model.language === 'javascript' || model.language === 'mirth') {
    if (SLEEP_CALLEES.test(last) && call.args.length >= 1 && call.callee.kind === 'name') return { call, ms: durationMs(model, firstArg), kind: 'sleep' };
    if (last === 'setTimeout' && call.args.length >= 2 && isInsidePromiseExecutor(call)) return { call, ms: durationMs(model, call.args[1].value), kind: 'timer' };
    if (last === 'setTimeout' && call.args.length === 1 && call.parent?.kind === 'unary' && call.parent.operator === 'await') return { call, ms: durationMs(model, firstArg), kind: 'timer' };
  }
  return undefined;
}

/** Whether a delay is one side of a race (`Task.WhenAny`, `Promise.race`, `asyncio.wait_for`): a timeout. */
function isTimeoutRace(call: CallNode): boolean {
  for (let p = call.parent; p && p.kind !== 'function'; p = p.parent) {
    if (p.kind === 'call' && /(^|\.)(WhenAny|race|wait_for|firstCompletedOf|anyOf)$/.test(calleeName(p))) return true;
  }
  return false;
}

function isInsidePromiseExecutor(call: CallNode): boolean {
  for (let p = call.parent; p; p = p.parent) {
    if (p.kind === 'call' && p.isNew && calleeName(p) === 'Promise') return true;
    if (p.kind === 'function' && !p.isLambda) return false;
  }
  return false;
}

/** Whether a function body calls the audit log (callee text matched by the configured pattern). */
export function callsAudit(fn: FunctionNode | IrNode, pattern: RegExp): boolean {
  let found = false;
  walk(fn, (n) => {
    if (found) return false;
    if (isAuditCall(n, pattern)) found = true;
  });
  return found;
}

/** Every audit-log call under `node`, in source order (for showing where a restriction is recorded). */
export function auditCalls(node: FunctionNode | IrNode, pattern: RegExp): CallNode[] {
  const calls: CallNode[] = [];
  walk(node, (n) => {
    if (isAuditCall(n, pattern)) calls.push(n);
  });
  return calls;
}

function isAuditCall(n: IrNode, pattern: RegExp): n is CallNode {
  return n.kind === 'call' && !n.isDecorator && pattern.test(calleeName(n));
}

export interface ScheduledJob {
  call: CallNode;
  /** How long the job is held before it runs, in milliseconds, when the code says. */
  ms?: number;
  /** The job: its name, or the source text of the task or lambda scheduled. */
  job?: string;
  /** The queue or scheduler it is put on (`reportQueue`, `scheduler`). */
  queue: string;
  /** A message queue's own delivery delay (SQS `DelaySeconds`, at most 15 minutes), not a scheduler's. */
  queueDelay?: boolean;
}

const QUEUE_ADD = /^(add|addBulk|enqueue|schedule|Schedule|apply_async|send_task|enqueue_in|enqueue_at|scheduleJob)$/;
const SQS_SEND = /^(SendMessageCommand|SendMessageRequest|sendMessage|send_message|SendMessageAsync|SendMessage)$/;
const QUARTZ_UNIT: Record<string, number> = { MILLISECOND: 1, SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000, WEEK: 604_800_000 };

/**
 * A job held before it runs in any of the forms `scheduledJobOf` reads, and also: a job scheduled for a
 * time after now (Spring `TaskScheduler.schedule(task, Instant.now().plus(...))`, Hangfire
 * `Schedule(..., DateTimeOffset.UtcNow.AddDays(3))`), a Quartz trigger's `startAt`, and an SQS message's
 * `DelaySeconds`.
 */
export function laterJobOf(model: CodeModel, call: CallNode): ScheduledJob | undefined {
  if (call.isDecorator || call.args.length === 0) return undefined;
  const last = calleeLast(call);
  if (last === 'startAt') return quartzStart(model, call);
  const sqs = sqsDelay(model, call);
  if (sqs) return sqs;
  const job = scheduledJobOf(model, call);
  if (job && job.ms === undefined && /^(schedule|Schedule)$/.test(last) && call.args.length >= 2) return { ...job, ms: laterThanNow(model, call.args[1].value) };
  return job;
}

/** When a job runs, as a time after now: `Instant.now().plus(Duration.ofDays(3))`, `now + timedelta(hours=72)`. */
function laterThanNow(model: CodeModel, node: IrNode | undefined): number | undefined {
  const shifted = shiftedTime(model, node);
  return shifted && shifted.ms > 0 && isNow(model, shifted.base) ? shifted.ms : undefined;
}

/**
 * An SQS message sent with a delivery delay: `new SendMessageCommand({ QueueUrl, MessageBody, DelaySeconds })`,
 * `sqs.sendMessage({...})`, boto3 `send_message(QueueUrl=..., DelaySeconds=...)`, Java
 * `SendMessageRequest.builder().queueUrl(...).delaySeconds(900)`. The job is the queue and the body.
 */
function sqsDelay(model: CodeModel, call: CallNode): ScheduledJob | undefined {
  const last = calleeLast(call);
  if (last === 'delaySeconds' && call.args.length === 1) {
    // Java builder: the queue and body are set on the same chain.
    let chain: IrNode = call;
    const parts: string[] = [];
    while (chain.kind === 'call' && chain.callee.kind === 'member') {
      if (/^(queueUrl|messageBody|withQueueUrl|withMessageBody)$/.test(calleeLast(chain))) parts.push(model.textOf(chain.args[0]?.value ?? chain));
      chain = chain.callee.object;
    }
    const seconds = numberValue(model, call.args[0].value);
    if (!/SendMessageRequest/.test(model.textOf(chain)) && parts.length === 0) return undefined;
    return { call, ms: seconds === undefined ? undefined : seconds * 1000, job: parts.join(' ') || undefined, queue: '', queueDelay: true };
  }
  if (!SQS_SEND.test(last)) return undefined;
  const named = argument(call, -1, 'DelaySeconds');
  const params = named ? undefined : call.args.map((a) => a.value).find((v) => v.kind === 'object');
  const delay = named?.value ?? (params?.kind === 'object' ? params.properties.find((p) => p.key === 'DelaySeconds')?.value : undefined);
  if (!delay) return undefined;
  const seconds = numberValue(model, delay);
  const parts: string[] = [];
  for (const key of ['QueueUrl', 'QueueName', 'MessageBody']) {
    const v = argument(call, -1, key)?.value ?? (params?.kind === 'object' ? params.properties.find((p) => p.key === key)?.value : undefined);
    if (v) parts.push(stringValue(model, v) ?? model.textOf(v));
  }
  return { call, ms: seconds === undefined ? undefined : seconds * 1000, job: parts.join(' ') || undefined, queue: call.callee.kind === 'member' ? dotted(call.callee.object) : '', queueDelay: true };
}

/** Quartz: `TriggerBuilder.newTrigger().startAt(DateBuilder.futureDate(4, IntervalUnit.DAY))`, the job named by `JobBuilder.newJob(X.class)` in the same function. */
function quartzStart(model: CodeModel, call: CallNode): ScheduledJob | undefined {
  if (calleeLast(call) !== 'startAt' || call.args.length !== 1) return undefined;
  const when = call.args[0].value;
  let ms: number | undefined;
  if (when.kind === 'call' && calleeLast(when) === 'futureDate' && when.args.length === 2) {
    const n = numberValue(model, when.args[0].value);
    const unit = when.args[1].value.kind === 'member' ? QUARTZ_UNIT[when.args[1].value.property] : undefined;
    ms = n !== undefined && unit !== undefined ? n * unit : undefined;
  } else {
    const inner = when.kind === 'call' && /^(from|toDate)$/.test(calleeLast(when)) ? when.args[0]?.value : when;
    ms = laterThanNow(model, inner);
  }
  const fn = model.enclosingFunction(call);
  const names: string[] = [];
  if (fn) {
    walk(fn, (n) => {
      if (n.kind === 'call' && !n.isDecorator && /^(newJob|withIdentity|ofType|forJob)$/.test(calleeLast(n))) names.push(...n.args.map((a) => stringValue(model, a.value) ?? model.textOf(a.value)));
    });
  }
  return { call, ms, job: names.join(' ') || undefined, queue: 'quartz' };
}

/**
 * A job put on a queue or scheduler to run later: BullMQ/Bull `queue.add(name, data, { delay })`,
 * Celery `task.apply_async(countdown=...)` or `eta=now + ...`, RQ `enqueue_in`, Java
 * `scheduler.schedule(task, 72, TimeUnit.HOURS)`, Hangfire `BackgroundJob.Schedule(() => ..., TimeSpan)`,
 * Agenda `agenda.schedule('in 72 hours', name, data)`.
 */
export function scheduledJobOf(model: CodeModel, call: CallNode): ScheduledJob | undefined {
  const last = calleeLast(call);
  if (call.isDecorator || !QUEUE_ADD.test(last) || call.args.length === 0) return undefined;
  const queue = call.callee.kind === 'member' ? dotted(call.callee.object) : '';
  if (last === 'apply_async') {
    const countdown = argument(call, -1, 'countdown');
    const eta = argument(call, -1, 'eta');
    const shifted = eta ? shiftedTime(model, eta.value) : undefined;
    const ms = countdown ? durationMs(model, countdown.value, 's') : shifted && isNow(model, shifted.base) ? shifted.ms : undefined;
    return { call, ms, job: queue || undefined, queue };
  }
  if (last === 'schedule' && call.args.length >= 2 && typeof stringValue(model, call.args[0].value) === 'string') {
    // Agenda: agenda.schedule('in 72 hours', 'release-results', data)
    const when = stringValue(model, call.args[0].value)!;
    const ms = parseDurationText(when.replace(/^in\s+/i, ''));
    if (ms !== undefined) return { call, ms, job: stringValue(model, call.args[1].value), queue };
  }
  if (last === 'Schedule' || last === 'schedule' || last === 'enqueue_in') {
    const delayArg = call.args.length >= 2 ? call.args[1] : undefined;
    const unitArg = call.args[2]?.value;
    let ms: number | undefined;
    if (delayArg) {
      // Spring `TaskScheduler.schedule(task, Instant.now().plus(...))`, RQ `enqueue_at`-like times after now.
      ms = durationMs(model, delayArg.value, last === 'enqueue_in' ? 's' : 'ms');
      if (unitArg?.kind === 'member' && /^(SECONDS|MINUTES|HOURS|DAYS)$/.test(unitArg.property)) {
        const n = numberValue(model, delayArg.value);
        const factor: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };
        ms = n === undefined ? undefined : n * factor[unitArg.property];
      }
    }
    return { call, ms, job: model.textOf(call.args[0].value), queue };
  }
  // BullMQ / Bull: queue.add(name, data, { delay: ms })
  const options = call.args[call.args.length - 1]?.value;
  const delayNode = options?.kind === 'object' ? options.properties.find((p) => p.key === 'delay')?.value : undefined;
  const ms = delayNode ? durationMs(model, delayNode) : undefined;
  return { call, ms, job: stringValue(model, call.args[0].value) ?? (queue || undefined), queue };
}
