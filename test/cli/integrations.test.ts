/**
 * The ready-made integrations: the GitHub Action's scan step, run for real in a temporary git
 * repository with the variables GitHub sets, and the pre-commit hook definition.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { HELP } from '../../server/src/cli/args';
import { commitAll, git, gitRepo, REPO, tempDir, write } from '../helpers/cli';
import { assertValidSarif } from '../helpers/sarif-schema';
import { formatForPath } from '../../server/src/core/language';


interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  if?: string;
}

const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

const ROUTES = (extra = '') => `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const limiter = rateLimit({ windowMs: 60_000, max: 30 });
app.get('/fhir/r4/Patient/:id', limiter, (req, res) => res.json({}));
${extra}`;

describe('integrations', function () {
  this.timeout(120_000);

  it('action.yml: a composite action whose expressions use only declared inputs and whose commands use real options', () => {
    assert.equal(action.runs.using, 'composite');
    const text = fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8');
    const used = new Set([...text.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]));
    assert.deepEqual([...used].filter((i) => !(i in action.inputs)), []);
    assert.deepEqual(Object.keys(action.inputs).filter((i) => !used.has(i)), [], 'every input is used');
    const scan = action.runs.steps.find((s) => s.id === 'scan')!;
    const options = new Set([...scan.run!.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((m) => m[0]));
    const other = new Set(['--no-tags', '--quiet', '--unshallow', '--is-shallow-repository']);
    for (const option of options) if (!other.has(option)) assert.ok(HELP.includes(option), `ehi-lint has no option ${option}`);
    assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')), 'uploads SARIF');
  });

  it('action.yml installs and builds nothing, and scans once: SARIF, annotations and the summary come from one run', () => {
    const text = fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8');
    for (const step of action.runs.steps) {
      assert.doesNotMatch(step.run ?? '', /\b(npm|npx|yarn|pnpm|tsc|esbuild)\b|scripts\/bundle/, `step "${step.name ?? step.uses}" installs or builds`);
      if (step.uses) assert.match(step.uses, /^(actions\/setup-node|github\/codeql-action\/upload-sarif)@/);
    }
    const scan = action.runs.steps.find((s) => s.id === 'scan')!;
    assert.equal([...scan.run!.matchAll(/"\$\{lint\[@\]\}"/g)].length, 1, 'one ehi-lint run');
    assert.match(scan.run!, /dist\/cli\.js/);
    assert.match(text, /--report "sarif=/);
    assert.match(text, /--report "markdown=/);
  });

  it('dist/: the committed CLI bundle is built from the committed sources, and runs with nothing installed', function () {
    const head = spawnSync('git', ['show', 'HEAD:dist/cli.js'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO }).status !== 0) this.skip();
    assert.equal(head.status, 0, 'dist/cli.js is committed (the GitHub Action runs it): run `npm run build` and commit dist/cli.js, dist/worker.js and dist/wasm/');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SOURCES } = require(path.join(REPO, 'scripts', 'bundle.js')) as { SOURCES: string[] };
    const tree = spawnSync('git', ['ls-tree', '-r', 'HEAD', '--', ...SOURCES], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    const lines = tree
      .trim()
      .split('\n')
      .map((l) => {
        const [meta, file] = l.split('\t');
        return { file, blob: meta.split(' ')[2] };
      })
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .map((e) => `${e.blob} ${e.file}\n`);
    const expected = createHash('sha256').update(lines.join('')).digest('hex');
    const named = /^\/\* ehi-lint sources ([0-9a-f]{64}) \*\//.exec(head.stdout)?.[1];
    assert.equal(named, expected, 'the committed dist/ was built from other sources: run `npm run build` and commit dist/cli.js, dist/worker.js and dist/wasm/');
    for (const file of ['dist/worker.js', 'dist/wasm/tree-sitter-typescript.wasm', 'dist/wasm/web-tree-sitter.wasm']) {
      assert.equal(spawnSync('git', ['cat-file', '-e', `HEAD:${file}`], { cwd: REPO }).status, 0, `${file} is committed`);
    }

    // The bundle alone (no node_modules, no out/): as the action runs it.
    const alone = tempDir('bundle-alone');
    fs.cpSync(path.join(REPO, 'dist'), path.join(alone, 'dist'), { recursive: true });
    write(alone, { 'project/src/routes.ts': ROUTES() });
    const run = spawnSync(process.execPath, [path.join(alone, 'dist', 'cli.js'), '-f', 'json', 'project'], { cwd: alone, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId), ['unjustified-throttle']);
  });

  it("action.yml's scan step, run as GitHub would in a pull request: annotations for the changed line, SARIF, a job summary, outputs", () => {
    const repo = gitRepo('action');
    write(repo, { 'src/routes.ts': ROUTES() });
    commitAll(repo, 'base');
    const base = git(repo, 'rev-parse', 'HEAD').trim();
    git(repo, 'checkout', '-q', '-b', 'pr');
    write(repo, { 'src/routes.ts': ROUTES(`app.get('/fhir/r4/Observation', async (req, res) => {\n  await new Promise((r) => setTimeout(r, 3000));\n  res.json([]);\n});\n`) });
    commitAll(repo, 'change');

    const scan = action.runs.steps.find((s) => s.id === 'scan')!;
    const temp = tempDir('action-runner');
    const outputFile = path.join(temp, 'output');
    const summaryFile = path.join(temp, 'summary.md');
    const inputs = (name: string): string => action.inputs[name].default ?? '';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GITHUB_ACTION_PATH: REPO,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/ehr',
      GITHUB_SHA: 'abc123',
      RUNNER_TEMP: temp,
      EHI_PATHS: inputs('paths'),
      EHI_BASE_REF: base,
      EHI_CONFIG: inputs('config'),
      EHI_BASELINE: inputs('baseline'),
      EHI_MAX_WARNINGS: inputs('max-warnings'),
      EHI_SARIF: inputs('sarif-file'),
      EHI_JOB_SUMMARY: inputs('job-summary'),
      EHI_CATEGORY: 'ehi-lint-services',
    };
    assert.deepEqual(Object.keys(scan.env!).sort(), Object.keys(env).filter((k) => k.startsWith('EHI_')).sort(), 'the test sets what the step sets');
    const result = spawnSync('bash', ['-e', '-c', scan.run!], { cwd: repo, env, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.deepEqual(annotations.map((l) => l.slice(0, l.indexOf('::', 2))), ['::warning file=src/routes.ts,line=7,endLine=7,col=3,endColumn=48,title=unjustified-throttle']);
    const sarif = assertValidSarif(fs.readFileSync(path.join(repo, 'ehi-lint.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].results.length, 1);
    assert.equal(sarif.runs[0].automationDetails.id, 'ehi-lint-services/');
    const summary = fs.readFileSync(summaryFile, 'utf8');
    assert.match(summary, /^# EHI Lint compliance report/);
    assert.ok(summary.includes('[src/routes.ts:7](https://github.com/acme/ehr/blob/abc123/src/routes.ts#L7)'));
    assert.deepEqual(fs.readFileSync(outputFile, 'utf8').trim().split('\n'), ['sarif-file=ehi-lint.sarif', 'exit-code=0']);
    assert.match(summary, /_EHI Lint action: \d+\.\d{3} s wall time \(the scan \d+\.\d{3} s\)\._\n$/, 'the action prints its own wall time');
    assert.equal(git(repo, 'status', '--porcelain', '--ignored').trim(), '?? ehi-lint.sarif');

    // With max-warnings 0 the step reports exit code 1 for the last step to fail on.
    fs.rmSync(outputFile);
    const strict = spawnSync('bash', ['-e', '-c', scan.run!], { cwd: repo, env: { ...env, EHI_MAX_WARNINGS: '0', EHI_JOB_SUMMARY: 'false' }, encoding: 'utf8' });
    assert.equal(strict.status, 0, strict.stderr);
    assert.match(fs.readFileSync(outputFile, 'utf8'), /exit-code=1/);
  });

  it('.pre-commit-hooks.yaml: runs ehi-lint on exactly the files it reads', () => {
    const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; exclude: string }[];
    const hook = hooks.find((h) => h.id === 'ehi-lint')!;
    // Staged files that the config excludes leave nothing to scan: not a reason to refuse the commit.
    assert.equal(hook.entry, 'ehi-lint --no-error-on-unmatched-pattern');
    assert.equal(hook.language, 'node');
    const regex = (r: string) => new RegExp(r.replace(/^\(\?i\)/, ''), r.startsWith('(?i)') ? 'i' : '');
    const pattern = { test: (name: string) => regex(hook.files).test(name) && !regex(hook.exclude).test(name) };
    const names = ['a.d.ts', 'a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'A.java', 'A.cs', 'a.py', 'a.json', 'a.jsonc', 'a.yaml', 'a.yml', 'a.xml', 'a.properties', 'A.TS', 'a.md', 'a.txt', 'a.go', 'a.sh', 'a.html'];
    for (const name of names) assert.equal(pattern.test(name), formatForPath(name) !== undefined, name);
  });
});
