/**
 * Running the analysis over many files: in parallel on worker threads (one per core), or in this
 * thread for small inputs where starting workers would cost more than it saves. Results stream
 * back per file; files with nothing to report are counted, not kept, so memory does not grow with
 * the number of files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { analyzeFile, FileAnalysis, RegisterFileAccess } from '../core/engine';
import { DEFAULT_REGISTER_FILE, RegisterEntry } from '../core/register';
import { resolveSettings, UserConfig } from '../core/settings';

export interface RunInput {
  files: string[];
  /** Paths in reports are relative to this folder. */
  root: string;
  config: UserConfig;
  register: { dir: string; entries: RegisterEntry[] };
  prefilter: boolean;
  jobs?: number;
  now?: Date;
}

export interface RunResult {
  /** Files with findings, documented exceptions or notices, sorted by path. */
  reports: FileAnalysis[];
  filesAnalysed: number;
  filesParsed: number;
  lines: number;
}

/** What a worker needs to build the same settings as the main thread. */
export interface WorkerSetup {
  config: UserConfig;
  registerDir: string;
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
    register: input.register.entries,
    prefilter: input.prefilter,
    now: (input.now ?? new Date()).toISOString(),
    root: input.root,
  };
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const jobs = Math.max(1, Math.min(input.jobs ?? cores, Math.ceil(input.files.length / 8)));
  const collector = new Collector();
  if (jobs === 1 || input.files.length < IN_PROCESS_BELOW) {
    const analyse = makeAnalyser(setup);
    for (const file of input.files) collector.add(await analyse(file));
  } else {
    await runInWorkers(input.files, setup, jobs, collector);
  }
  return collector.result();
}

class Collector {
  private readonly reports: FileAnalysis[] = [];
  private files = 0;
  private parsed = 0;
  private lines = 0;

  add(r: FileAnalysis): void {
    this.files++;
    if (r.parsed) this.parsed++;
    this.lines += r.lines;
    if (r.findings.length > 0 || r.suppressed.length > 0 || r.notices.length > 0 || r.exceptions.length > 0) this.reports.push(r);
  }

  result(): RunResult {
    this.reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { reports: this.reports, filesAnalysed: this.files, filesParsed: this.parsed, lines: this.lines };
  }
}

/** Builds the per-file analysis function from a setup (used in workers and in process). */
export function makeAnalyser(setup: WorkerSetup): (file: string) => Promise<FileAnalysis> {
  const base = resolveSettings(setup.config, { now: new Date(setup.now), prefilter: setup.prefilter });
  const byFile = new Map<string, RegisterEntry[]>();
  for (const entry of setup.register) {
    const key = path.resolve(setup.registerDir, entry.file);
    const list = byFile.get(key) ?? [];
    list.push(entry);
    byFile.set(key, list);
  }
  const registerFile = registerAccess(setup.root, setup.registerDir);
  return (file: string) => {
    const display = path.relative(setup.root, file).split(path.sep).join('/') || path.basename(file);
    const register = byFile.get(file) ?? [];
    return analyzeFile(file, { ...base, registerFile, ...(register.length > 0 ? { register } : {}) }, display);
  };
}

/** The register is `ehi-exceptions.yaml` in its folder; the files it names are read from there. */
function registerAccess(root: string, registerDir: string): RegisterFileAccess {
  const registerPath = path.join(registerDir, DEFAULT_REGISTER_FILE);
  return {
    isRegister: (display) => path.resolve(root, display) === registerPath,
    readTarget: async (file) => {
      try {
        return await fs.promises.readFile(path.resolve(registerDir, file), 'utf8');
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
async function runInWorkers(files: string[], setup: WorkerSetup, jobs: number, collector: Collector): Promise<void> {
  let next = 0;
  const take = (): string | undefined => (next < files.length ? files[next++] : undefined);
  const workers: Worker[] = [];
  const script = path.join(__dirname, 'worker.js');
  const workerDone = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let inFlight = 0;
      const feed = (): void => {
        const file = take();
        if (file === undefined) {
          if (inFlight === 0) resolve();
          return;
        }
        inFlight++;
        worker.postMessage(file);
      };
      worker.on('message', (result: FileAnalysis) => {
        inFlight--;
        collector.add(result);
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
      for (let file = take(); file !== undefined; file = take()) collector.add(await analyse(file));
    })();
    await Promise.all([local, ...workers.map(workerDone)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
