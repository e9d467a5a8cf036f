/**
 * The ready-made integrations: the GitHub Action's scan step, run for real in a temporary git
 * repository with the variables GitHub sets, and the pre-commit hook definition.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
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
    };
    assert.deepEqual(Object.keys(scan.env!).sort(), Object.keys(env).filter((k) => k.startsWith('EHI_')).sort(), 'the test sets what the step sets');
    const result = spawnSync('bash', ['-e', '-c', scan.run!], { cwd: repo, env, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.deepEqual(annotations.map((l) => l.slice(0, l.indexOf('::', 2))), ['::warning file=src/routes.ts,line=7,endLine=7,col=3,endColumn=48,title=unjustified-throttle']);
    const sarif = assertValidSarif(fs.readFileSync(path.join(repo, 'ehi-lint.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].results.length, 1);
    const summary = fs.readFileSync(summaryFile, 'utf8');
    assert.match(summary, /^# EHI Lint compliance report/);
    assert.ok(summary.includes('[src/routes.ts:7](https://github.com/acme/ehr/blob/abc123/src/routes.ts#L7)'));
    assert.deepEqual(fs.readFileSync(outputFile, 'utf8').trim().split('\n'), ['sarif-file=ehi-lint.sarif', 'exit-code=0']);
    assert.ok(fs.existsSync(path.join(temp, 'ehi-lint-cache')), 'the cache lives in the runner temp folder, not the checkout');
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
