/**
 * Running the analysis over many files: in parallel on worker threads (one per core), or in this
 * thread for small inputs where starting workers would cost more than it saves. Results stream
 * back per file; files with nothing to report are counted, not kept, so memory does not grow with
 * the number of files.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { AnalysisSettings, analyzeBytes, analyzeFile, FileAnalysis, quickAnalysis, readSource, RegisterFileAccess } from '../core/engine';
import { DEFAULT_REGISTER_FILE, RegisterEntry } from '../core/annotations/register';
import { resolveSettings, UserConfig } from '../settings/settings';
import { relativeTo } from '../core/discover';
import { cacheKey, ContentId, contentId, FileStamp, ResultCache, settingsSignature, stampOf } from './cache';
import { languageIdForPath } from '../core/language';
import { ProjectIndex } from '../analysis/project';
import { RULES } from '../../../rules';


export interface RunInput {
  files: string[];
  /** Paths in reports are relative to this folder. */
  root: string;
  config: UserConfig;
  /** The exception register: its folder, its entries, and (when it exists) its path. */
  register: { dir: string; entries: RegisterEntry[]; file?: string };
  prefilter: boolean;
  jobs?: number;
  now?: Date;
  /** Reuse (and store) results of unchanged files. */
  cache?: ResultCache;
  /** Workers started ahead (while files were being discovered); the run uses what it needs. */
  pool?: WorkerPool;
  /** The project's files, when the run analyses only some of them (changed files); `files` otherwise. */
  projectFiles?: string[];
  /** Contents to analyse instead of what is on disk (text read from standard input), by absolute path. */
  contents?: ReadonlyMap<string, Uint8Array>;
  /** Called with every file's result, also those with nothing to report (which the run does not keep). */
  onFile?: (result: FileAnalysis) => void;
}

export interface RunResult {
  /** Files with findings, documented exceptions or notices, sorted by path. */
  reports: FileAnalysis[];
  filesAnalysed: number;
  filesParsed: number;
  lines: number;
  /** Files whose result came from the cache. */
  cached: number;
}

/** A file to analyse; with its bytes when they were already read (to key the cache). */
export interface WorkItem {
  file: string;
  bytes?: Uint8Array;
}

/** What a worker needs to build the same settings as the main thread. */
export interface WorkerSetup {
  config: UserConfig;
  registerDir: string;
  /** Absolute path of the register file, checked where it is written. */
  registerPath: string;
  register: RegisterEntry[];
  prefilter: boolean;
  now: string;
  root: string;
  /** Every file of the project, for the value flow between files (absolute paths). */
  projectFiles: string[];
  /** Texts that stand for files on disk (standard input), by absolute path. */
  overrides?: Record<string, string>;
}

const IN_PROCESS_BELOW = 24;

