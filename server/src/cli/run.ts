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
import { analyzeBytes, analyzeFile, FileAnalysis, RegisterFileAccess } from '../core/engine';
import { DEFAULT_REGISTER_FILE, RegisterEntry } from '../core/register';
import { resolveSettings, UserConfig } from '../core/settings';
import { relativeTo } from './discover';
import { cacheKey, ContentId, contentId, FileStamp, ResultCache, settingsSignature, stampOf } from './cache';

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
}

const IN_PROCESS_BELOW = 24;

export async function runAnalysis(input: RunInput): Promise<RunResult> {
  const setup: WorkerSetup = {
    config: input.config,
    registerDir: input.register.dir,
    registerPath: input.register.file ?? path.join(input.register.dir, DEFAULT_REGISTER_FILE),
    register: input.register.entries,
    prefilter: input.prefilter,
    now: (input.now ?? new Date()).toISOString(),
    root: input.root,
  };
  const collector = new Collector();
  let work: WorkItem[] = input.files.map((file) => ({ file }));
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
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const jobs = Math.max(1, Math.min(input.jobs ?? cores, Math.ceil(work.length / 8)));
  if (jobs === 1 || work.length < IN_PROCESS_BELOW) {
    const analyse = makeAnalyser(setup);
    for (const item of work) add(await analyse(item), item);
  } else {
    await runInWorkers(work, setup, jobs, add);
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
  const settings = resolveSettings(setup.config, { prefilter: setup.prefilter });
  const signature = settingsSignature(settings);
  const now = new Date(setup.now);
  const registerFor = registerByFile(setup);
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
    const hit = cache.get(display, key);
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
      if (p && !result.notices.some((n) => n.code === 'internal')) cache.set(result.path, p.key, p.content, p.stamp, result);
    },
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
  const base = resolveSettings(setup.config, { now: new Date(setup.now), prefilter: setup.prefilter });
  const byFile = registerByFile(setup);
  const registerFile = registerAccess(setup);
  return ({ file, bytes }) => {
    const display = displayPath(setup.root, file);
    const register = byFile.get(file) ?? [];
    const settings = { ...base, registerFile, ...(register.length > 0 ? { register } : {}) };
    return bytes ? analyzeBytes(display, bytes, settings) : analyzeFile(file, settings, display);
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
 * Parallel run: `jobs - 1` worker threads plus this thread, all taking files from one queue. This
 * thread has the analysis loaded already, so it works instead of idling; the workers each pay for
 * loading modules and compiling the parsers once.
 */
async function runInWorkers(files: WorkItem[], setup: WorkerSetup, jobs: number, add: (result: FileAnalysis, item: WorkItem) => void): Promise<void> {
  let next = 0;
  const take = (): WorkItem | undefined => (next < files.length ? files[next++] : undefined);
  const workers: Worker[] = [];
  const script = path.join(__dirname, 'worker.js');
  const workerDone = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      // Results name their file by its display path; a worker may finish its files in any order.
      const inFlight = new Map<string, WorkItem>();
      const feed = (): void => {
        const item = take();
        if (item === undefined) {
          if (inFlight.size === 0) resolve();
          return;
        }
        inFlight.set(displayPath(setup.root, item.file), item);
        worker.postMessage(item);
      };
      worker.on('message', (result: FileAnalysis) => {
        const item = inFlight.get(result.path)!;
        inFlight.delete(result.path);
        add(result, item);
        feed();
      });
      worker.on('error', reject);
      // Two files in flight keep the worker busy while this thread collects.
      feed();
      feed();
    });
  for (let w = 0; w < jobs - 1; w++) workers.push(new Worker(script, { workerData: setup }));
  try {
    const local = (async () => {
      const analyse = makeAnalyser(setup);
      for (let item = take(); item !== undefined; item = take()) add(await analyse(item), item);
    })();
    await Promise.all([local, ...workers.map(workerDone)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

