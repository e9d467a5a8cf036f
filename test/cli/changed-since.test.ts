/**
 * Diff-aware scans and baselines in real git repositories: commits on a branch, renames, moved
 * lines, edits inside a multi-line construct, uncommitted and untracked files, and the errors when
 * git cannot answer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { findingChanged, parseUnifiedDiff, unquote } from '../../server/src/cli/git';
import { commitAll, git, gitRepo, runCli, tempDir, write } from '../helpers/cli';
import { assertValidSarif } from '../helpers/sarif-schema';

const RESOURCES = ['Patient/:id', 'Observation', 'Condition', 'Encounter', 'MedicationRequest', 'AllergyIntolerance', 'Immunization', 'Procedure', 'DiagnosticReport', 'DocumentReference'];

/** A route file with ten throttled EHI routes (ten findings), optionally with extra routes. */
function routes(order: string[] = RESOURCES, extra = ''): string {
  return [
    `import express from 'express';`,
    `import rateLimit from 'express-rate-limit';`,
    `import { read } from './store';`,
    ``,
    `const app = express();`,
    `const limiter = rateLimit({ windowMs: 60_000, max: 30 });`,
    ``,
    ...order.map((r) => `app.get('/fhir/r4/${r}', limiter, read('${r}'));`),
    ``,
    `app.get('/fhir/r4/CarePlan', read('CarePlan'));`,
    extra,
  ].join('\n');
}

const ADDED_THROTTLE = `app.get('/fhir/r4/Goal', async (req, res) => {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  res.json([]);
});
`;

interface JsonReport {
  files: { path: string; findings: { ruleId: string; line: number; endLine: number; fingerprint: string }[] }[];
  summary: { warnings: number; baselined: number };
}

function scan(dir: string, ...args: string[]): JsonReport {
  const result = runCli(['-f', 'json', ...args], { cwd: dir });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as JsonReport;
}

function findings(report: JsonReport): { path: string; line: number; fingerprint: string }[] {
  return report.files.flatMap((f) => f.findings.map((x) => ({ path: f.path, line: x.line, fingerprint: x.fingerprint })));
}

/** main: the route file with ten findings; branch `feature` checked out. */
function repoWithTenFindings(): string {
  const dir = gitRepo('diff');
  write(dir, { 'src/routes.ts': routes(), 'src/store.ts': 'export const read = (type: string) => (req: unknown, res: { json(x: unknown): void }) => res.json(type);\n' });
  commitAll(dir, 'routes');
  git(dir, 'checkout', '-q', '-b', 'feature');
  return dir;
}

