/**
 * Baselines: matching by rule and fingerprint (one entry hides one finding, same file first), the
 * update that drops findings that disappeared and keeps files the scan did not look at, the file
 * format, and clear errors for bad baseline files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { applyBaseline, BaselineEntry, updatedBaseline } from '../../server/src/cli/baseline';
import type { FileAnalysis, Finding } from '../../server/src/core/engine';
import { runCli, tempDir, write } from '../helpers/cli';

function finding(ruleId: string, fingerprint: string, line = 1): Finding {
  const range = { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 5 } };
  return { ruleId, severity: 'warning', message: 'm', range, start: 0, end: 5, related: [], exceptions: [], fingerprint };
}

function file(p: string, findings: Finding[]): FileAnalysis {
  return { path: p, findings, suppressed: [], exceptions: [], notices: [], lines: 10, parsed: true };
}

const entry = (ruleId: string, fingerprint: string, p: string): BaselineEntry => ({ ruleId, fingerprint, path: p });

const THROTTLED = (route: string) => `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const limiter = rateLimit({ windowMs: 60_000, max: 30 });
app.get('/fhir/r4/${route}', limiter, (req, res) => res.json({}));
`;

describe('baselines', function () {
  this.timeout(60_000);

  it('hides a finding only when rule and fingerprint match, one entry per finding, same file first', () => {
    const files = [file('a.ts', [finding('r1', 'x:0'), finding('r2', 'x:0')]), file('b.ts', [finding('r1', 'x:0')])];
    const one = applyBaseline(files, { file: 'b', entries: [entry('r1', 'x:0', 'b.ts')] });
    assert.deepEqual(one.files.map((f) => f.findings.map((x) => x.ruleId)), [['r1', 'r2'], []], "b.ts's own entry hides b.ts's finding, not a.ts's");
    assert.equal(one.hidden.length, 1);
    const renamed = applyBaseline(files, { file: 'b', entries: [entry('r1', 'x:0', 'old-name.ts')] });
    assert.equal(renamed.hidden.length, 1, 'an entry of a renamed file still matches');
    const both = applyBaseline(files, { file: 'b', entries: [entry('r1', 'x:0', 'a.ts'), entry('r1', 'x:0', 'b.ts'), entry('r2', 'y:0', 'a.ts')] });
    assert.deepEqual(both.files.map((f) => f.findings.map((x) => x.ruleId)), [['r2'], []], 'another fingerprint does not match');
  });

  it('update: replaces the entries of analysed files with their findings, keeps the others', () => {
    const previous = [entry('r1', 'gone:0', 'a.ts'), entry('r1', 'kept:0', 'c.ts')];
    const next = updatedBaseline(previous, [file('a.ts', [finding('r1', 'new:0', 3)])], new Set(['a.ts', 'b.ts']));
    assert.deepEqual(
      next.map((e) => `${e.path} ${e.fingerprint}`),
      ['a.ts new:0', 'c.ts kept:0'],
    );
  });

  it('CLI: --update-baseline writes a versioned file; findings that disappear are dropped on the next update', () => {
    const dir = tempDir('baseline');
    write(dir, { 'src/a.ts': THROTTLED('Patient'), 'src/b.ts': THROTTLED('Observation') });
    const written = runCli(['--baseline', 'baseline/ehi.json', '--update-baseline', 'src'], { cwd: dir });
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stdout.trim(), '✔ no problems in 2 files');
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'baseline/ehi.json'), 'utf8'));
    assert.equal(data.version, 1);
    assert.deepEqual(data.findings.map((f: { path: string; ruleId: string; line: number }) => `${f.path}:${f.line} ${f.ruleId}`), ['../src/a.ts:5 unjustified-throttle', '../src/b.ts:5 unjustified-throttle']);

    fs.writeFileSync(path.join(dir, 'src/b.ts'), 'export const nothing = 1;\n');
    write(dir, { 'src/c.ts': THROTTLED('Condition') });
    const report = JSON.parse(runCli(['-f', 'json', '--baseline', 'baseline/ehi.json', 'src'], { cwd: dir }).stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['src/c.ts'], 'only the new finding');
    assert.equal(report.summary.baselined, 1);

    // An update over one file keeps the other entries; an update over everything drops b.ts's.
    runCli(['--baseline', 'baseline/ehi.json', '--update-baseline', 'src/c.ts'], { cwd: dir });
    const partial = JSON.parse(fs.readFileSync(path.join(dir, 'baseline/ehi.json'), 'utf8'));
    assert.deepEqual(partial.findings.map((f: { path: string }) => f.path), ['../src/a.ts', '../src/b.ts', '../src/c.ts']);
    runCli(['--baseline', 'baseline/ehi.json', '--update-baseline', 'src'], { cwd: dir });
    const full = JSON.parse(fs.readFileSync(path.join(dir, 'baseline/ehi.json'), 'utf8'));
    assert.deepEqual(full.findings.map((f: { path: string }) => f.path), ['../src/a.ts', '../src/c.ts']);
  });

  it('bad baseline files and flags: exit 2 with the file and the problem', () => {
    const dir = tempDir('baseline-bad');
    write(dir, {
      'a.ts': THROTTLED('Patient'),
      'broken.json': '{ "version": 1, ',
      'old.json': '{ "version": 0, "findings": [] }',
      'list.json': '[]',
      'entry.json': '{ "version": 1, "findings": [{ "ruleId": "x" }] }',
    });
    const cases: [string[], string][] = [
      [['--baseline', 'missing.json', 'a.ts'], 'ehi-lint: missing.json: no such baseline file (create it with --update-baseline)\n'],
      [['--baseline', 'old.json', 'a.ts'], 'ehi-lint: old.json: baseline version 0 is not supported (this ehi-lint writes version 1; regenerate it with --update-baseline)\n'],
      [['--baseline', 'list.json', 'a.ts'], 'ehi-lint: list.json: not a baseline file: expected a JSON object with "version" and "findings"\n'],
      [['--baseline', 'entry.json', 'a.ts'], 'ehi-lint: entry.json: findings[0] needs "ruleId", "fingerprint" and "path" strings\n'],
      [['--update-baseline', 'a.ts'], 'ehi-lint: --update-baseline needs --baseline <file> to say where the baseline goes\n'],
    ];
    for (const [args, stderr] of cases) {
      const result = runCli(args, { cwd: dir });
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stderr, stderr);
    }
    const broken = runCli(['--baseline', 'broken.json', 'a.ts'], { cwd: dir });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^ehi-lint: broken\.json: not a baseline file: invalid JSON \(.+\)\n$/);
  });
});
