/**
 * The `ehi-lint` command line, run as a child process: formats, SARIF validity, exit codes,
 * discovery, and clear messages for input it cannot analyse.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RULES } from '../rules';
import { REPO, runCli } from './helpers/cli';
import { assertValidSarif } from './helpers/sarif-schema';

interface SarifResult {
  ruleId: string;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: unknown[];
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-cli-'));
}

function write(dir: string, file: string, content: string | Buffer): string {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return full;
}

const THROTTLED = `import rateLimit from 'express-rate-limit';\nconst limiter = rateLimit({ max: 5 });\napp.get('/fhir/Patient/:id', limiter, readPatient);\n`;

describe('ehi-lint command line', function () {
  this.timeout(60_000);

  describe('SARIF on the fixtures', () => {
    let log: { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: SarifResult[]; originalUriBaseIds: Record<string, { uri?: string }> }[] };

    before(() => {
      const r = runCli(['test-fixtures', '--format', 'sarif']);
      assert.equal(r.status, 0, r.stderr);
      log = JSON.parse(r.stdout);
    });

    it('validates against the SARIF 2.1.0 schema', () => {
      assertValidSarif(log);
    });

    it('has findings from each rule in every language it lists, Mirth XML included', () => {
      const languageOf = (uri: string): string => {
        const ext = path.extname(uri).slice(1);
        if (ext === 'xml') return /channel/.test(uri) ? 'mirth' : 'xml';
        return { ts: 'typescript', js: 'javascript', java: 'java', cs: 'csharp', py: 'python', json: 'json', yaml: 'yaml', yml: 'yaml', properties: 'properties', conf: 'nginx' }[ext] ?? ext;
      };
      for (const rule of RULES.filter((r) => ['fax-only-manner', 'data-class-filter', 'unjustified-throttle'].includes(r.meta.id))) {
        const seen = new Set(log.runs[0].results.filter((r) => r.ruleId === rule.meta.id).map((r) => languageOf(r.locations[0].physicalLocation.artifactLocation.uri)));
        const missing = rule.meta.languages.filter((l) => !seen.has(l));
        assert.deepEqual(missing, [], `${rule.meta.id} has no SARIF result in: ${missing.join(', ')}`);
      }
    });

    it('gives rule metadata with helpUri, relative URIs under SRCROOT, and fingerprints', () => {
      const run = log.runs[0];
      assert.deepEqual(run.tool.driver.rules.map((r) => r.id).sort(), RULES.map((r) => r.meta.id).sort());
      for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`^https://.*/docs/rules/${rule.id}\\.md$`));
      assert.equal(run.originalUriBaseIds.SRCROOT.uri, undefined);
      for (const result of run.results) {
        const location = result.locations[0].physicalLocation.artifactLocation;
        assert.equal(location.uriBaseId, 'SRCROOT');
        assert.ok(location.uri.startsWith('test-fixtures/'), location.uri);
        assert.match(result.partialFingerprints['ehiLint/v1'], /^[0-9a-f]{32}:\d+$/);
      }
    });
  });

  describe('fingerprints', () => {
    it('stay the same when unrelated lines move, and differ between findings', () => {
      const dir = tempDir();
      write(dir, 'routes.ts', THROTTLED + `app.get('/fhir/Observation', limiter, search);\n`);
      const before = JSON.parse(runCli(['.', '--format', 'sarif'], { cwd: dir }).stdout).runs[0].results as SarifResult[];
      write(dir, 'routes.ts', `// a comment\n\nfunction unrelated() {\n  return 1;\n}\n` + THROTTLED + `app.get('/fhir/Observation', limiter, search);\n`);
      const after = JSON.parse(runCli(['.', '--format', 'sarif'], { cwd: dir }).stdout).runs[0].results as SarifResult[];
      assert.equal(before.length, 2);
      assert.deepEqual(
        after.map((r) => r.partialFingerprints['ehiLint/v1']),
        before.map((r) => r.partialFingerprints['ehiLint/v1']),
      );
      assert.notEqual(before[0].locations[0].physicalLocation.region.startLine, after[0].locations[0].physicalLocation.region.startLine);
      assert.notEqual(before[0].partialFingerprints['ehiLint/v1'], before[1].partialFingerprints['ehiLint/v1']);
    });
  });

  describe('formats', () => {
    it('stylish prints file:line:col severity message rule-id, grouped by file, with a summary', () => {
      const dir = tempDir();
      write(dir, 'a.ts', THROTTLED);
      const r = runCli(['.'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], 'a.ts');
      assert.match(lines[1], /^ {2}a\.ts:3:30 {2}warning {2}`limiter` rate-limits route GET \/fhir\/Patient\/:id.* {2}unjustified-throttle$/);
      assert.match(r.stdout, /✖ 1 problem \(0 errors, 1 warning\) in 1 file/);
    });

    it('json carries 1-based positions, exceptions and fingerprints; --output writes a file', () => {
      const dir = tempDir();
      write(dir, 'a.ts', THROTTLED);
      const r = runCli(['.', '--format', 'json', '--output', 'report/out.json'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'report', 'out.json'), 'utf8'));
      const finding = report.files[0].findings[0];
      assert.equal(finding.ruleId, 'unjustified-throttle');
      assert.equal(finding.line, 3);
      assert.equal(finding.column, 30);
      assert.deepEqual(finding.exceptions, ['health-it-performance', 'security']);
      assert.equal(report.summary.warnings, 1);
    });
  });

  describe('exit codes', () => {
    it('0 without error-level findings, 1 with them, 1 over --max-warnings', () => {
      const dir = tempDir();
      write(dir, 'a.ts', THROTTLED);
      assert.equal(runCli(['.'], { cwd: dir }).status, 0);
      assert.equal(runCli(['.', '--rule', 'unjustified-throttle=error'], { cwd: dir }).status, 1);
      assert.equal(runCli(['.', '--max-warnings', '0'], { cwd: dir }).status, 1);
      assert.equal(runCli(['.', '--max-warnings', '1'], { cwd: dir }).status, 0);
      const off = runCli(['.', '--rule', 'unjustified-throttle=off', '--max-warnings', '0'], { cwd: dir });
      assert.equal(off.status, 0);
      assert.match(off.stdout, /no problems/);
    });

    for (const [args, message] of [
      [['--bogus'], /unknown option "--bogus"/],
      [['--format', 'xml'], /unknown format "xml"/],
      [['--rule', 'no-such-rule=error'], /unknown rule "no-such-rule"/],
      [['--rule', 'unjustified-throttle=loud'], /level must be off, info, warning or error/],
      [['--max-warnings', 'many'], /--max-warnings needs a whole number/],
      [['does/not/exist'], /does\/not\/exist: no such file or folder/],
      [['--output'], /option --output needs a value/],
    ] as [string[], RegExp][]) {
      it(`2 with a one-line message for ${args.join(' ')}`, () => {
        const r = runCli(args);
        assert.equal(r.status, 2);
        assert.match(r.stderr, message);
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
        assert.equal(r.stdout, '');
      });
    }
  });

  describe('input it cannot analyse', () => {
    it('reports a syntax error with the file and line, and still reports findings in the parts that parse', () => {
      const dir = tempDir();
      write(dir, 'broken.ts', `function broken() {\n  const x = ;\n}\n` + THROTTLED);
      const r = runCli(['.'], { cwd: dir });
      assert.equal(r.status, 0);
      assert.match(r.stdout, /broken\.ts:2:\d+ {2}notice {2}syntax error.*findings in the parts that parse are still reported/);
      assert.match(r.stdout, /broken\.ts:6:30 {2}warning .*unjustified-throttle/);
    });

    it('reports binary and oversized files without crashing, and reads text that is not UTF-8 as Windows-1252', () => {
      const dir = tempDir();
      write(dir, 'data.json', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]));
      write(dir, 'controls.yaml', Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 2 ? 0x01 : 0x41))));
      // “curly quotes” in Windows-1252 (0x93, 0x94) in a licence header, then a limiter on a FHIR route.
      write(dir, 'latin1.js', Buffer.concat([Buffer.from([0x2f, 0x2f, 0x20, 0x93, 0x41, 0x94, 0x0a]), Buffer.from("const limiter = rateLimit({ max: 5 }); app.get('/fhir/Patient', limiter, read);\n")]));
      write(dir, 'huge.yaml', 'a: 1\n'.repeat(600_000));
      const r = runCli(['.', '--format', 'json'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const notices = Object.fromEntries(
        (JSON.parse(r.stdout).files as { path: string; notices: { code: string; message: string }[] }[]).map((f) => [f.path, f.notices[0]]),
      );
      assert.equal(notices['data.json'].code, 'binary');
      assert.equal(notices['controls.yaml'].code, 'binary');
      const latin1 = (JSON.parse(r.stdout).files as { path: string; notices: unknown[]; findings: { ruleId: string; line: number; column: number }[] }[]).find((f) => f.path === 'latin1.js');
      assert.ok(latin1, 'the Windows-1252 file is analysed');
      assert.deepEqual(latin1.notices, []);
      assert.deepEqual(latin1.findings.map((f) => [f.ruleId, f.line, f.column]), [['unjustified-throttle', 2, 65]]);
      assert.equal(notices['huge.yaml'].code, 'too-large');
    });

    it('says why it skips a named file it does not read', () => {
      const dir = tempDir();
      write(dir, 'logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
      // Alone, it leaves nothing to scan: exit 2 with the reason; beside --no-error-on-unmatched-pattern, a report naming it.
      const r = runCli(['logo.png'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /nothing to scan: logo\.png: not a file ehi-lint reads \(\.png\)/);
      const listed = runCli(['logo.png', '--no-error-on-unmatched-pattern'], { cwd: dir });
      assert.equal(listed.status, 0);
      assert.match(listed.stdout, /logo\.png: skipped: not a file ehi-lint reads \(\.png\)/);
    });
  });

  describe('discovery', () => {
    it('honours .gitignore at every level and skips node_modules and build output', () => {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, '.git'));
      write(dir, '.gitignore', 'generated/\n*.gen.ts\n');
      write(dir, 'src/.gitignore', 'local.ts\n');
      write(dir, 'src/app.ts', THROTTLED);
      write(dir, 'src/local.ts', THROTTLED);
      write(dir, 'src/app.gen.ts', THROTTLED);
      write(dir, 'generated/x.ts', THROTTLED);
      write(dir, 'node_modules/lib/index.js', THROTTLED);
      write(dir, 'dist/bundle.js', THROTTLED);
      const report = JSON.parse(runCli(['.', '--format', 'json'], { cwd: dir }).stdout);
      assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['src/app.ts']);
      assert.equal(report.summary.files, 1);
    });
  });

  describe('parallel and bundled runs', () => {
    it('gives the same report from worker threads as from one thread, and from the bundle as from the sources', function () {
      const single = runCli(['test-fixtures', '--format', 'json', '--jobs', '1']).stdout;
      const parallel = runCli(['test-fixtures', '--format', 'json', '--jobs', '2']).stdout;
      assert.equal(parallel, single);
      if (!fs.existsSync(path.join(REPO, 'dist', 'cli.js'))) this.skip();
      assert.equal(runCli(['test-fixtures', '--format', 'json'], { bundled: true }).stdout, single);
    });
  });
});
