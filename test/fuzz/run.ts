/**
 * `npm run fuzz`: a long fuzzing run over every input kind, reporting per kind how many inputs were
 * tried and which notices they got, and every broken property with the case that breaks it.
 *
 *   npm run fuzz -- --seed 42 --runs 10000 [--kind yaml] [--no-fixes] [--verbose]
 *
 * `--runs` is the total, shared evenly among the kinds. Exit code 1 when any property broke.
 */
import fc from 'fast-check';
import { checkInput, Outcome } from './check';
import { InputKind, KINDS, seeds } from './corpus';
import { applyMutations, caseArb, FuzzCase } from './mutate';

/** An input one analysis of which takes longer than this is reported: a hang, or time that grows faster than the input. */
const SLOW_MS = 10_000;

interface Args {
  seed: number;
  runs: number;
  kinds: InputKind[];
  fixes: boolean;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seed: Date.now() % 2 ** 31, runs: 10_000, kinds: [...KINDS], fixes: true, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--seed') args.seed = Number(value());
    else if (a === '--runs') args.runs = Number(value());
    else if (a === '--kind') args.kinds = value().split(',') as InputKind[];
    else if (a === '--no-fixes') args.fixes = false;
    else if (a === '--verbose') args.verbose = true;
    else throw new Error(`unknown option ${a} (--seed N, --runs N, --kind K[,K], --no-fixes, --verbose)`);
  }
  for (const k of args.kinds) if (!KINDS.includes(k)) throw new Error(`unknown kind ${k}; kinds: ${KINDS.join(', ')}`);
  if (!Number.isInteger(args.seed) || !Number.isInteger(args.runs) || args.runs < 1) throw new Error('--seed and --runs take integers');
  return args;
}

/** The cases for one kind, reproducible from the seed. */
export function casesFor(kind: InputKind, seed: number, runs: number): FuzzCase[] {
  const all = seeds();
  const indexes = all.flatMap((s, i) => (s.kind === kind ? [i] : []));
  return fc.sample(caseArb(indexes, all.length), { seed: seed + KINDS.indexOf(kind), numRuns: runs });
}

export async function runCase(c: FuzzCase, fixes = true): Promise<{ outcome: Outcome; bytes: Buffer }> {
  const all = seeds();
  const seed = all[c.seed];
  const bytes = applyMutations(seed.bytes, c.mutations, (i) => all[i].bytes);
  return { outcome: await checkInput(seed, bytes, { fixes }), bytes };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const perKind = Math.ceil(args.runs / args.kinds.length);
  process.stdout.write(`fuzzing ${args.kinds.length} kinds, ${perKind} inputs each, seed ${args.seed}\n`);
  let broken = 0;
  const seen = new Set<string>();
  const rows: string[] = [];
  const started = Date.now();
  for (const kind of args.kinds) {
    const counts = new Map<string, number>();
    let failed = 0;
    const t0 = Date.now();
    const cases = casesFor(kind, args.seed, perKind);
    for (const [index, c] of cases.entries()) {
      const { outcome, bytes } = await runCase(c, args.fixes);
      const ms = outcome.slowestMs;
      if (args.verbose) process.stdout.write(`${kind} #${index} ${seeds()[c.seed].display} ${bytes.length} bytes ${ms} ms ${outcome.notices.join(',')}\n`);
      if (ms > SLOW_MS) outcome.violations.push(`slow: one analysis took ${ms} ms for ${bytes.length} bytes`);
      for (const n of outcome.notices) counts.set(n, (counts.get(n) ?? 0) + 1);
      if (outcome.violations.length > 0) {
        failed++;
        broken++;
        for (const v of outcome.violations) {
          const key = v.slice(0, 120);
          if (seen.has(key)) continue;
          seen.add(key);
          process.stdout.write(`\n[${kind} #${index}] ${v}\n  case: ${JSON.stringify({ ...c, file: seeds()[c.seed].display }).slice(0, 1500)}\n`);
        }
      }
    }
    const notices = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    rows.push(`${kind.padEnd(11)} ${String(cases.length).padStart(6)} inputs  ${String(failed).padStart(4)} broken  ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  notices: ${notices}`);
    process.stdout.write(`${rows[rows.length - 1]}\n`);
  }
  process.stdout.write(`\nseed ${args.seed}, ${((Date.now() - started) / 1000).toFixed(0)} s\n${rows.join('\n')}\n${broken} broken input(s)\n`);
  return broken > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(`fuzz: ${err.message}\n`);
      process.exitCode = 2;
    },
  );
}
