/**
 * `npm run bench:cache`: the speed-up of `--cache` on an unchanged corpus. Generates the
 * deterministic mixed-language corpus (200k lines by default; `--lines N`), then alternates cold
 * runs (empty cache) and warm runs (the cache of the previous run), each a whole `ehi-lint`
 * process as CI starts it, and prints the median wall and CPU times and their ratios (CPU time,
 * read from /proc on Linux, is the steadier figure on a shared machine). Warm and cold runs must
 * print the same report.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from './corpus';
import { cores as coreCount } from '../server/src/cli/run';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'ehi-lint.js');
const TARGET = 5;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** CPU seconds (user + system) of this process's finished children, where /proc tells. */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), counted from after the command name; in clock ticks (100/s on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

interface Run {
  seconds: number;
  cpu?: number;
  stdout: string;
}

function run(corpus: string, cacheDir: string): Run {
  const cpuBefore = childrenCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, '--cache', '--cache-location', cacheDir, '-f', 'json', '.'], { cwd: corpus, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = childrenCpuSeconds();
  if (result.status !== 0 && result.status !== 1) throw new Error(`ehi-lint failed (${result.status}): ${result.stderr}`);
  return { seconds, cpu: cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined, stdout: result.stdout };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const lines = option('--lines', 200_000);
  const rounds = option('--rounds', 5);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-lint-bench-cache-'));
  try {
    const corpus = path.join(work, 'corpus');
    const cacheDir = path.join(work, 'cache');
    const size = await generateCorpus(corpus, lines);
    console.log(`corpus: ${size.files} files, ${size.lines} lines; ${coreCount()} cores; ${rounds} rounds`);
    const cold: Run[] = [];
    const warm: Run[] = [];
    let reference: string | undefined;
    for (let round = 1; round <= rounds; round++) {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      const first = run(corpus, cacheDir);
      const second = run(corpus, cacheDir);
      reference ??= first.stdout;
      if (first.stdout !== reference || second.stdout !== reference) throw new Error('a cached run printed a different report');
      cold.push(first);
      warm.push(second);
      const cpu = (r: Run): string => (r.cpu !== undefined ? `, ${r.cpu.toFixed(2)} s CPU` : '');
      console.log(`round ${round}: first run ${first.seconds.toFixed(2)} s${cpu(first)}; second run (cached) ${second.seconds.toFixed(2)} s${cpu(second)}`);
    }
    const wall = [median(cold.map((r) => r.seconds)), median(warm.map((r) => r.seconds))];
    const speedup = wall[0] / wall[1];
    console.log(
      `wall, median: first ${wall[0].toFixed(2)} s (${Math.round(size.lines / wall[0])} lines/s), cached ${wall[1].toFixed(2)} s ` +
        `(${Math.round(size.lines / wall[1])} lines/s): ${speedup.toFixed(1)}× faster (target ≥ ${TARGET}×: ${speedup >= TARGET ? 'met' : 'NOT met'})`,
    );
    if (cold.every((r) => r.cpu !== undefined) && warm.every((r) => r.cpu !== undefined)) {
      const cpu = [median(cold.map((r) => r.cpu!)), median(warm.map((r) => r.cpu!))];
      console.log(`CPU, median: first ${cpu[0].toFixed(2)} s, cached ${cpu[1].toFixed(2)} s: ${(cpu[0] / cpu[1]).toFixed(1)}× less work`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
