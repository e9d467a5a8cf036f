/**
 * `npm run eval`: scores the rules on the independent evaluation set (`test/eval/`, written by people
 * who had not read the rules; see its README). Each area is copied to a temporary folder, scanned
 * with the CLI like any project, and its findings matched to the labels: precision and recall per
 * rule, per batch and overall.
 *
 *   node out/scripts/eval.js [--details] [--batch NAME] [--json FILE]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const EVAL = path.join(ROOT, 'test', 'eval');
const CLI = path.join(ROOT, 'bin', 'ehi-lint.js');

export interface Span {
  file: string;
  lines: [number, number];
}

export interface Expectation {
  rule: string;
  file: string;
  lines: [number, number];
  also?: { file: string; lines: [number, number] }[];
}

export interface Case {
  id: string;
  files: string[];
  expect: Expectation[];
  note?: string;
}

export interface Labels {
  writer?: string;
  written?: string;
  cases: Case[];
}

/** A finding as the scorer sees it: its rule and every place it points at. */
export interface ScoredFinding {
  rule: string;
  file: string;
  line: number;
  message: string;
  places: Span[];
}

export interface Outcome {
  caseId: string;
  rule: string;
  kind: 'tp' | 'fp' | 'fn';
  where: string;
  message?: string;
}

const SLACK = 1;

function overlaps(a: Span, b: Span): boolean {
  return a.file === b.file && a.lines[0] - SLACK <= b.lines[1] && b.lines[0] <= a.lines[1] + SLACK;
}

function spansOf(e: Expectation): Span[] {
  return [{ file: e.file, lines: e.lines }, ...(e.also ?? []).map((a) => ({ file: a.file, lines: a.lines }))];
}

/**
 * Matches one case's findings to its expectations: a finding matches an expectation of its rule when
 * one of its places overlaps one of the expectation's spans. Each matches at most once; findings on
 * their primary location are preferred, so a second report of the same practice is the false positive.
 */
export function scoreCase(c: Case, findings: ScoredFinding[]): Outcome[] {
  const out: Outcome[] = [];
  const used = new Set<ScoredFinding>();
  for (const e of c.expect) {
    const spans = spansOf(e);
    const candidates = findings.filter((f) => f.rule === e.rule && !used.has(f) && f.places.some((p) => spans.some((s) => overlaps(p, s))));
    const primary = candidates.find((f) => spans.some((s) => overlaps(f.places[0], s))) ?? candidates[0];
    if (primary) {
      used.add(primary);
      out.push({ caseId: c.id, rule: e.rule, kind: 'tp', where: `${e.file}:${e.lines[0]}` });
    } else out.push({ caseId: c.id, rule: e.rule, kind: 'fn', where: `${e.file}:${e.lines[0]}` });
  }
  for (const f of findings) if (!used.has(f)) out.push({ caseId: c.id, rule: f.rule, kind: 'fp', where: `${f.file}:${f.line}`, message: f.message });
  return out;
}

interface CliFinding {
  ruleId: string;
  message: string;
  line: number;
  endLine: number;
  related: { line: number; endLine: number; file?: string }[];
}

