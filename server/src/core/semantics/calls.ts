/**
 * Facts about calls that several rules need: outbound HTTP clients (whose back-off is good
 * citizenship, not a throttle), sleeps and delays, and audit-log calls.
 */
import type { CodeModel } from '../code-model';
import type { CallNode, FunctionNode, IrNode } from '../ir';
import { walk } from '../ir';
import { calleeLast, calleeName, dotted, durationMs, numberValue } from './values';

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
    if (n.kind === 'call' && !n.isDecorator && pattern.test(calleeName(n))) found = true;
  });
  return found;
}
