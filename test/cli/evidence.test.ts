/**
 * `ehi-lint evidence`: the pack's files, their schemas, what each exception record shows (conditions,
 * audit trace, permalink, git history), coverage, escaping, behaviour outside git and with
 * uncommitted changes, and determinism (two runs differ only in `generatedAt`).
 */
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { webAddress, permalink, parseBlame } from '../../server/src/evidence/history';
import { REPO, git, runCli, tempDir, write } from '../helpers/cli';
import { assertValidSarif } from '../helpers/sarif-schema';
import { SAMPLE_REMOTE, writeSampleProject, writeSampleRepository } from '../helpers/sample-project';

const PACK = ['index.html', 'exceptions.html', 'exceptions.json', 'coverage.json', 'findings.sarif'];

const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map<string, ReturnType<Ajv['compile']>>();

function assertSchema(name: 'evidence-exceptions' | 'evidence-coverage', doc: unknown): void {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', `${name}.schema.json`), 'utf8')));
    validators.set(name, validate);
  }
  assert.ok(validate(doc), `${name}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function readPack(folder: string): Record<string, string> {
  return Object.fromEntries(PACK.map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]));
}

function evidence(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): { folder: string; files: Record<string, string>; exceptions: Json; coverage: Json } {
  const r = runCli(['evidence', ...args], { cwd, env });
  assert.equal(r.status, 0, r.stderr);
  const out = args.includes('-o') ? args[args.indexOf('-o') + 1] : 'evidence';
  const folder = path.resolve(cwd, out);
  const files = readPack(folder);
  return { folder, files, exceptions: JSON.parse(files['exceptions.json']), coverage: JSON.parse(files['coverage.json']) };
}

const record = (doc: Json, exception: string, pathEnd: string): Json => {
  const found = doc.exceptions.find((e: Json) => e.exception === exception && e.location.path.endsWith(pathEnd));
  assert.ok(found, `a ${exception} record in ${pathEnd}`);
  return found;
};

describe('ehi-lint evidence', function () {
  this.timeout(120_000);

  describe('on a sample repository with history and a remote', () => {
    let dir: string;
    let pack: ReturnType<typeof evidence>;
    let head: string;

    before(() => {
      dir = tempDir('evidence');
      writeSampleRepository(dir);
      head = git(dir, 'rev-parse', 'HEAD').trim();
      pack = evidence(dir);
    });

    it('writes the five files, each valid against its schema', () => {
      assert.deepEqual(fs.readdirSync(pack.folder).sort(), [...PACK].sort());
      assertSchema('evidence-exceptions', pack.exceptions);
      assertSchema('evidence-coverage', pack.coverage);
      const sarif = assertValidSarif(pack.files['findings.sarif']);
      assert.ok(sarif.runs[0].results.some((r: Json) => r.suppressions), 'documented findings are suppressed results');
    });

    it('describes the commit and the repository without the credentials of its remote', () => {
      assert.deepEqual(pack.exceptions.source, { git: true, unavailable: null, commit: head, branch: 'main', repository: 'https://github.com/acme/ehr-integrations' });
      for (const [name, text] of Object.entries(pack.files)) assert.ok(!text.includes('s3cret'), `${name} does not repeat the remote's token`);
      assert.ok(SAMPLE_REMOTE.includes('s3cret'));
    });

    it('lists every record with its exception, CFR section, conditions and the fields that meet them', () => {
      const ex = pack.exceptions;
      assert.equal(ex.totals.records, 4);
      assert.deepEqual(ex.totals.byStatus, { valid: 3, incomplete: 0, invalid: 0, expired: 1, stale: 0, 'not-scanned': 0 });
      const maintenance = record(ex, 'health-it-performance', 'src/routes.ts');
      assert.equal(maintenance.title, 'Health IT Performance');
      assert.equal(maintenance.section, '45 CFR 171.205');
      assert.equal(maintenance.status, 'valid');
      assert.equal(maintenance.owner, 'fhir-platform-team');
      assert.deepEqual(maintenance.rules, ['unjustified-throttle']);
      assert.deepEqual(maintenance.location, { path: 'src/routes.ts', line: 12, column: 5, endLine: 18, endColumn: maintenance.location.endColumn });
      assert.deepEqual(maintenance.target, { path: 'src/routes.ts', line: 19, column: 3 });
      const condition = (field: string): Json => maintenance.conditions.find((c: Json) => c.field === field);
      assert.deepEqual(
        { ...condition('kind'), description: undefined },
        { field: 'kind', description: undefined, requirement: 'required', requiredWhen: null, required: true, value: 'planned-maintenance', status: 'met', problem: null },
      );
      assert.equal(condition('agreement').requirement, 'conditional');
      assert.deepEqual(condition('agreement').requiredWhen, { field: 'kind', values: ['planned-maintenance'] });
      assert.equal(condition('agreement').required, true);
      assert.equal(condition('agreement').value, 'SLA-2026-04 section 3');
      assert.equal(condition('approved-by').status, 'not-required');
      assert.equal(maintenance.expiry.state, 'due-soon');
      assert.equal(maintenance.expiry.daysLeft, 12);
    });

    it('names the findings each record documents and the audit call that records it at run time', () => {
      const maintenance = record(pack.exceptions, 'health-it-performance', 'src/routes.ts');
      assert.deepEqual(
        maintenance.documents.map((d: Json) => `${d.ruleId} ${d.path}:${d.line}`),
        ['unjustified-throttle src/routes.ts:19'],
      );
      assert.equal(maintenance.audit.status, 'recorded');
      assert.deepEqual(maintenance.audit.paths, [{ label: 'the handler', path: 'src/routes.ts', line: 10, calls: [{ path: 'src/routes.ts', line: 11, column: 3, callee: 'auditLog.record' }] }]);
      const expired = pack.exceptions.exceptions.find((e: Json) => e.status === 'expired');
      assert.equal(expired.audit.status, 'documents-nothing');
      assert.deepEqual(expired.documents, []);
      assert.match(expired.problems[0].message, /has passed/);
      const register = record(pack.exceptions, 'manner', 'ehi-exceptions.yaml');
      assert.equal(register.form, 'register');
      assert.deepEqual({ line: register.location.line, endLine: register.location.endLine }, { line: 1, endLine: 9 });
      assert.equal(register.target.path, 'config/portal-settings.json');
      assert.deepEqual(register.documents.map((d: Json) => d.ruleId), ['fax-only-manner']);
      assert.equal(register.audit.status, 'no-code-path', 'a JSON setting has no request path to log from');
    });

    it('links each record to its lines at the commit, and says when it was added and last changed', () => {
      const maintenance = record(pack.exceptions, 'health-it-performance', 'src/routes.ts');
      assert.equal(maintenance.permalink, `https://github.com/acme/ehr-integrations/blob/${head}/src/routes.ts#L12-L18`);
      assert.equal(maintenance.history.added.date, '2026-01-05T10:00:00Z');
      assert.equal(maintenance.history.lastChanged.date, '2026-01-05T10:00:00Z');
      assert.equal(maintenance.history.added.summary, 'Document the FHIR throttles and the paper-copy exception');
      const renewed = pack.exceptions.exceptions.find((e: Json) => e.reason?.includes('scraping detector'));
      assert.equal(renewed.history.added.date, '2026-01-05T10:00:00Z');
      assert.equal(renewed.history.lastChanged.date, '2026-03-02T09:30:00Z');
      assert.equal(renewed.history.lastChanged.summary, 'Renew the scraping exception after the SEC-88 review');
      assert.equal(renewed.history.lastChanged.author, 'Compliance Engineer');
      const register = record(pack.exceptions, 'manner', 'ehi-exceptions.yaml');
      assert.equal(register.permalink, `https://github.com/acme/ehr-integrations/blob/${head}/ehi-exceptions.yaml#L1-L9`);
      assert.equal(register.history.added.date, '2026-01-05T10:00:00Z');
    });

    it('records which rules checked which files, with the ruleset and tool versions', () => {
      const cov = pack.coverage;
      assert.equal(cov.tool.name, 'ehi-lint');
      assert.match(cov.ruleset.version, /^[0-9a-f]{16}$/);
      const file = (p: string): Json => cov.files.find((f: Json) => f.path === p);
      assert.ok(file('src/routes.ts').rules.includes('unjustified-throttle'));
      assert.ok(file('config/portal-settings.json').rules.includes('fax-only-manner'));
      assert.ok(!file('config/portal-settings.json').rules.includes('exception-unaudited'), 'exception-unaudited reads code only');
      assert.deepEqual(file('assets/export.json').rules, [], 'a binary file is checked by no rule');
      assert.ok(file('assets/export.json').notices.length > 0);
      assert.ok(cov.files.every((f: Json) => !f.path.startsWith('evidence/')), 'the pack does not scan itself');
      assert.equal(cov.checkedBy['unjustified-throttle'], cov.files.filter((f: Json) => f.rules.includes('unjustified-throttle')).length);
      const throttle = cov.findings.byRule.find((r: Json) => r.id === 'unjustified-throttle');
      assert.equal(throttle.open, 3);
      assert.equal(throttle.documented, 2);
      const records = cov.findings.byPractice.find((p: Json) => p.rules.includes('exception-expired'));
      assert.ok(records.rules.includes('exception-unused') && records.rules.includes('exception-expiring'), 'the exception rules share one practice');
    });

    it('is deterministic: a second run differs only in generatedAt, and not at all with SOURCE_DATE_EPOCH', () => {
      const again = evidence(dir);
      const stamp = (files: Record<string, string>): string => JSON.parse(files['exceptions.json']).generatedAt;
      const strip = (files: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.split(stamp(files)).join('<generatedAt>')]));
      assert.deepEqual(strip(again.files), strip(pack.files));
      for (const [name, text] of Object.entries(pack.files)) {
        const times = text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g) ?? [];
        assert.ok(times.every((t) => t === stamp(pack.files) || t.startsWith('2026-01-05') || t.startsWith('2026-03-02')), `${name}: no timestamp but generatedAt and the commits' dates`);
      }
      const epoch = { SOURCE_DATE_EPOCH: '1767225600' };
      const first = evidence(dir, ['-o', 'pack-a'], epoch);
      const second = evidence(dir, ['-o', 'pack-b'], epoch);
      assert.equal(first.exceptions.generatedAt, '2026-01-01T00:00:00Z');
      assert.deepEqual(second.files, first.files);
    });

    it('gives no permalink for a file with uncommitted changes, and counts its uncommitted lines', () => {
      const copy = tempDir('evidence-dirty');
      writeSampleRepository(copy);
      const routes = path.join(copy, 'src/routes.ts');
      fs.writeFileSync(routes, fs.readFileSync(routes, 'utf8').replace('//   owner: fhir-platform-team', '//   owner: fhir-platform-team\n  //   approved-by: compliance-officer'));
      const dirty = evidence(copy);
      const maintenance = record(dirty.exceptions, 'health-it-performance', 'src/routes.ts');
      assert.equal(maintenance.permalink, null);
      assert.equal(maintenance.permalinkNote, 'the file has uncommitted changes');
      assert.equal(maintenance.approvedBy, 'compliance-officer');
      assert.equal(maintenance.history.uncommittedLines, 1);
      assert.equal(maintenance.history.added.date, '2026-01-05T10:00:00Z');
      assert.ok(record(dirty.exceptions, 'manner', 'ehi-exceptions.yaml').permalink, 'an unchanged file keeps its permalink');
    });
  });

  it('works outside git: no history, no permalinks, the reason given', () => {
    const dir = tempDir('evidence-nogit');
    writeSampleProject(dir);
    const pack = evidence(dir, ['-o', 'out/pack']);
    assertSchema('evidence-exceptions', pack.exceptions);
    assertSchema('evidence-coverage', pack.coverage);
    assert.deepEqual(pack.exceptions.source, { git: false, unavailable: 'not in a git repository', commit: null, branch: null, repository: null });
    for (const e of pack.exceptions.exceptions) {
      assert.equal(e.permalink, null);
      assert.deepEqual(e.history, { available: false, reason: 'not in a git repository', added: null, lastChanged: null, uncommittedLines: 0 });
    }
    assert.match(pack.files['exceptions.html'], /href="\.\.\/\.\.\/src\/routes\.ts#L12"/, 'links are relative to the pack folder');
  });

  it('uses --link-base for links when the forge is not known', () => {
    const dir = tempDir('evidence-linkbase');
    writeSampleProject(dir);
    const pack = evidence(dir, ['--link-base', 'https://code.example.org/ehr/-/blob/abc']);
    assert.equal(record(pack.exceptions, 'health-it-performance', 'src/routes.ts').permalink, 'https://code.example.org/ehr/-/blob/abc/src/routes.ts#L12');
  });

  it('escapes every value in the HTML pages', () => {
    const dir = tempDir('evidence-escape');
    write(dir, {
      'src/api.ts': `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
// ehi-exception: security
//   reason: Credential stuffing <script>alert("x")</script> & 'friends' flood the login
//   risk: <img src=x onerror=alert(1)> credential stuffing
//   basis: policy
//   owner: security-<b>office</b>
//   review-by: 2099-01-01
app.use('/fhir/r4/Patient', rateLimit({ windowMs: 60_000, max: 5 }));
`,
    });
    const pack = evidence(dir);
    for (const page of ['index.html', 'exceptions.html']) {
      const html = pack.files[page];
      assert.doesNotMatch(html, /<script|<img|<b>|onerror=alert\(1\)>/i, `${page} has no markup from the record`);
      assert.doesNotMatch(html, /<link|@import|url\(/i, `${page} fetches nothing`);
    }
    assert.match(pack.files['exceptions.html'], /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;friends&#39;/);
    assert.match(pack.files['index.html'], /security-&lt;b&gt;office&lt;\/b&gt;/);
  });

  it('on test-fixtures: schema-valid, every record listed, and the audit trace agrees with exception-unaudited', () => {
    const out = tempDir('evidence-fixtures');
    const pack = evidence(REPO, ['test-fixtures', '-o', out]);
    assertSchema('evidence-exceptions', pack.exceptions);
    assertSchema('evidence-coverage', pack.coverage);
    assertValidSarif(pack.files['findings.sarif']);
    assert.ok(pack.exceptions.totals.records > 100, `${pack.exceptions.totals.records} records`);
    const sarif = JSON.parse(pack.files['findings.sarif']);
    const unaudited = new Set(
      sarif.runs[0].results
        .filter((r: Json) => r.ruleId === 'exception-unaudited')
        .map((r: Json) => `${decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri)}:${r.locations[0].physicalLocation.region.startLine}`),
    );
    const missing = new Set(pack.exceptions.exceptions.filter((e: Json) => e.audit.status === 'missing' && e.form !== 'register').map((e: Json) => e.id));
    assert.ok(unaudited.size > 5);
    assert.deepEqual([...missing].sort(), [...unaudited].sort());
    const documented = pack.exceptions.exceptions.reduce((n: number, e: Json) => n + e.documents.length, 0);
    assert.equal(documented, pack.coverage.findings.documented, 'every documented finding belongs to one record');
    assert.ok(pack.coverage.files.every((f: Json) => f.language !== null || !/\.(ts|js|java|cs|py|json|ya?ml|xml|properties)$/.test(f.path)), 'every file has its language');

    // The same pack from one thread as from worker threads (SARIF's SRCROOT names the folder, so both write outside the repository).
    const single = evidence(REPO, ['test-fixtures', '-o', tempDir('evidence-fixtures-single'), '-j', '1'], { SOURCE_DATE_EPOCH: '1767225600' });
    const parallel = evidence(REPO, ['test-fixtures', '-o', tempDir('evidence-fixtures-parallel'), '-j', '2'], { SOURCE_DATE_EPOCH: '1767225600' });
    assert.deepEqual(parallel.files, single.files);
  });

  it('refuses options that narrow the scan', () => {
    const dir = tempDir('evidence-usage');
    const r = runCli(['evidence', '--changed-since', 'main'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /evidence describes the whole scan: --changed-since does not apply/);
  });

  describe('git helpers', () => {
    it('turns remotes into web addresses without credentials, and only for known forges', () => {
      assert.deepEqual(webAddress('git@github.com:acme/ehr.git'), { url: 'https://github.com/acme/ehr', forge: 'github' });
      assert.deepEqual(webAddress('https://bot:tok@gitlab.example.com/group/sub/ehr.git'), { url: 'https://gitlab.example.com/group/sub/ehr', forge: 'gitlab' });
      assert.deepEqual(webAddress('ssh://git@bitbucket.org:22/acme/ehr.git'), { url: 'https://bitbucket.org/acme/ehr', forge: 'bitbucket' });
      assert.equal(webAddress('/srv/git/ehr.git'), undefined);
      assert.equal(webAddress('file:///srv/git/ehr.git'), undefined);
      assert.equal(webAddress('C:\\repos\\ehr'), undefined);
      assert.equal(webAddress('https://git.internal.example/ehr.git'), undefined);
    });

    it('writes each forge its own line anchors', () => {
      const sha = 'a'.repeat(40);
      assert.equal(permalink({ url: 'https://github.com/a/b', forge: 'github' }, sha, 'src/x y.ts', 3, 5), `https://github.com/a/b/blob/${sha}/src/x%20y.ts#L3-L5`);
      assert.equal(permalink({ url: 'https://gitlab.com/a/b', forge: 'gitlab' }, sha, 'x.ts', 3, 5), `https://gitlab.com/a/b/-/blob/${sha}/x.ts#L3-5`);
      assert.equal(permalink({ url: 'https://bitbucket.org/a/b', forge: 'bitbucket' }, sha, 'x.ts', 3, 3), `https://bitbucket.org/a/b/src/${sha}/x.ts#lines-3`);
    });

    it('reads blame porcelain, uncommitted lines included', () => {
      const sha = 'b'.repeat(40);
      const text = [
        `${sha} 1 1 2`,
        'author Ada',
        'author-time 1767600000',
        'summary First',
        'filename a.ts',
        '\tline one',
        `${sha} 2 2`,
        '\tline two',
        `${'0'.repeat(40)} 3 3 1`,
        'author Not Committed Yet',
        'author-time 1900000000',
        'summary Version of a.ts from a.ts',
        '\tline three',
      ].join('\n');
      const lines = parseBlame(text);
      assert.deepEqual(lines.get(1), { commit: sha, date: '2026-01-05T08:00:00Z', author: 'Ada', summary: 'First' });
      assert.deepEqual(lines.get(2), lines.get(1));
      assert.equal(lines.get(3), 'uncommitted');
    });
  });
});
