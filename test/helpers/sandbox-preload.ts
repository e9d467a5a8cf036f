/**
 * Preloaded with `node --require` by the sandbox test (and inherited by worker threads): every way
 * Node opens a socket or starts a process is replaced by one that records the attempt in the file
 * `EHI_SANDBOX_LOG` names and fails. The one exception is `git` run without a shell (the CLI's
 * `--changed-since`), which is recorded and let through.
 */
// The modules themselves (not import namespaces, whose properties cannot be replaced).
import childProcess = require('child_process');
import dgram = require('dgram');
import fs = require('fs');
import http = require('http');
import https = require('https');
import net = require('net');
import tls = require('tls');
import { isMainThread } from 'worker_threads';

const LOG = process.env.EHI_SANDBOX_LOG;

export interface SandboxRecord {
  api: string;
  command?: string;
  args?: string[];
  shell?: boolean;
  allowed: boolean;
  thread: 'main' | 'worker';
}

function record(entry: Omit<SandboxRecord, 'thread'>): void {
  if (LOG) fs.appendFileSync(LOG, JSON.stringify({ ...entry, thread: isMainThread ? 'main' : 'worker' }) + '\n');
}

function deny(api: string): never {
  record({ api, allowed: false });
  throw new Error(`sandbox: ${api} is not allowed`);
}

type AnyFn = (...args: unknown[]) => unknown;
function replace(target: object, name: string, make: (original: AnyFn) => AnyFn): void {
  const original = (target as Record<string, AnyFn>)[name];
  if (typeof original === 'function') Object.defineProperty(target, name, { value: make(original.bind(target)), configurable: true, writable: true });
}

for (const [mod, names, label] of [
  [net, ['connect', 'createConnection', 'createServer'], 'net'],
  [tls, ['connect', 'createServer'], 'tls'],
  [http, ['request', 'get', 'createServer'], 'http'],
  [https, ['request', 'get', 'createServer'], 'https'],
  [dgram, ['createSocket'], 'dgram'],
] as const) {
  for (const name of names) replace(mod, name, () => () => deny(`${label}.${name}`));
}
replace(net.Socket.prototype, 'connect', () => () => deny('net.Socket.connect'));
replace(net.Server.prototype, 'listen', () => () => deny('net.Server.listen'));
if (typeof globalThis.fetch === 'function') (globalThis as { fetch: unknown }).fetch = () => deny('fetch');

/** `git` with an argument list and no shell is let through; anything else fails. */
function gitOnly(api: string, original: AnyFn): AnyFn {
  return (...args: unknown[]) => {
    const [command, rest, options] = args as [string, unknown, unknown];
    const argv = Array.isArray(rest) ? (rest as string[]) : [];
    const opts = (Array.isArray(rest) ? options : rest) as { shell?: unknown } | undefined;
    const shell = !!opts?.shell;
    const allowed = command === 'git' && !shell;
    record({ api, command, args: argv, shell, allowed });
    if (!allowed) throw new Error(`sandbox: ${api}(${command}) is not allowed`);
    return original(...args);
  };
}
for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync']) replace(childProcess, name, (original) => gitOnly(`child_process.${name}`, original));
for (const name of ['exec', 'execSync', 'fork']) replace(childProcess, name, () => (command: unknown) => {
  record({ api: `child_process.${name}`, command: String(command), allowed: false });
  throw new Error(`sandbox: child_process.${name} is not allowed`);
});
