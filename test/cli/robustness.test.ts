/**
 * The command line under hostile input: a FIFO or other special file named on the command line is
 * a one-line notice, not silently skipped; an internal error in one file is one line naming the
 * file and the problem (the stack only with `--debug`), the other files are still analysed, and
 * the exit code is 2.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, runCli, tempDir, write } from '../helpers/cli';

const THROTTLED = `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
app.get('/fhir/r4/Patient/:id', rateLimit({ windowMs: 60_000, max: 30 }), (req, res) => res.json({}));
`;

const PRELOAD = path.join(__dirname, '..', 'helpers', 'throwing-rule.js');

function runWithBuggyRule(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, ['--require', PRELOAD, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', EHI_LINT_FROM_SOURCES: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the command line under hostile input', function () {
  this.timeout(60_000);

  it('names a FIFO given on the command line in one line, and still analyses the other files', function () {
    const dir = tempDir('fifo');
    write(dir, { 'a.ts': THROTTLED });
    const fifo = path.join(dir, 'pipe.ts');
    if (spawnSync('mkfifo', [fifo]).status !== 0 || !fs.statSync(fifo).isFIFO()) this.skip();
    const r = runCli(['pipe.ts', 'a.ts', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { skipped: { path: string; reason: string }[]; files: { path: string }[] };
    assert.deepEqual(report.skipped, [{ path: 'pipe.ts', reason: 'not a regular file (a FIFO); not analysed' }]);
    assert.deepEqual(report.files.map((f) => f.path), ['a.ts']);
    // Named alone, the FIFO leaves nothing to scan: exit 2 with the reason in one line.
    const alone = runCli(['pipe.ts'], { cwd: dir });
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /^ehi-lint: nothing to scan: pipe\.ts: not a regular file \(a FIFO\); not analysed/m);
    const accepted = runCli(['pipe.ts', '--no-error-on-unmatched-pattern'], { cwd: dir });
    assert.equal(accepted.status, 0, accepted.stderr);
    assert.match(accepted.stdout, /^pipe\.ts: skipped: not a regular file \(a FIFO\); not analysed$/m);
  });

  for (const jobs of ['1', '2']) {
    it(`reports an internal error in one file in one line, analyses the others, and exits 2 (--jobs ${jobs})`, () => {
      const dir = tempDir('internal');
      write(dir, { 'boom.ts': THROTTLED, 'ok.ts': THROTTLED });
      const r = runWithBuggyRule(['.', '--format', 'json', '--jobs', jobs, '--no-prefilter'], dir);
      assert.equal(r.status, 2, r.stderr);
      const lines = r.stderr.trim().split('\n');
      assert.deepEqual(lines, ['ehi-lint: internal error in boom.ts: rule unjustified-throttle failed on this file: a rule bug for the test']);
      const report = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string }[]; notices: object[] }[] };
      const ok = report.files.find((f) => f.path === 'ok.ts');
      assert.ok(ok?.findings.some((f) => f.ruleId === 'unjustified-throttle'), 'the other file is still analysed');
      const boom = report.files.find((f) => f.path === 'boom.ts')!;
      assert.equal(JSON.stringify(boom.notices).includes('    at '), false, 'no stack in the report');

      const debug = runWithBuggyRule(['.', '--format', 'json', '--jobs', jobs, '--no-prefilter', '--debug'], dir);
      assert.equal(debug.status, 2);
      assert.match(debug.stderr, /^ehi-lint: internal error in boom\.ts: rule unjustified-throttle failed on this file: a rule bug for the test\nError: a rule bug for the test\n\s+at /);
    });
  }
});
