/**
 * `npm run bench`: throughput and peak memory of the `ehi-lint` CLI on a deterministic 200k-line
 * mixed-language corpus, beside two peers run in the same process tree on the same corpus:
 * ast-grep (a Rust tree-sitter scanner, with patterns equivalent to the first three rules) and
 * ripgrep (searching the same keywords: the floor no parser can beat). Then peak memory at three
 * corpus sizes, to show it does not grow with the number of files.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RULES } from '../rules';
import { generateCorpus } from './corpus';
import { cores as coreCount } from '../server/src/cli/run';

const FIRST_THREE = ['fax-only-manner', 'data-class-filter', 'unjustified-throttle'];

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'ehi-lint.js');
const AST_GREP = path.join(ROOT, 'node_modules', '.bin', 'ast-grep');
const AST_GREP_CONFIG = path.join(ROOT, 'bench', 'ast-grep', 'sgconfig.yml');
const KEYWORDS = 'ratelimit|rate_limit|limiter|throttl|sleep|settimeout|task\\.delay|retry-after|fax|paper|postal|resourcetype|resource_type|typename|supported_resource_types|capabilitystatement';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_LINES = Number(process.env.BENCH_LINES ?? 200_000);

interface Measurement {
  tool: string;
  seconds: number;
  peakMb?: number;
  output: string;
}

function which(command: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command RUNS times; median wall time, and the peak resident memory of the median run. */
function measure(tool: string, command: string, args: string[]): Measurement {
  const runs: Measurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    const timeFile = path.join(os.tmpdir(), `ehi-bench-time-${process.pid}`);
    const [cmd, cmdArgs] = GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
    const started = process.hrtime.bigint();
    const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (r.error) throw r.error;
    let peakMb: number | undefined;
    if (GNU_TIME && fs.existsSync(timeFile)) {
      peakMb = Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024;
      fs.rmSync(timeFile);
    }
    runs.push({ tool, seconds, peakMb, output: `${r.stdout}\n${r.stderr}` });
  }
  runs.sort((a, b) => a.seconds - b.seconds);
  return runs[Math.floor(runs.length / 2)];
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

async function main(): Promise<void> {
  const cores = coreCount();
  const corpus = path.join(os.tmpdir(), `ehi-lint-bench-${TARGET_LINES}`);
  const { files, lines } = await generateCorpus(corpus, TARGET_LINES);
  console.log(`corpus: ${files} files, ${lines} lines (TS/JS/Java/C#/Python/YAML/JSON) in ${corpus}; ${cores} cores; median of ${RUNS} runs`);
  if (!GNU_TIME) console.log('(peak memory of peers needs /usr/bin/time; ehi-lint reports its own)');

  const results: { m: Measurement; findings: string }[] = [];
  // The same three rules the ast-grep patterns stand for; then every rule.
  const others = RULES.map((r) => r.meta.id).filter((id) => !FIRST_THREE.includes(id));
  const measureOurs = (tool: string, extra: string[]): { m: Measurement; parsed?: string } => {
    const m = measure(tool, process.execPath, [CLI, corpus, '--format', 'json', '--stats', ...extra]);
    const stats = /(\d+) files \((\d+) parsed\), (\d+) lines in [\d.]+ s: .* peak RSS (\d+) MB/.exec(m.output);
    if (!m.peakMb && stats) m.peakMb = Number(stats[4]);
    const findings = /"warnings": (\d+)/.exec(m.output)?.[1] ?? '?';
    results.push({ m, findings: `${findings} findings, ${stats ? stats[2] : '?'} files parsed` });
    return { m, parsed: stats?.[2] };
  };
  const { m: ours, parsed } = measureOurs('ehi-lint', others.flatMap((id) => ['--rule', `${id}=off`]));
  const { m: allRules, parsed: parsedAll } = measureOurs('ehi-lint*', []);

  if (fs.existsSync(AST_GREP)) {
    const sg = measure('ast-grep', AST_GREP, ['scan', '-c', AST_GREP_CONFIG, corpus, '--json=stream']);
    results.push({ m: sg, findings: `${sg.output.split('\n').filter((l) => l.startsWith('{')).length} matches` });
  } else console.log('ast-grep: not installed (npm ci installs @ast-grep/cli)');

  const rg = which('rg');
  if (rg) {
    const r = measure('ripgrep', rg, ['-c', '-i', '-e', KEYWORDS, corpus]);
    results.push({ m: r, findings: `${r.output.split('\n').filter((l) => l.includes(':')).length} files matched` });
  } else console.log('ripgrep: not installed (Debian package `ripgrep`)');

  console.log('');
  console.log(`${pad('tool', 10)} ${pad('wall s', 8)} ${pad('files/s', 9)} ${pad('lines/s', 10)} ${pad('peak MB', 8)} result`);
  for (const { m, findings } of results) {
    console.log(
      `${pad(m.tool, 10)} ${pad(m.seconds.toFixed(3), 8)} ${pad(String(Math.round(files / m.seconds)), 9)} ${pad(String(Math.round(lines / m.seconds)), 10)} ${pad(m.peakMb ? m.peakMb.toFixed(0) : 'n/a', 8)} ${findings}`,
    );
  }
  const byTool = new Map(results.map((r) => [r.m.tool, r.m]));
  const sg = byTool.get('ast-grep');
  const rgm = byTool.get('ripgrep');
  console.log('');
  console.log(`ehi-lint = the first three rules (${FIRST_THREE.join(', ')}), the rules the ast-grep patterns stand for; ehi-lint* = all ${RULES.length} rules`);
  if (sg) console.log(`ehi-lint / ast-grep wall time: ${(ours.seconds / sg.seconds).toFixed(2)}x (target: at most 1.00x); with all rules: ${(allRules.seconds / sg.seconds).toFixed(2)}x`);
  if (rgm) console.log(`ehi-lint / ripgrep wall time: ${(ours.seconds / rgm.seconds).toFixed(1)}x (ripgrep parses nothing; the prefilter skips parsing files without trigger words)`);
  if (parsed) console.log(`files parsed by ehi-lint: ${parsed} of ${files} (${((100 * Number(parsed)) / files).toFixed(0)}%); with all rules: ${parsedAll} (${((100 * Number(parsedAll)) / files).toFixed(0)}%)`);

  console.log('\npeak memory by corpus size (ehi-lint):');
  for (const size of [TARGET_LINES / 2, TARGET_LINES, TARGET_LINES * 2]) {
    const dir = path.join(os.tmpdir(), `ehi-lint-bench-${size}`);
    const generated = await generateCorpus(dir, size);
    const m = measure('ehi-lint', process.execPath, [CLI, dir, '--format', 'json', '--stats']);
    const own = /peak RSS (\d+) MB/.exec(m.output)?.[1];
    console.log(`  ${pad(String(generated.lines), 8)} lines, ${pad(String(countFiles(dir)), 5)} files: peak ${(m.peakMb ?? Number(own)).toFixed(0)} MB, ${m.seconds.toFixed(2)} s`);
    if (size !== TARGET_LINES) fs.rmSync(dir, { recursive: true, force: true });
  }

  for (const extra of ['bench:lsp', 'bench:cache']) {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    if (!pkg.scripts[extra]) continue;
    console.log(`\n== npm run ${extra}`);
    const r = spawnSync('npm', ['run', '--silent', extra], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) console.log(`${extra} failed with exit code ${r.status}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
