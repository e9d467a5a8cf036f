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
}

const QUEUE_ADD = /^(add|addBulk|enqueue|schedule|Schedule|apply_async|send_task|enqueue_in|enqueue_at|scheduleJob)$/;

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
