/**
 * `--cache`: unchanged files are answered from the cache with the same results; a change to the
 * file, the configuration, a rule's version or the tool invalidates; a corrupt, truncated or
 * half-written cache is never read; a run killed at any moment leaves a cache the next run can use.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CACHE_DIRECTORY, cacheKey, contentId, ResultCache, settingsSignature, stampOf } from '../../server/src/cli/cache';
import type { FileAnalysis } from '../../server/src/core/engine';
import { resolveSettings } from '../../server/src/settings/settings';
import { REPO, runCli, tempDir, write } from '../helpers/cli';
import { writeSampleProject } from '../helpers/sample-project';
import { RULES } from '../../rules';

const stats = (stderr: string): { files: number; cached: number } => {
  const m = /stats: (\d+) files \(\d+ parsed, (\d+) from the cache/.exec(stderr);
  assert.ok(m, stderr);
  return { files: Number(m[1]), cached: Number(m[2]) };
};

describe('ehi-lint --cache', function () {
  this.timeout(120_000);

  it('a second run answers every unchanged file from the cache, with identical output', () => {
    const dir = tempDir('cache');
    writeSampleProject(dir);
    const first = runCli(['--cache', '--stats', '-f', 'json'], { cwd: dir });
    assert.equal(stats(first.stderr).cached, 0);
    assert.ok(fs.existsSync(path.join(dir, CACHE_DIRECTORY, 'results.json')));
    const second = runCli(['--cache', '--stats', '-f', 'json'], { cwd: dir });
    const s = stats(second.stderr);
    assert.equal(s.cached, s.files);
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.status, first.status);
  });

  it('caches what worker threads analysed, parsed or not', () => {
    const dir = tempDir('cache-workers');
    // Enough files for the run to use workers: some parsed (trigger words), most answered unparsed.
    for (let i = 0; i < 60; i++) {
      const text =
        i % 3 === 0
          ? `import rateLimit from 'express-rate-limit';\nconst limiter = rateLimit({ windowMs: 60_000, max: ${i + 5} });\napp.get('/fhir/Patient/:id', limiter, readPatient${i});\n`
          : `export function add${i}(a: number, b: number): number {\n  return a + b + ${i};\n}\n`;
      write(dir, { [`src/file${i}.ts`]: text });
    }
    const first = runCli(['--cache', '--stats', '-j', '2', '-f', 'json'], { cwd: dir });
    assert.equal(stats(first.stderr).cached, 0);
    assert.match(first.stdout, /unjustified-throttle/);
    const second = runCli(['--cache', '--stats', '-j', '2', '-f', 'json'], { cwd: dir });
    const s = stats(second.stderr);
    assert.equal(s.files, 60);
    assert.equal(s.cached, 60);
    assert.equal(second.stdout, first.stdout);
  });

  it('re-analyses a file whose content changed, and everything when the configuration changes', () => {
    const dir = tempDir('cache-change');
    writeSampleProject(dir);
    runCli(['--cache'], { cwd: dir });
    const routes = path.join(dir, 'src/routes.ts');
    fs.writeFileSync(routes, fs.readFileSync(routes, 'utf8').replace("app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);", ''));
    const edited = runCli(['--cache', '--stats', '-f', 'json'], { cwd: dir });
    const s = stats(edited.stderr);
    assert.equal(s.cached, s.files - 1);
    const uncached = runCli(['-f', 'json'], { cwd: dir });
    assert.equal(edited.stdout, uncached.stdout, 'the same as a scan without the cache');

    const severity = runCli(['--cache', '--stats', '--rule', 'unjustified-throttle=error', '-f', 'json'], { cwd: dir });
    assert.equal(stats(severity.stderr).cached, 0, 'a rule level is part of the key');
    assert.equal(severity.status, 1);
    write(dir, { 'ehi-lint.config.json': JSON.stringify({ audit: { pattern: 'trail' } }) });
    assert.equal(stats(runCli(['--cache', '--stats'], { cwd: dir }).stderr).cached, 0, 'the config is part of the key');
  });

  it('keys on content, path, rules with their versions and severities, options, register entries and (for annotated files) the date', () => {
    const settings = resolveSettings(RULES, {});
    const signature = settingsSignature(settings);
    const day = new Date('2026-06-01T10:00:00Z');
    const plain = Buffer.from('const a = 1;\n');
    const annotated = Buffer.from('// ehi-exception: security\nconst a = 1;\n');
    const key = (s: string, p: string, b: Buffer, when = day) => cacheKey(s, p, contentId(b), [], when);
    assert.equal(key(signature, 'a.ts', plain), key(signature, 'a.ts', Buffer.from(plain)));
    assert.notEqual(key(signature, 'a.ts', plain), key(signature, 'b.ts', plain));
    assert.notEqual(key(signature, 'a.ts', plain), key(signature, 'a.ts', Buffer.from('const a = 2;\n')));
    assert.equal(key(signature, 'a.ts', plain), key(signature, 'a.ts', plain, new Date('2026-09-01')), 'no annotation: the date does not matter');
    assert.equal(key(signature, 'a.ts', annotated), key(signature, 'a.ts', annotated, new Date('2026-06-01T23:00:00Z')));
    assert.notEqual(key(signature, 'a.ts', annotated), key(signature, 'a.ts', annotated, new Date('2026-06-02T10:00:00Z')), 'review-by is judged by the day');
    const bumped = { ...settings, rules: settings.rules.map((r, i) => (i === 0 ? { ...r, rule: { ...r.rule, meta: { ...r.rule.meta, version: r.rule.meta.version + 1 } } } : r)) };
    assert.notEqual(settingsSignature(bumped), signature, 'a rule version bump invalidates');
    assert.notEqual(settingsSignature(resolveSettings(RULES, { rules: { 'fax-only-manner': 'off' } })), signature);
    assert.notEqual(settingsSignature(resolveSettings(RULES, { auditPattern: 'trail' })), signature);
    assert.notEqual(settingsSignature(resolveSettings(RULES, { maxFileBytes: 10 })), signature);
  });

  it('never reads a corrupt cache: bad checksum, truncation, garbage, another version, or a wrong key', () => {
    const dir = tempDir('cache-corrupt');
    writeSampleProject(dir);
    const expected = runCli(['-f', 'json'], { cwd: dir }).stdout;
    runCli(['--cache'], { cwd: dir });
    const file = path.join(dir, CACHE_DIRECTORY, 'results.json');
    const good = fs.readFileSync(file, 'utf8');
    const header = good.slice(0, good.indexOf('\n'));
    const body = good.slice(good.indexOf('\n') + 1);
    // A tampered finding message with the checksum left alone.
    const tampered = `${header}\n${body.replace('rate-limits route', 'TAMPERED')}`;
    assert.notEqual(tampered, good);
    const variants: [string, string][] = [
      ['checksum mismatch', tampered],
      ['no header', good.slice(0, good.indexOf('\n'))],
      ['checksum mismatch', good.slice(0, Math.floor(good.length / 2))],
      ['unreadable header', '\u0000\u0001garbage\n{}'],
      ['format ehi-lint-cache v99', good.replace(/"version":\d+/, '"version":99')],
    ];
    for (const [why, text] of variants) {
      fs.writeFileSync(file, text);
      const result = runCli(['--cache', '--stats', '-f', 'json'], { cwd: dir });
      assert.equal(result.stdout, expected, why);
      assert.equal(stats(result.stderr).cached, 0, why);
      assert.match(result.stderr, new RegExp(`stored cache ignored: ${why}`));
    }
    // A stale entry (its key no longer matches) is a miss, not a wrong answer.
    const cache = ResultCache.open(path.join(dir, CACHE_DIRECTORY));
    const entry = { path: 'src/routes.ts', findings: [], suppressed: [], exceptions: [], notices: [], lines: 1, parsed: true } as FileAnalysis;
    const routes = path.join(dir, 'src/routes.ts');
    cache.set('src/routes.ts', 'old-key', contentId(fs.readFileSync(routes)), stampOf(fs.statSync(routes), Date.now()), entry);
    cache.save(dir);
    const reopened = ResultCache.open(path.join(dir, CACHE_DIRECTORY));
    assert.equal(reopened.get('src/routes.ts', 'other-key', () => undefined), undefined);
    assert.deepEqual(reopened.get('src/routes.ts', 'old-key', () => undefined), entry);
    assert.equal(runCli(['--cache', '-f', 'json'], { cwd: dir }).stdout, expected);
    // Temporary files of an interrupted write are never read.
    fs.writeFileSync(`${file}.123.abc.tmp`, 'half a cache');
    assert.equal(runCli(['--cache', '-f', 'json'], { cwd: dir }).stdout, expected);
  });

  it('reuses a content hash only while the stat is unchanged and the file was modified well before it was hashed', () => {
    const dir = tempDir('cache-stat');
    write(dir, { 'a.ts': 'export const a = 1;\n' });
    const file = path.join(dir, 'a.ts');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    const cache = ResultCache.open(path.join(dir, CACHE_DIRECTORY));
    const result = { path: 'a.ts', findings: [], suppressed: [], exceptions: [], notices: [], lines: 2, parsed: false } as FileAnalysis;
    const content = contentId(fs.readFileSync(file));
    cache.set('a.ts', 'k', content, stampOf(fs.statSync(file), Date.now()), result);
    assert.deepEqual(cache.knownContent('a.ts', fs.statSync(file)), content);
    assert.equal(cache.knownContent('b.ts', fs.statSync(file)), undefined);
    // Same size, mtime put back: the ctime still moves, so the file is read again.
    fs.writeFileSync(file, 'export const a = 2;\n');
    fs.utimesSync(file, old, old);
    assert.equal(cache.knownContent('a.ts', fs.statSync(file)), undefined);
    // Modified just before it was hashed: an edit in the same timestamp could go unseen, so never trusted.
    const fresh = path.join(dir, 'fresh.ts');
    fs.writeFileSync(fresh, 'x');
    cache.set('fresh.ts', 'k', contentId(fs.readFileSync(fresh)), stampOf(fs.statSync(fresh), Date.now()), { ...result, path: 'fresh.ts' });
    assert.equal(cache.knownContent('fresh.ts', fs.statSync(fresh)), undefined);
  });

  it('an edit that keeps size and mtime is still seen by the CLI', () => {
    const dir = tempDir('cache-same-size');
    writeSampleProject(dir);
    const routes = path.join(dir, 'src/routes.ts');
    const old = new Date(Date.now() - 60_000);
    for (const f of ['src/routes.ts', 'src/release_of_information.py', 'src/broken.ts']) fs.utimesSync(path.join(dir, f), old, old);
    runCli(['--cache'], { cwd: dir });
    const second = runCli(['--cache', '--stats', '-f', 'json'], { cwd: dir });
    assert.equal(stats(second.stderr).cached, stats(second.stderr).files);
    // Same length: a handler name changes case.
    const text = fs.readFileSync(routes, 'utf8');
    fs.writeFileSync(routes, text.replace("app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);", "app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatienT);"));
    fs.utimesSync(routes, old, old);
    assert.equal(fs.statSync(routes).size, Buffer.byteLength(text));
    const third = runCli(['--cache', '--stats', '-f', 'json'], { cwd: dir });
    assert.equal(stats(third.stderr).cached, stats(third.stderr).files - 1);
    assert.equal(third.stdout, runCli(['-f', 'json'], { cwd: dir }).stdout);
  });

  it('survives runs killed at any moment: the next run still gives the right answer', async () => {
    const dir = tempDir('cache-kill');
    writeSampleProject(dir);
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`gen/file-${i}.ts`] = `import express from 'express';\nconst app = express();\napp.get('/fhir/r4/Patient/${i}', async (req, res) => {\n  await new Promise((r) => setTimeout(r, 5000));\n  res.json([]);\n});\n`;
    write(dir, files);
    for (const delay of [100, 400, 900]) {
      const expected = runCli(['-f', 'json'], { cwd: dir }).stdout;
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [path.join(REPO, 'bin', 'ehi-lint.js'), '--cache', '-f', 'json'], { cwd: dir, stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      assert.equal(runCli(['--cache', '-f', 'json'], { cwd: dir }).stdout, expected, `after a kill at ${delay} ms`);
      // Edit a file so the next killed run has work to write.
      fs.appendFileSync(path.join(dir, 'gen/file-0.ts'), '// edit\n');
    }
  });
});
