/**
 * `--shard K/N` and `ehi-lint merge`: shards partition the files deterministically (by a hash of
 * the relative path, the same on every machine), and the merged SARIF equals the unsharded one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { shardOf } from '../../server/src/cli/shard';
import { runCli, tempDir, write } from '../helpers/cli';
import { assertValidSarif } from '../helpers/sarif-schema';
import { writeSampleProject } from '../helpers/sample-project';

const ROUTE = (i: number) => `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const limiter${i} = rateLimit({ windowMs: 60_000, max: ${i + 1} });
app.get('/fhir/r4/Observation/${i}', limiter${i}, (req, res) => res.json([]));
`;

describe('ehi-lint --shard and merge', function () {
  this.timeout(120_000);
  let dir: string;
  let out: string;
  before(() => {
    dir = tempDir('shard');
    out = tempDir('shard-out');
    writeSampleProject(dir);
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`services/svc-${i}/routes.ts`] = ROUTE(i);
    write(dir, files);
  });

  it('--shard 1/3, 2/3 and 3/3, merged, equal the unsharded SARIF', () => {
    const full = runCli(['-f', 'sarif', '-o', path.join(out, 'full.sarif')], { cwd: dir });
    assert.equal(full.status, 0, full.stderr);
    const shards = [1, 2, 3].map((k) => {
      const file = path.join(out, `shard-${k}.sarif`);
      const result = runCli(['-f', 'sarif', '--shard', `${k}/3`, '-o', file], { cwd: dir });
      assert.equal(result.status, 0, result.stderr);
      return file;
    });
    const counts = shards.map((f) => assertValidSarif(fs.readFileSync(f, 'utf8')).runs[0].results.length);
    assert.ok(counts.filter((n) => n > 0).length >= 2, `results spread over shards: ${counts}`);

    const merged = runCli(['merge', ...shards.reverse(), '-o', path.join(out, 'merged.sarif')], { cwd: dir });
    assert.equal(merged.status, 0, merged.stderr);
    const expected = assertValidSarif(fs.readFileSync(path.join(out, 'full.sarif'), 'utf8'));
    const actual = assertValidSarif(fs.readFileSync(path.join(out, 'merged.sarif'), 'utf8'));
    assert.ok(expected.runs[0].results.length > 12);
    assert.deepEqual(actual.runs[0].results, expected.runs[0].results);
    assert.deepEqual(actual, expected, 'the whole log: rules, notifications, everything');

    // Merging to standard output, and merging a shard with itself, change nothing either.
    const stdout = runCli(['merge', shards[0], shards[1], shards[2], shards[0]], { cwd: dir });
    assert.deepEqual(JSON.parse(stdout.stdout), expected);
  });

  it('the shards partition the files: disjoint, and together every file', () => {
    const listed = (args: string[]) =>
      new Set<string>(
        JSON.parse(runCli(['-f', 'sarif', ...args], { cwd: dir }).stdout).runs[0].results.map(
          (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri,
        ),
      );
    const all = listed([]);
    const parts = [1, 2, 3, 4].map((k) => listed(['--shard', `${k}/4`]));
    const union = new Set(parts.flatMap((p) => [...p]));
    assert.deepEqual([...union].sort(), [...all].sort());
    assert.equal(parts.reduce((n, p) => n + p.size, 0), all.size, 'no file in two shards');
    assert.equal(listed(['--shard', '1/1']).size, all.size);
  });

  it('assignment depends only on the relative path (fixed values, the same on any machine)', () => {
    // Fixed expectations: a change here would split a CI matrix differently across versions.
    assert.deepEqual(['src/routes.ts', 'config/portal-settings.json', 'a/b/c.py'].map((p) => shardOf(p, 3)), [2, 1, 2]);
    assert.equal(shardOf('src/routes.ts', 7), 4);
    const spread = new Map<number, number>();
    for (let i = 0; i < 3000; i++) spread.set(shardOf(`src/file-${i}.ts`, 3), (spread.get(shardOf(`src/file-${i}.ts`, 3)) ?? 0) + 1);
    for (const k of [1, 2, 3]) assert.ok(spread.get(k)! > 900 && spread.get(k)! < 1100, `shard ${k}: ${spread.get(k)} of 3000`);
  });

  it('bad shard specs and bad merge inputs: exit 2, one line', () => {
    for (const spec of ['0/3', '4/3', '1/0', 'a/b', '2']) {
      const result = runCli(['--shard', spec], { cwd: dir });
      assert.equal(result.status, 2, spec);
      assert.equal(result.stderr, `ehi-lint: --shard takes <k>/<n> with 1 ≤ k ≤ n, for example --shard 2/3 (got "${spec}")\n`);
    }
    write(out, { 'not.sarif': '{ "version": "2.0.0", "runs": [] }', 'other.sarif': JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'eslint' } } }] }) });
    assert.equal(runCli(['merge'], { cwd: dir }).stderr, 'ehi-lint: merge needs the SARIF files to join: ehi-lint merge a.sarif b.sarif ... [-o out.sarif]\n');
    assert.equal(runCli(['merge', path.join(out, 'missing.sarif')], { cwd: dir }).stderr, `ehi-lint: ${path.join(out, 'missing.sarif')}: no such file\n`);
    assert.equal(runCli(['merge', path.join(out, 'not.sarif')], { cwd: dir }).stderr, `ehi-lint: ${path.join(out, 'not.sarif')}: not a SARIF 2.1.0 log\n`);
    const foreign = runCli(['merge', path.join(out, 'other.sarif')], { cwd: dir });
    assert.equal(foreign.status, 2);
    assert.equal(foreign.stderr, `ehi-lint: ${path.join(out, 'other.sarif')}: a run from "eslint", not ehi-lint; only ehi-lint shards can be merged\n`);
  });
});