export function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Worker threads, started before their work is known: each loads the analysis modules at once and
 * waits for its settings (the first message). Starting them while files are being discovered hides
 * most of their start-up. Workers a run does not take are closed with the pool.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];

  constructor(count: number) {
    const script = path.join(__dirname, 'worker.js');
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script);
      // A worker that fails before it is used is left out; the run's own listener reports later failures.
      worker.on('error', () => this.failed.add(worker));
      worker.on('exit', () => this.failed.add(worker));
      this.workers.push(worker);
    }
  }

  private readonly failed = new Set<Worker>();

  /** Up to `count` workers for a run; the rest stay idle until `close`. */
  take(count: number): Worker[] {
    return this.workers.filter((w) => !this.failed.has(w)).slice(0, count);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Files sent to a worker ahead of its results, so that it never waits for this thread. */
const IN_FLIGHT = 4;

export async function runAnalysis(input: RunInput): Promise<RunResult> {
  const setup: WorkerSetup = {
    config: input.config,
    registerDir: input.register.dir,
    registerPath: input.register.file ?? path.join(input.register.dir, DEFAULT_REGISTER_FILE),
    register: input.register.entries,
    prefilter: input.prefilter,
    now: (input.now ?? new Date()).toISOString(),
    root: input.root,
    projectFiles: input.projectFiles ?? input.files,
    ...(input.contents ? { overrides: Object.fromEntries([...input.contents].map(([file, bytes]) => [file, Buffer.from(bytes).toString('utf8')])) } : {}),
  };
  const collector = new Collector(input.onFile);
  let work: WorkItem[] = input.files.map((file) => ({ file, ...(input.contents?.has(file) ? { bytes: input.contents.get(file) } : {}) }));
  let store: ((result: FileAnalysis, item: WorkItem) => void) | undefined;
  if (input.cache) {
    const cached = lookUpCache(input.cache, setup, input.files, collector);
    work = cached.misses;
    store = cached.store;
  }
  const add = (result: FileAnalysis, item: WorkItem): void => {
    store?.(result, item);
    collector.add(result);
  };
  const jobs = Math.max(1, Math.min(input.jobs ?? cores(), Math.ceil(work.length / 8)));
  if (jobs === 1 || work.length < IN_PROCESS_BELOW) {
    const analyse = makeAnalyser(setup);
    for (const item of work) add(await analyse(item), item);
  } else {
    const pool = input.pool ?? new WorkerPool(jobs - 1);
    try {
      await runInWorkers(work, setup, pool.take(jobs - 1), add);
    } finally {
      if (!input.pool) await pool.close();
    }
  }
  input.cache?.save(input.root);
  return collector.result();
}

/**
 * Answers the unchanged files from the cache and returns the others (with their bytes, so the
 * result is stored under the key of exactly what was analysed).
 */
function lookUpCache(
  cache: ResultCache,
  setup: WorkerSetup,
  files: string[],
  collector: Collector,
): { misses: WorkItem[]; store: (result: FileAnalysis, item: WorkItem) => void } {
  const settings = resolveSettings(RULES, setup.config, { prefilter: setup.prefilter });
  const signature = settingsSignature(settings);
  const now = new Date(setup.now);
  const registerFor = registerByFile(setup);
  const hashOf = dependencyHashes(setup.root);
  const pending = new Map<WorkItem, { key: string; content: ContentId; stamp: FileStamp }>();
  const misses: WorkItem[] = [];
  // Synchronous: nothing else runs yet, and for many small files it costs far less than promises.
  for (const file of files) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    const display = displayPath(setup.root, file);
    const stamp = stat && stampOf(stat, Date.now());
    let content = stat && cache.knownContent(display, stat);
    let bytes: Buffer | undefined;
    if (!content && stat && stat.isFile() && stat.size <= settings.maxBytes) {
      bytes = readUnlessLarger(file, settings.maxBytes);
      content = bytes && contentId(bytes);
    }
    if (!content || !stamp) {
      // Too large or unreadable: the analysis reports it; there is nothing to cache.
      misses.push({ file });
      continue;
    }
    // The register's own result depends on the files it names (stale entries) and on the date.
    const isRegister = file === setup.registerPath;
    const register = isRegister ? setup.register : registerFor.get(file) ?? [];
    const keyOf = (c: ContentId): string => cacheKey(signature, display, c, register, now) + (isRegister ? `:${targetsSignature(setup)}` : '');
    let key = keyOf(content);
    const hit = cache.get(display, key, hashOf);
    if (hit) {
      collector.addCached(hit);
      // Read again, unchanged: remember the new stat so that the next run need not read it.
      if (bytes) cache.restamp(display, stamp);
      continue;
    }
    if (!bytes) {
      bytes = readUnlessLarger(file, settings.maxBytes);
      if (!bytes) {
        misses.push({ file });
        continue;
      }
      content = contentId(bytes);
      key = keyOf(content);
    }
    const item = { file, bytes: Buffer.from(bytes) };
    pending.set(item, { key, content, stamp });
    misses.push(item);
  }
  return {
    misses,
    store: (result, item) => {
      const p = pending.get(item);
      if (!p || result.notices.some((n) => n.code === 'internal')) return;
      const deps = (result.dependencies ?? []).map((d) => ({ path: d, hash: hashOf(d) ?? '' }));
      cache.set(result.path, p.key, p.content, p.stamp, result, deps);
    },
  };
}

/** The content hash of a file another file depended on, by the name reports give it (read once per run; undefined when it is gone). */
function dependencyHashes(root: string): (dependency: string) => string | undefined {
  const memo = new Map<string, string | undefined>();
  return (dependency) => {
    if (!memo.has(dependency)) {
      try {
        memo.set(dependency, contentId(fs.readFileSync(path.resolve(root, dependency))).hash);
      } catch {
        memo.set(dependency, undefined);
      }
    }
    return memo.get(dependency);
  };
}

let targetsMemo: { setup: WorkerSetup; signature: string } | undefined;

/** A hash of the files the register names, as they are now (missing ones included). */
function targetsSignature(setup: WorkerSetup): string {
  if (targetsMemo?.setup === setup) return targetsMemo.signature;
  const hash = createHash('sha256');
  for (const file of [...new Set(setup.register.map((e) => e.file))].sort()) {
    hash.update(file).update('\0');
    try {
      hash.update(fs.readFileSync(path.resolve(setup.registerDir, file)));
    } catch {
      hash.update('missing');
    }
    hash.update('\0');
  }
  targetsMemo = { setup, signature: hash.digest('hex').slice(0, 32) };
  return targetsMemo.signature;
}