/** Scans one area as a project and returns its open findings by file, and its notices. */
function scanArea(dir: string): { findings: ScoredFinding[]; notices: string[] } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-eval-'));
  const copy = path.join(work, path.basename(dir));
  fs.cpSync(dir, copy, { recursive: true });
  fs.rmSync(path.join(copy, 'labels.json'));
  try {
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: copy, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`ehi-lint failed on ${dir} (exit ${r.status}): ${r.stderr}`);
    const report = JSON.parse(r.stdout) as { files: { path: string; findings: CliFinding[]; notices: { message: string; line?: number }[] }[] };
    const findings: ScoredFinding[] = [];
    const notices: string[] = [];
    for (const file of report.files) {
      const rel = file.path.split(path.sep).join('/').replace(/^\.\//, '');
      for (const n of file.notices) notices.push(`${rel}${n.line ? `:${n.line}` : ''}: ${n.message}`);
      for (const f of file.findings) {
        findings.push({
          rule: f.ruleId,
          file: rel,
          line: f.line,
          message: f.message,
          places: [{ file: rel, lines: [f.line, f.endLine] }, ...f.related.map((x) => ({ file: x.file ?? rel, lines: [x.line, x.endLine] as [number, number] }))],
        });
      }
    }
    return { findings, notices };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function add(map: Map<string, Tally>, key: string, kind: Outcome['kind']): void {
  const t = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  t[kind]++;
  map.set(key, t);
}

function ratio(n: number, d: number): string {
  return d === 0 ? '   – ' : (n / d).toFixed(2).padStart(5);
}

function row(name: string, t: Tally): string {
  return `${name.padEnd(24)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}  ${ratio(t.tp, t.tp + t.fp)}  ${ratio(t.tp, t.tp + t.fn)}`;
}

function main(argv: string[]): void {
  const details = argv.includes('--details');
  const batchArg = argv.indexOf('--batch');
  const onlyBatch = batchArg >= 0 ? argv[batchArg + 1] : undefined;
  const jsonArg = argv.indexOf('--json');
  const batches = fs.readdirSync(EVAL).filter((b) => fs.statSync(path.join(EVAL, b)).isDirectory() && (!onlyBatch || b === onlyBatch)).sort();
  const outcomes: (Outcome & { batch: string; area: string })[] = [];
  const problems: string[] = [];
  for (const batch of batches) {
    for (const area of fs.readdirSync(path.join(EVAL, batch)).sort()) {
      const dir = path.join(EVAL, batch, area);
      const labelsFile = path.join(dir, 'labels.json');
      if (!fs.existsSync(labelsFile)) continue;
      const labels = JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as Labels;
      const { findings, notices } = scanArea(dir);
      for (const n of notices) problems.push(`${batch}/${area}/${n}`);
      const owner = new Map<string, Case>();
      for (const c of labels.cases) for (const f of c.files) owner.set(f, c);
      const byCase = new Map<Case, ScoredFinding[]>();
      for (const f of findings) {
        const c = owner.get(f.file);
        if (!c) {
          problems.push(`${batch}/${area}/${f.file}: a finding in a file no case owns (${f.rule})`);
          continue;
        }
        byCase.set(c, [...(byCase.get(c) ?? []), f]);
      }
      for (const c of labels.cases) for (const o of scoreCase(c, byCase.get(c) ?? [])) outcomes.push({ ...o, batch, area });
    }
  }
  const byRule = new Map<string, Tally>();
  const byBatch = new Map<string, Tally>();
  const total: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const o of outcomes) {
    add(byRule, o.rule, o.kind);
    add(byBatch, `${o.batch}/${o.area}`, o.kind);
    total[o.kind]++;
  }
  const header = `${'rule'.padEnd(24)}   TP   FP   FN  prec. recall`;
  const lines = [header, ...[...byRule.keys()].sort().map((r) => row(r, byRule.get(r)!)), row('overall', total), '', header.replace('rule', 'batch/area'), ...[...byBatch.keys()].sort().map((b) => row(b, byBatch.get(b)!))];
  process.stdout.write(lines.join('\n') + '\n');
  if (problems.length > 0) process.stdout.write(`\nnotices and unowned findings (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  if (details) {
    for (const kind of ['fn', 'fp'] as const) {
      const list = outcomes.filter((o) => o.kind === kind);
      process.stdout.write(`\n${kind === 'fn' ? 'missed' : 'false positives'} (${list.length}):\n`);
      for (const o of list) process.stdout.write(`  ${o.rule.padEnd(22)} ${o.batch}/${o.area}/${o.where}  [${o.caseId}]${o.message ? `  ${o.message.slice(0, 140)}` : ''}\n`);
    }
  }
  if (jsonArg >= 0) fs.writeFileSync(argv[jsonArg + 1], JSON.stringify({ byRule: Object.fromEntries(byRule), total, outcomes }, null, 1));
}

if (require.main === module) main(process.argv.slice(2));
