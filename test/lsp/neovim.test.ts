/**
 * EHI Lint in a real Neovim (Debian's `neovim` package, a README prerequisite), headless: the
 * session in neovim/session.lua starts the language server as the README's Neovim setup does,
 * receives diagnostics, turns a rule off through the client's `settings` and sees its finding go,
 * applies a "Document as" code action through vim.lsp.buf.code_action, and runs a command that must
 * not wait on a question. Skipped with the reason when nvim is not installed, except in CI
 * (CI=true), where that is a failure.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './client';

const IN_CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());
const NVIM = process.env.NVIM_PATH ?? 'nvim';
const SESSION = path.join(ROOT, 'test', 'lsp', 'neovim', 'session.lua');

const ROUTES = `import rateLimit from 'express-rate-limit';
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);
`;

interface SessionResult {
  nvim: string;
  steps: string[];
  error?: string;
  received: boolean;
  initial: { code: string; lnum: number }[];
  disappeared: boolean;
  afterOff: { code: string }[];
  reappeared: boolean;
  titles: string[];
  applied: boolean;
  text: string;
  annotationChecked: boolean;
  documentation: string | null;
}

function nvimVersion(): string | undefined {
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

describe('EHI Lint in headless Neovim', function () {
  this.timeout(120_000);
  let version: string | undefined;

  before(function () {
    version = nvimVersion();
    if (!version) {
      const message = `the Neovim test needs nvim (${NVIM}) on the PATH: apt-get install neovim (a README prerequisite), or set NVIM_PATH`;
      if (IN_CI) throw new Error(message);
      console.log(`      SKIPPED: ${message}`);
      this.skip();
    }
  });

  it('diagnostics, a rule turned off through settings, a code action, a command that does not block', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-lint-nvim-')));
    try {
      const file = path.join(dir, 'routes.ts');
      fs.writeFileSync(file, ROUTES);
      fs.mkdirSync(path.join(dir, '.git'));
      const result = path.join(dir, 'result.json');
      const run = spawnSync(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${SESSION}`], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 100_000,
        env: {
          ...process.env,
          EHI_NVIM_FILE: file,
          EHI_NVIM_WORKSPACE: dir,
          EHI_NVIM_RESULT: result,
          EHI_NVIM_CMD: JSON.stringify([process.execPath, path.join(ROOT, 'bin', 'ehi-lint.js'), 'lsp', '--stdio']),
          EHI_LINT_FROM_SOURCES: '1',
          XDG_STATE_HOME: path.join(dir, 'state'),
          XDG_DATA_HOME: path.join(dir, 'data'),
          XDG_CONFIG_HOME: path.join(dir, 'config'),
        },
      });
      assert.ok(fs.existsSync(result), `nvim wrote no result (status ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`);
      const r = JSON.parse(fs.readFileSync(result, 'utf8')) as SessionResult;
      assert.equal(r.error, undefined, `the session failed after ${r.steps.join(', ')}: ${r.error}`);
      assert.ok(r.received, 'diagnostics arrived');
      assert.deepEqual(r.initial.map((d) => [d.code, d.lnum]), [['unjustified-throttle', 3]]);
      assert.ok(r.disappeared, 'the finding went when settings turned its rule off');
      assert.deepEqual(r.afterOff, []);
      assert.ok(r.reappeared, 'and came back when they turned it on');
      assert.ok(r.titles.some((t) => t.startsWith('Document as')), r.titles.join(' | '));
      assert.ok(r.applied, 'the code action changed the buffer');
      assert.match(r.text, /\/\/ ehi-exception: [a-z-]+\n/);
      assert.ok(r.annotationChecked, 'the edited buffer was analysed again');
      assert.equal(r.documentation, 'https://github.com/ehi-lint/ehi-lint/blob/main/docs/rules/unjustified-throttle.md');
      assert.deepEqual(r.steps, ['opened', 'started', 'diagnostics', 'rule off', 'rule on', 'code action', 'command', 'stopped']);
      console.log(`      ran on ${version}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