describe('ehi-lint --changed-since (real git repositories)', function () {
  this.timeout(60_000);

  it('a branch that adds one throttle to a file with ten findings reports exactly that one; a baseline taken after the change leaves zero', () => {
    const dir = repoWithTenFindings();
    assert.equal(findings(scan(dir, 'src')).length, 10, 'the file starts with ten findings');
    write(dir, { 'src/routes.ts': routes(RESOURCES, ADDED_THROTTLE) });
    commitAll(dir, 'add a Goal route with a delay');

    const all = findings(scan(dir, 'src'));
    assert.equal(all.length, 11);
    const changed = findings(scan(dir, '--changed-since', 'main', 'src'));
    assert.equal(changed.length, 1, JSON.stringify(changed));
    assert.equal(changed[0].line, 21, 'the new setTimeout line');

    // The baseline records every finding of the files the scan analysed (the changed ones).
    const update = runCli(['--changed-since', 'main', '--baseline', 'ehi-lint.baseline.json', '--update-baseline', 'src'], { cwd: dir });
    assert.equal(update.status, 0, update.stderr);
    assert.equal(update.stderr, 'ehi-lint: wrote ehi-lint.baseline.json (11 findings)\n');
    const after = scan(dir, '--changed-since', 'main', '--baseline', 'ehi-lint.baseline.json', 'src');
    assert.equal(findings(after).length, 0);
    assert.equal(after.summary.baselined, 1, 'the one finding on changed lines is hidden by the baseline');
    assert.equal(findings(scan(dir, '--baseline', 'ehi-lint.baseline.json', 'src')).length, 0);

    // The same in SARIF and for GitHub annotations.
    const sarif = assertValidSarif(runCli(['-f', 'sarif', '--changed-since', 'main', 'src'], { cwd: dir }).stdout);
    assert.equal(sarif.runs[0].results.length, 1);
    const github = runCli(['-f', 'github', '--changed-since', 'main', 'src'], { cwd: dir }).stdout;
    assert.equal(github.split('\n').filter((l) => l.startsWith('::warning file=src/routes.ts,line=21')).length, 1, github);

    // A copy of a baselined line in a new file is new, although its fingerprint is the same.
    write(dir, { 'src/copy.ts': routes(['Observation']) });
    const copied = findings(scan(dir, '--changed-since', 'main', '--baseline', 'ehi-lint.baseline.json', 'src'));
    assert.deepEqual(copied.map((f) => `${f.path}:${f.line}`), ['src/copy.ts:8']);
  });

  it('counts staged, unstaged and untracked changes (merge base against the working tree)', () => {
    const dir = repoWithTenFindings();
    write(dir, { 'src/routes.ts': routes(RESOURCES, ADDED_THROTTLE), 'src/new-routes.ts': routes(['Patient/:id']) });
    const changed = findings(scan(dir, '--changed-since', 'main', 'src'));
    assert.deepEqual(
      changed.map((f) => `${f.path}:${f.line}`).sort(),
      ['src/new-routes.ts:8', 'src/routes.ts:21'],
      'the unstaged edit and every finding of the untracked file',
    );
  });

  it('compares with the merge base, so commits on main since the branch point do not count', () => {
    const dir = repoWithTenFindings();
    git(dir, 'checkout', '-q', 'main');
    write(dir, { 'src/other.ts': routes(['Observation']) });
    commitAll(dir, 'main moves on');
    git(dir, 'checkout', '-q', 'feature');
    assert.equal(findings(scan(dir, '--changed-since', 'main', 'src')).length, 0);
  });

  it('a renamed file with no edits reports nothing; renamed with one edit reports only the edited line', () => {
    const dir = repoWithTenFindings();
    git(dir, 'mv', 'src/routes.ts', 'src/fhir-routes.ts');
    commitAll(dir, 'rename');
    assert.equal(findings(scan(dir, '--changed-since', 'main', 'src')).length, 0);
    write(dir, { 'src/fhir-routes.ts': routes(RESOURCES, ADDED_THROTTLE) });
    commitAll(dir, 'edit after rename');
    const changed = findings(scan(dir, '--changed-since', 'main', 'src'));
    assert.deepEqual(changed.map((f) => `${f.path}:${f.line}`), ['src/fhir-routes.ts:21']);
  });

  it('moving lines changes them (they are reported), but their fingerprints survive, so a baseline still hides them', () => {
    const dir = repoWithTenFindings();
    const before = findings(scan(dir, 'src'));
    assert.equal(runCli(['--baseline', 'baseline.json', '--update-baseline', 'src'], { cwd: dir }).status, 0);
    const reordered = [...RESOURCES].reverse();
    write(dir, { 'src/routes.ts': routes(reordered).replace("const app = express();", "// routes, newest first\nconst app = express();") });
    commitAll(dir, 'reorder');
    const after = findings(scan(dir, 'src'));
    assert.deepEqual(after.map((f) => f.fingerprint).sort(), before.map((f) => f.fingerprint).sort(), 'same fingerprints after the move');
    assert.notDeepEqual(after.map((f) => f.line), before.map((f) => f.line));
    assert.ok(findings(scan(dir, '--changed-since', 'main', 'src')).length > 0, 'moved lines are changed lines');
    assert.equal(findings(scan(dir, '--changed-since', 'main', '--baseline', 'baseline.json', 'src')).length, 0);
    assert.equal(findings(scan(dir, '--baseline', 'baseline.json', 'src')).length, 0);
  });

  it('a finding counts when any line of its construct changed, or a related location (the limiter it uses)', () => {
    const dir = repoWithTenFindings();
    const multiline = `app.get(
  '/fhir/r4/Goal',
  async (req, res) => {
    await new Promise((resolve) =>
      setTimeout(resolve, 3000));
    res.json([]);
  });
`;
    write(dir, { 'src/routes.ts': routes(RESOURCES, multiline) });
    commitAll(dir, 'goal route');
    git(dir, 'branch', '-f', 'goal');
    // Only the second line of the two-line finding changes.
    write(dir, { 'src/routes.ts': routes(RESOURCES, multiline.replace('3000', '4000')) });
    commitAll(dir, 'longer delay');
    const changed = findings(scan(dir, '--changed-since', 'goal', 'src'));
    assert.deepEqual(changed.map((f) => f.line), [23], 'the finding starting on the line above the edit');

    // Changing the limiter's definition changes every route it guards.
    write(dir, { 'src/routes.ts': routes(RESOURCES, multiline.replace('3000', '4000')).replace('max: 30', 'max: 5') });
    commitAll(dir, 'stricter limiter');
    assert.equal(findings(scan(dir, '--changed-since', 'HEAD~1', 'src')).length, 10);
  });

  it('outside a git repository, with an unknown revision, or without a common ancestor: exit 2 and one line on stderr', () => {
    const plain = tempDir('nogit');
    write(plain, { 'a.ts': routes() });
    const outside = runCli(['--changed-since', 'main', '.'], { cwd: plain });
    assert.equal(outside.status, 2);
    assert.match(outside.stderr, /^ehi-lint: --changed-since needs a git repository, and .* is not inside one\n$/);

    const dir = repoWithTenFindings();
    const unknown = runCli(['--changed-since', 'no-such-branch', 'src'], { cwd: dir });
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'ehi-lint: --changed-since: "no-such-branch" is not a commit, branch or tag in this repository\n');

    git(dir, 'checkout', '-q', '--orphan', 'unrelated');
    commitAll(dir, 'unrelated history');
    const orphan = runCli(['--changed-since', 'main', 'src'], { cwd: dir });
    assert.equal(orphan.status, 2);
    assert.match(orphan.stderr, /no common ancestor/);
    assert.equal(orphan.stderr.split('\n').length, 2);
  });

  it('without git on PATH: exit 2 saying so', () => {
    const dir = repoWithTenFindings();
    const result = runCli(['--changed-since', 'main', 'src'], { cwd: dir, env: { PATH: tempDir('empty-path') } });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'ehi-lint: --changed-since needs git, and no git program was found on PATH\n');
  });
});

