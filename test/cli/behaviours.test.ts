/**
 * The command line as users meet it, one test per behaviour: standard input, empty scans, ignored
 * paths named explicitly, --max-warnings, --quiet's summary, colour, and the GitLab format.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { HELP } from '../../server/src/cli/args';
import { gitRepo, runCli, tempDir, write } from '../helpers/cli';

const THROTTLED = `import rateLimit from 'express-rate-limit';
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);
`;
const THROTTLED_PY = `from slowapi import Limiter
limiter = Limiter(key_func=get_remote_address)

@app.get("/fhir/r4/Patient/{pid}")
@limiter.limit("5/minute")
def read_patient(pid):
    return store.read(pid)
`;

describe('command-line behaviours', function () {
  this.timeout(60_000);

  describe('--stdin with --stdin-filename', () => {
    let dir: string;
    before(() => {
      dir = gitRepo('stdin');
      write(dir, {
        '.gitignore': 'generated/\n',
        'ehi-lint.config.json': JSON.stringify({ rules: { 'unjustified-throttle': 'error' }, exclude: ['legacy/**'] }),
        'services/placeholder.ts': 'export const x = 1;\n',
      });
    });

    it('lints the text on standard input as the named file, which need not exist', () => {
      const r = runCli(['--stdin', '--stdin-filename', 'services/routes.ts', '-f', 'json'], { cwd: dir, input: THROTTLED });
      assert.equal(r.status, 1, 'the config file found from the path makes the rule an error');
      const json = JSON.parse(r.stdout);
      assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['services/routes.ts']);
      assert.equal(json.files[0].findings[0].ruleId, 'unjustified-throttle');
      assert.equal(json.files[0].findings[0].severity, 'error');
    });

    it('the extension decides the language', () => {
      const py = runCli(['--stdin', '--stdin-filename', 'services/api.py', '-f', 'json'], { cwd: dir, input: THROTTLED_PY });
      const json = JSON.parse(py.stdout);
      assert.equal(json.files[0].language, 'python');
      const asText = runCli(['--stdin', '--stdin-filename', 'services/notes.txt'], { cwd: dir, input: THROTTLED });
      assert.equal(asText.status, 0);
      assert.match(asText.stdout, /services\/notes\.txt: skipped: not a file ehi-lint reads/);
    });

    it('the path decides the ignores: .gitignore, the config\'s exclude and test code', () => {
      for (const [file, reason] of [
        ['generated/routes.ts', /ignored by \.gitignore/],
        ['legacy/routes.ts', /excluded by ehi-lint\.config\.json/],
        ['services/routes.test.ts', /test code/],
      ] as const) {
        const r = runCli(['--stdin', '--stdin-filename', file], { cwd: dir, input: THROTTLED });
        assert.equal(r.status, 0, `${file}: ${r.stderr}`);
        assert.match(r.stdout, new RegExp(`${file.replace(/\./g, '\\.')}: skipped: ${reason.source}`), r.stdout);
        assert.doesNotMatch(r.stdout, /unjustified-throttle/);
      }
    });

    it('needs --stdin-filename and no paths', () => {
      assert.match(runCli(['--stdin'], { cwd: dir, input: '' }).stderr, /--stdin needs --stdin-filename/);
      assert.equal(runCli(['--stdin', '--stdin-filename', 'a.ts', 'src'], { cwd: dir, input: '' }).status, 2);
      assert.equal(runCli(['--stdin-filename', 'a.ts'], { cwd: dir }).status, 2);
    });
  });

  describe('empty scans', () => {
    it('exit 2 with a message naming why, for every kind of path', () => {
      const dir = gitRepo('empty');
      write(dir, { '.gitignore': 'gen/\n*.generated.ts\n', 'docs/readme.md': '# x\n', 'src/a.generated.ts': 'x', 'tests/a.test.ts': 'x', 'notes.txt': 'x' });
      const cases: [string[], RegExp][] = [
        [['docs'], /^ehi-lint: nothing to scan: docs holds no file ehi-lint reads/],
        [['src'], /^ehi-lint: nothing to scan: all files matched by src are ignored \(1 ignored by \.gitignore\)/],
        [['tests'], /all files matched by tests are ignored \(1 test code \(--include-tests scans it\)\)/],
        [['notes.txt'], /nothing to scan: notes\.txt: not a file ehi-lint reads/],
      ];
      for (const [args, message] of cases) {
        const r = runCli(args, { cwd: dir });
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, message);
        assert.match(r.stderr, /--no-error-on-unmatched-pattern/);
        assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
      }
    });

    it('--no-error-on-unmatched-pattern accepts it', () => {
      const dir = tempDir('empty-ok');
      write(dir, { 'docs/readme.md': '# x\n' });
      const r = runCli(['docs', '--no-error-on-unmatched-pattern'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
    });
  });

  describe('paths named explicitly that a .gitignore ignores', () => {
    it('are linted, files and folders alike, while the other ignore rules still apply inside', () => {
      const dir = gitRepo('named-ignored');
      write(dir, { '.gitignore': 'generated/\nlocal.ts\n*.min.js\n', 'generated/routes.ts': THROTTLED, 'generated/vendor.min.js': THROTTLED, 'local.ts': THROTTLED });
      const all = runCli(['-f', 'json', '--no-error-on-unmatched-pattern'], { cwd: dir });
      assert.deepEqual(JSON.parse(all.stdout).files, [], 'a folder scan leaves them out');
      const folder = JSON.parse(runCli(['-f', 'json', 'generated'], { cwd: dir }).stdout);
      assert.deepEqual(folder.files.map((f: { path: string }) => f.path), ['generated/routes.ts']);
      const file = JSON.parse(runCli(['-f', 'json', 'local.ts'], { cwd: dir }).stdout);
      assert.deepEqual(file.files.map((f: { path: string }) => f.path), ['local.ts']);
    });
  });

  describe('--max-warnings', () => {
    let dir: string;
    before(() => {
      dir = tempDir('max-warnings');
      write(dir, { 'a.ts': THROTTLED, 'b.ts': THROTTLED });
    });

    it('says on stderr how many warnings there were and what the maximum is', () => {
      const r = runCli(['--max-warnings', '0'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.equal(r.stderr, 'ehi-lint found 2 warnings; the maximum is 0\n');
      const within = runCli(['--max-warnings', '2'], { cwd: dir });
      assert.equal(within.status, 0);
      assert.equal(within.stderr, '');
    });

    it('rejects negative and non-numeric values with a clear message', () => {
      for (const [value, message] of [
        ['-1', /--max-warnings must be 0 or more \(got -1\)/],
        ['many', /--max-warnings needs a whole number/],
      ] as const) {
        const r = runCli(['--max-warnings', value], { cwd: dir });
        assert.equal(r.status, 2);
        assert.match(r.stderr, message);
      }
      assert.match(runCli(['--max-warnings=-3'], { cwd: dir }).stderr, /must be 0 or more \(got -3\)/);
    });
  });

  describe('--quiet', () => {
    it('does not claim "no problems" when it hid warnings, and hidden warnings still count for --max-warnings', () => {
      const dir = tempDir('quiet');
      write(dir, { 'a.ts': THROTTLED });
      const r = runCli(['-q'], { cwd: dir });
      assert.equal(r.status, 0);
      assert.doesNotMatch(r.stdout, /no problems/);
      assert.equal(r.stdout.trim(), '✔ no errors in 1 file; 1 warning not shown (--quiet)');
      assert.equal(runCli(['-q', '--max-warnings', '0'], { cwd: dir }).status, 1);
      const clean = tempDir('quiet-clean');
      write(clean, { 'a.ts': 'export const x = 1;\n' });
      assert.equal(runCli(['-q'], { cwd: clean }).stdout.trim(), '✔ no problems in 1 file');
    });
  });

  describe('colour', () => {
    let dir: string;
    before(() => {
      dir = tempDir('color');
      write(dir, { 'a.ts': THROTTLED });
    });
    const colored = (out: string): boolean => out.includes('\u001b[');

    it('FORCE_COLOR turns it on and off; NO_COLOR turns it off; flags win', () => {
      // Output to a pipe is plain by default.
      assert.equal(colored(runCli([], { cwd: dir, env: { NO_COLOR: '' } }).stdout), false);
      assert.equal(colored(runCli([], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout), true);
      assert.equal(colored(runCli([], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout), true, 'FORCE_COLOR is the stronger');
      assert.equal(colored(runCli([], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout), false);
      assert.equal(colored(runCli(['--color'], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout), true);
      assert.equal(colored(runCli(['--no-color'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout), false);
    });

    it('--color and --no-color are in --help', () => {
      assert.match(HELP, /--color, --no-color/);
      assert.match(runCli(['--help']).stdout, /FORCE_COLOR/);
    });
  });

  describe('--report', () => {
    it('writes the same scan in more formats, each to its file', () => {
      const dir = tempDir('report');
      write(dir, { 'a.ts': THROTTLED });
      const r = runCli(['-f', 'github', '--report', 'sarif=out/a.sarif', '--report', 'markdown=out/summary.md'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^::warning file=a\.ts,/m);
      const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out/a.sarif'), 'utf8'));
      assert.equal(sarif.runs[0].results.length, 1);
      const md = fs.readFileSync(path.join(dir, 'out/summary.md'), 'utf8');
      assert.ok(md.includes('[a.ts:3](../a.ts#L3)'), 'links relative to where the report is written');
      assert.equal(runCli(['--report', 'pdf=x.pdf'], { cwd: dir }).status, 2);
    });
  });

  describe('--format gitlab', () => {
    it('writes GitLab Code Quality issues with unique fingerprints, repo-relative paths and severities', () => {
      const dir = gitRepo('gitlab');
      write(dir, { 'api/a.ts': THROTTLED, 'api/b.ts': THROTTLED + THROTTLED.split('\n')[2] + '\n' });
      const r = runCli(['-f', 'gitlab', '--rule', 'unjustified-throttle=error', 'b.ts', 'a.ts'], { cwd: path.join(dir, 'api') });
      assert.equal(r.status, 1);
      const issues = JSON.parse(r.stdout) as { check_name: string; description: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
      assert.equal(issues.length, 3);
      assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 3, 'fingerprints are unique');
      for (const issue of issues) {
        assert.equal(issue.check_name, 'unjustified-throttle');
        assert.equal(issue.severity, 'major');
        assert.match(issue.location.path, /^api\/[ab]\.ts$/);
        assert.ok(issue.location.lines.begin >= 1);
        assert.ok(issue.description.length > 0);
      }
      const clean = runCli(['-f', 'gitlab', '--rule', 'unjustified-throttle=off'], { cwd: dir });
      assert.equal(clean.stdout.trim(), '[]');
    });
  });
});
