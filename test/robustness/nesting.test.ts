/**
 * Deep nesting never crashes: every parser entry point refuses a file nested past its limit with
 * one notice, and a file nested to just under the limit is analysed with half the default stack
 * (so the limits leave room for whatever stack the caller already uses).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { RULES } from '../../rules';
import { parseRegister } from '../../server/src/core/annotations/register';
import { decodeEscapes, JAVASCRIPT_ESCAPES } from '../../server/src/core/lang/escapes';
import { jsonNesting, MAX_CONFIG_NESTING } from '../../server/src/core/nesting';
import { parseConfigText } from '../../server/src/settings/config-file';
import { ConfigError } from '../../server/src/settings/settings';
import { runCli, tempDir, write } from '../helpers/cli';
import { DEEP_INPUTS, ProbeLine } from './deep-inputs';

const PROBE = path.join(__dirname, 'deep-inputs.js');

function runProbe(mode: 'under' | 'over', stackKb: number): ProbeLine[] {
  const r = spawnSync(process.execPath, [`--stack-size=${stackKb}`, PROBE, mode], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  assert.equal(r.status, 0, `the probe ended with ${r.status ?? r.signal}: ${r.stderr.slice(0, 2000)}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as ProbeLine);
}

describe('deep nesting', function () {
  this.timeout(120_000);

  it('analyses every kind nested to just under its limit with half the default stack', () => {
    const lines = runProbe('under', 490);
    assert.equal(lines.length, DEEP_INPUTS.length);
    for (const line of lines) {
      assert.equal(line.threw, undefined, `${line.file} (${line.form}) threw: ${line.threw}`);
      const bad = line.notices!.filter((n) => n.code !== 'syntax');
      assert.deepEqual(bad, [], `${line.file} (${line.form}, ${line.depth} deep)`);
    }
  });

  it('refuses every kind nested past its limit with one notice, never a RangeError', () => {
    for (const line of runProbe('over', 984)) {
      assert.equal(line.threw, undefined, `${line.file} (${line.form}) threw: ${line.threw}`);
      assert.deepEqual(
        line.notices!.map((n) => n.code),
        ['too-deep'],
        `${line.file} (${line.form}): ${JSON.stringify(line.notices)}`,
      );
      assert.match(line.notices![0].message, /^nesting deeper than \d+ levels; not analysed$/);
    }
  });

  it('measures JSON nesting past strings and comments', () => {
    assert.equal(jsonNesting('{"a": "[[[[", /* {{{{ */ "b": [1, [2]] // [[[\n}').depth, 3);
    assert.equal(jsonNesting('[[["\\"[["]]]').depth, 3);
    assert.equal(jsonNesting('[[[[', 2).overAt, 2);
  });

  it('reads a deeply nested register as nothing, saying why', () => {
    const parse = parseRegister('ehi-exceptions.yaml', '- '.repeat(50_000) + 'x\n');
    assert.deepEqual(parse.entries, []);
    assert.equal(parse.tooDeep, `nesting deeper than ${MAX_CONFIG_NESTING} levels; not analysed`);
  });

  it('gives a one-line configuration error for a deeply nested config file', () => {
    const text = '{"rules": ' + '['.repeat(50_000) + ']'.repeat(50_000) + '}';
    assert.throws(
      () => parseConfigText(text, '/project/ehi-lint.config.json', 'ehi-lint.config.json', RULES),
      (err: unknown) => err instanceof ConfigError && /^ehi-lint\.config\.json:1:\d+: nesting deeper than 200 levels; not analysed$/.test((err as Error).message),
    );
  });

  it('exits 2 with one line, no stack, for a deeply nested config or register on the command line', () => {
    const dir = tempDir('deep');
    write(dir, { 'ehi-lint.config.json': '{"rules": ' + '['.repeat(30_000) + ']'.repeat(30_000) + '}', 'a.ts': 'x = 1;\n' });
    const config = runCli([dir, '--format', 'json'], { cwd: dir });
    assert.equal(config.status, 2);
    assert.match(config.stderr.trim(), /^[^\n]*ehi-lint\.config\.json:1:\d+: nesting deeper than 200 levels; not analysed$/);

    const dir2 = tempDir('deep-register');
    write(dir2, { 'ehi-exceptions.yaml': '- '.repeat(30_000) + 'x\n', 'a.ts': 'x = 1;\n' });
    const register = runCli([dir2, '--format', 'json'], { cwd: dir2 });
    assert.equal(register.status, 2, register.stderr);
    assert.match(register.stderr.trim(), /^[^\n]*ehi-exceptions\.yaml: nesting deeper than 200 levels; not analysed$/);
  });

  it('decodes a JavaScript \\u{…} escape past U+10FFFF as U+FFFD instead of throwing', () => {
    assert.equal(decodeEscapes('a\\u{110000}b', JAVASCRIPT_ESCAPES), 'a\ufffdb');
    assert.equal(decodeEscapes('\\u{FFFFFF}', JAVASCRIPT_ESCAPES), '\ufffd');
  });
});