describe('git diff parsing', () => {
  it('reads added lines, deletions, renames and quoted paths from --unified=0 output', () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1..2 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3 +3 @@ x',
      '-old',
      '+new',
      '@@ -10,2 +9,0 @@',
      '-gone',
      '-gone',
      '@@ -20,0 +19,3 @@',
      '+a',
      '+b',
      '+c',
      'diff --git a/old.ts b/new.ts',
      'similarity index 100%',
      'rename from old.ts',
      'rename to new.ts',
      'diff --git "a/we\\tird \\303\\251.ts" "b/we\\tird \\303\\251.ts"',
      '--- "a/we\\tird \\303\\251.ts"',
      '+++ "b/we\\tird \\303\\251.ts"',
      '@@ -1 +1 @@',
      '-x',
      '+y',
    ].join('\n');
    const files = parseUnifiedDiff(diff);
    assert.deepEqual([...files.keys()], ['src/a.ts', 'new.ts', 'we\tird é.ts']);
    const a = files.get('src/a.ts')!;
    assert.deepEqual([...a.lines].sort((x, y) => x - y), [3, 19, 20, 21]);
    assert.deepEqual(a.deletionsAfter, [9]);
    assert.equal(files.get('new.ts')!.lines.size, 0);
    assert.equal(unquote('"plain"'), 'plain');
  });

  it('a deletion inside a construct changes it; one at its edge does not', () => {
    const range = (from: number, to: number) => ({ range: { start: { line: from - 1, character: 0 }, end: { line: to - 1, character: 5 } }, related: [] });
    const changes = { untracked: false, lines: new Set<number>(), deletionsAfter: [9] };
    assert.equal(findingChanged(changes, range(8, 10)), true);
    assert.equal(findingChanged(changes, range(10, 12)), false);
    assert.equal(findingChanged(changes, range(5, 9)), false);
    assert.equal(findingChanged(undefined, range(1, 1)), false);
  });

  it('reads its own output back: a repository with a renamed and edited file', () => {
    const dir = gitRepo('parse');
    write(dir, { 'a.txt': 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n' });
    commitAll(dir, 'a');
    fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    write(dir, { 'b.txt': 'one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\n' });
    git(dir, 'add', '-A');
    const files = parseUnifiedDiff(git(dir, 'diff', '--cached', '--unified=0', '-M', '--src-prefix=a/', '--dst-prefix=b/'));
    assert.deepEqual([...files.keys()], ['b.txt']);
    assert.deepEqual([...files.get('b.txt')!.lines], [3]);
  });
});
