/**
 * The CLI on a folder with documented, invalid, incomplete and expired exception records: exactly
 * the undocumented findings and the annotation problems are reported; the documented findings are
 * SARIF results with `suppressions` that carry the justification.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';

const ROUTES = `import express from 'express';
import rateLimit from 'express-rate-limit';
import { auditLog } from './audit';

const app = express();
const limiter = rateLimit({ windowMs: 60_000, max: 30 });

app.get('/fhir/r4/Observation', async (req, res) => {
  auditLog.record({ event: 'ehi-exception', rule: 'unjustified-throttle', exception: 'health-it-performance' });
  // ehi-exception: health-it-performance
  //   reason: Back-pressure while the results index is rebuilt
  //   kind: unplanned-maintenance
  //   max-duration: PT2H
  //   owner: fhir-platform-team
  //   review-by: 2099-06-30
  await sleep(1500);
  res.json(await searchObservations(req.query));
});

// ehi-exception: security
//   reason: Credential stuffing through patient reads
//   owner: security-office
//   review-by: 2099-06-30
app.get('/fhir/r4/Patient/:id', limiter, readPatient);

// ehi-exception: security; reason: Scripted scraping of patient search; risk: Scraping of whole panels; basis: policy; owner: security-office; review-by: 2020-01-31
app.get('/fhir/r4/Encounter/:id', limiter, readEncounter);

// ehi-exception: throttling; reason: Scripted scraping of patient search; owner: security-office; review-by: 2099-01-31
app.get('/fhir/r4/Condition', limiter, searchConditions);

app.get('/fhir/r4/Procedure', limiter, searchProcedures);
`;

const SETTINGS = `{
  "releaseOfInformation": {
    "deliveryMethods": ["fax", "mail"],
    "turnaroundDays": 10
  }
}
`;

const REGISTER = `- file: config/roi-settings.json
  at: /releaseOfInformation/deliveryMethods
  rule: fax-only-manner
  exception: infeasibility
  reason: The paper archive has no electronic copy
  condition: infeasible-under-circumstances
  written-response: ROI letter within 10 business days
  owner: him-department
  review-by: 2099-03-31
`;

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  suppressions?: { kind: string; justification: string; properties: { exception: string } }[];
}

describe('ehi-lint on documented, invalid, incomplete and expired exceptions', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-lint-cli-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.mkdirSync(path.join(dir, 'config'));
    fs.writeFileSync(path.join(dir, 'src', 'routes.ts'), ROUTES);
    fs.writeFileSync(path.join(dir, 'config', 'roi-settings.json'), SETTINGS);
    fs.writeFileSync(path.join(dir, 'ehi-exceptions.yaml'), REGISTER);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the undocumented findings and the three annotation problems, and lists the documented ones as suppressed', async () => {
    const out = path.join(dir, 'report.sarif');
    const code = await main(['--format', 'sarif', '-o', out, '.'], dir);
    assert.equal(code, 0, 'warnings only');
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8')) as { runs: { results: SarifResult[] }[] };
    const results = sarif.runs[0].results;
    const where = (r: SarifResult) => `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine} ${r.ruleId}`;
    const open = results.filter((r) => !r.suppressions).map(where).sort();
    assert.deepEqual(open, [
      'src/routes.ts:20 exception-incomplete',
      'src/routes.ts:24 unjustified-throttle',
      'src/routes.ts:26 exception-expired',
      'src/routes.ts:27 unjustified-throttle',
      'src/routes.ts:29 exception-invalid',
      'src/routes.ts:30 unjustified-throttle',
      'src/routes.ts:32 unjustified-throttle',
    ]);
    const suppressed = results.filter((r) => r.suppressions);
    assert.deepEqual(suppressed.map(where).sort(), ['config/roi-settings.json:3 fax-only-manner', 'src/routes.ts:16 unjustified-throttle']);
    const inSource = suppressed.find((r) => r.ruleId === 'unjustified-throttle')!.suppressions![0];
    assert.equal(inSource.kind, 'inSource');
    assert.equal(inSource.justification, 'Back-pressure while the results index is rebuilt');
    assert.equal(inSource.properties.exception, 'health-it-performance');
    const external = suppressed.find((r) => r.ruleId === 'fax-only-manner')!.suppressions![0];
    assert.equal(external.kind, 'external');
    assert.equal(external.justification, 'The paper archive has no electronic copy');
  });

  it('reports a register entry whose file is gone on the register itself', async () => {
    fs.writeFileSync(path.join(dir, 'ehi-exceptions.yaml'), REGISTER.replace('config/roi-settings.json', 'config/old-settings.json'));
    const out = path.join(dir, 'report.json');
    await main(['--format', 'json', '-o', out, '.'], dir);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { files: { path: string; findings: { ruleId: string; line: number; message: string }[] }[] };
    const register = report.files.find((f) => f.path === 'ehi-exceptions.yaml');
    assert.ok(register, 'the register has findings');
    assert.deepEqual(register.findings.map((f) => [f.ruleId, f.line]), [['exception-invalid', 1]]);
    assert.match(register.findings[0].message, /stale entry: config\/old-settings\.json does not exist/);
    const settings = report.files.find((f) => f.path === 'config/roi-settings.json')!;
    assert.deepEqual(settings.findings.map((f) => f.ruleId), ['fax-only-manner']);
  });
});