/** One buffer reused for every read: most files are answered from the cache and need no copy of their own. */
let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * The file's bytes (a view of the shared buffer, valid until the next call), or undefined when it
 * is larger than `maxBytes` or unreadable. Reads up to one byte past the limit, so a file that grew
 * since it was stat'ed is still caught.
 */
function readUnlessLarger(file: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    let read = 0;
    while (read <= maxBytes) {
      if (read === scratch.length) {
        const grown = Buffer.allocUnsafe(Math.min(scratch.length * 2, maxBytes + 1));
        scratch.copy(grown, 0, 0, read);
        scratch = grown;
      }
      const n = fs.readSync(fd, scratch, read, scratch.length - read, null);
      if (n === 0) return scratch.subarray(0, read);
      read += n;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** How reports name a file: relative to the scan root, with `/`. */
export function displayPath(root: string, file: string): string {
  return relativeTo(root, file) || path.basename(file);
}

function registerByFile(setup: WorkerSetup): Map<string, RegisterEntry[]> {
  const byFile = new Map<string, RegisterEntry[]>();
  for (const entry of setup.register) {
    const key = path.resolve(setup.registerDir, entry.file);
    const list = byFile.get(key) ?? [];
    list.push(entry);
    byFile.set(key, list);
  }
  return byFile;
}

class Collector {
  constructor(private readonly onFile?: (result: FileAnalysis) => void) {}

  private readonly reports: FileAnalysis[] = [];
  private files = 0;
  private parsed = 0;
  private lines = 0;
  private cached = 0;

  addCached(r: FileAnalysis): void {
    this.cached++;
    this.add(r);
  }

  add(r: FileAnalysis): void {
    this.onFile?.(r);
    this.files++;
    if (r.parsed) this.parsed++;
    this.lines += r.lines;
    if (r.findings.length > 0 || r.suppressed.length > 0 || r.notices.length > 0 || r.exceptions.length > 0) this.reports.push(r);
  }

  result(): RunResult {
    this.reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { reports: this.reports, filesAnalysed: this.files, filesParsed: this.parsed, lines: this.lines, cached: this.cached };
  }
}

/** Builds the per-file analysis function from a setup (used in workers and in process). */
export function makeAnalyser(setup: WorkerSetup): (item: WorkItem) => Promise<FileAnalysis> {
  const settingsFor = settingsMaker(setup);
  return ({ file, bytes }) => {
    const { display, settings } = settingsFor(file);
    return bytes ? analyzeBytes(display, bytes, settings) : analyzeFile(file, settings, display);
  };
}

/**
 * Reads a file and answers it at once when it needs no parse (most files: no rule's trigger words);
 * otherwise returns the item with its bytes, to be analysed by whichever thread is free.
 */
function makeTriage(setup: WorkerSetup): (item: WorkItem) => FileAnalysis | WorkItem {
  const settingsFor = settingsMaker(setup);
  return (item) => {
    const { display, settings } = settingsFor(item.file);
    const bytes = item.bytes ?? readSource(item.file, settings, display);
    if (!(bytes instanceof Uint8Array)) return bytes;
    // The item itself (the cache knows an item that came with its bytes by identity); one read again
    // where it is parsed, so that files waiting in the queue do not hold their contents in memory.
    return quickAnalysis(display, bytes, settings) ?? item;
  };
}

function settingsMaker(setup: WorkerSetup): (file: string) => { display: string; settings: AnalysisSettings } {
  const overrides = setup.overrides;
  const read = overrides
    ? (file: string): string | undefined => {
        if (Object.prototype.hasOwnProperty.call(overrides, file)) return overrides[file];
        try {
          return fs.readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
      }
    : undefined;
  const project = new ProjectIndex({ root: setup.root, files: setup.projectFiles, display: (f) => displayPath(setup.root, f), ...(read ? { read } : {}) });
  const base = { ...resolveSettings(RULES, setup.config, { now: new Date(setup.now), prefilter: setup.prefilter }), project };
  const byFile = registerByFile(setup);
  const registerFile = registerAccess(setup);
  return (file) => {
    const register = byFile.get(file) ?? [];
    return { display: displayPath(setup.root, file), settings: { ...base, registerFile, ...(register.length > 0 ? { register } : {}) } };
  };
}

/** The register is checked where it is written; the files it names are read from its folder. */
function registerAccess(setup: WorkerSetup): RegisterFileAccess {
  return {
    isRegister: (display) => path.resolve(setup.root, display) === setup.registerPath,
    readTarget: async (file) => {
      try {
        return await fs.promises.readFile(path.resolve(setup.registerDir, file), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Parallel run: this thread reads every file and answers those that need no parse (most of them:
 * the prefilter finds no rule's trigger words), while the worker threads load the parsers;
 * the files that must be parsed go to a queue that the workers and, once it has read everything,
 * this thread take from. Workers each pay for loading modules and compiling the parsers once; the
 * pool may have started them before the files were known.
 */
async function runInWorkers(files: WorkItem[], setup: WorkerSetup, workers: Worker[], add: (result: FileAnalysis, item: WorkItem) => void): Promise<void> {
  const heavy = new ParseQueue();
  let triaged = false;
  const idle: (() => void)[] = [];
  const wake = (): void => {
    for (const feed of idle.splice(0)) feed();
  };
  const workerDone = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      // Results name their file by its display path; a worker may finish its files in any order.
      const inFlight = new Map<string, WorkItem>();
      const loaded = heavy.thread();
      const feed = (): void => {
        while (inFlight.size < IN_FLIGHT) {
          const item = heavy.take(loaded);
          if (item === undefined) break;
          inFlight.set(displayPath(setup.root, item.file), item);
          worker.postMessage(item);
        }
        if (inFlight.size > 0) return;
        if (triaged) resolve();
        else if (!idle.includes(feed)) idle.push(feed);
      };
      worker.on('message', (result: FileAnalysis) => {
        const item = inFlight.get(result.path)!;
        inFlight.delete(result.path);
        add(result, item);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  for (const worker of workers) worker.postMessage({ setup });
  const local = (async () => {
    const triage = makeTriage(setup);
    let sinceYield = 0;
    for (const item of files) {
      const outcome = triage(item);
      if ('findings' in outcome) add(outcome, item);
      else {
        heavy.push(outcome);
        wake();
      }
      // Let the workers' messages in now and then: results are taken and they are sent more files.
      if (++sinceYield === 32) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    triaged = true;
    wake();
    // Then parse alongside the workers until the queue is empty.
    const analyse = makeAnalyser(setup);
    const loaded = heavy.thread();
    for (let item = heavy.take(loaded); item !== undefined; item = heavy.take(loaded)) {
      add(await analyse(item), item);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  })();
  await Promise.all([local, ...workers.map(workerDone)]);
}

/** The grammar a file is parsed with; config formats other than XML (Mirth) need none worth counting. */
function grammarOf(file: string): string {
  if (path.extname(file).toLowerCase() === '.tsx') return 'tsx';
  const language = languageIdForPath(file);
  return language === 'json' || language === 'yaml' || language === 'properties' || language === 'nginx' ? '' : language ?? '';
}

/**
 * Files waiting for a parse, by grammar. Each thread compiles a grammar the first time it parses a
 * file in that language (the C# grammar alone is 5 MB of WebAssembly), so a thread keeps to the
 * grammars it has, takes a language no other thread has started next, and only then shares one.
 */
class ParseQueue {
  private readonly byGrammar = new Map<string, WorkItem[]>();
  private readonly threads: Set<string>[] = [];

  /** A thread's set of compiled grammars, to pass to `take`. */
  thread(): Set<string> {
    const loaded = new Set<string>(['']);
    this.threads.push(loaded);
    return loaded;
  }

  push(item: WorkItem): void {
    const grammar = grammarOf(item.file);
    const list = this.byGrammar.get(grammar);
    if (list) list.push(item);
    else this.byGrammar.set(grammar, [item]);
  }

  take(loaded: Set<string>): WorkItem | undefined {
    let pick: string | undefined;
    for (const [grammar, items] of this.byGrammar) {
      if (items.length > 0 && loaded.has(grammar)) {
        pick = grammar;
        break;
      }
    }
    if (pick === undefined) pick = this.largest((g) => !this.threads.some((t) => t !== loaded && t.has(g))) ?? this.largest(() => true);
    if (pick === undefined) return undefined;
    loaded.add(pick);
    return this.byGrammar.get(pick)!.shift();
  }

  private largest(accept: (grammar: string) => boolean): string | undefined {
    let best: string | undefined;
    let most = 0;
    for (const [grammar, items] of this.byGrammar) {
      if (items.length > most && accept(grammar)) {
        best = grammar;
        most = items.length;
      }
    }
    return best;
  }
}

