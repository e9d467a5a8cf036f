/** Engine fixes around exception annotations and the register, each with the case that showed it. */
import * as assert from 'node:assert/strict';
import { analyzeText, analyzeTextDetailed, RegisterFileAccess } from '../../server/src/core/engine';
import { parseRegister } from '../../server/src/core/annotations/register';
import { resolveSettings } from '../../server/src/settings/settings';
import { RULES } from '../../rules';

const NOW = new Date('2026-06-01T12:00:00Z');
const settings = (extra: Parameters<typeof resolveSettings>[2] = {}) => resolveSettings(RULES, {}, { now: NOW, ...extra });

const LIMITED_ROUTE = `import rateLimit from 'express-rate-limit';
const limiter = rateLimit({ windowMs: 60_000, max: 30 });
`;

describe('exception annotations in the engine', () => {
  it('a Mirth script whose first line is an annotation documents the statement after it', async () => {
    const xml = `<channel version="4.4.0"><name>Results</name>
  <sourceConnector version="4.4.0"><name>sourceConnector</name>
    <transformer version="4.4.0"><elements><step><name>Pace</name>
          <script><![CDATA[// ehi-exception: health-it-performance
//   reason: Vendor ingest degraded
//   kind: third-party-app-impact
//   max-duration: P7D
//   owner: integration-team
//   review-by: 2027-06-30
java.lang.Thread.sleep(30000);
auditLog({ rule: 'unjustified-throttle' });
]]></script></step></elements></transformer>
    <transportName>HTTP Listener</transportName>
  </sourceConnector><destinationConnectors/>
</channel>`;
    const result = await analyzeText('channel.xml', xml, settings());
    assert.deepEqual(result.findings.map((f) => f.ruleId), []);
    assert.deepEqual(result.suppressed.map((f) => [f.ruleId, f.range.start.line]), [['unjustified-throttle', 9]]);
  });

  it('an annotation with nothing after it is invalid, and says which line it expected', async () => {
    const text = `${LIMITED_ROUTE}// ehi-exception: security; reason: Limit while the search index is rebuilt; risk: y; basis: policy; owner: z; review-by: 2027-01-01\n\napp.get('/fhir/Patient', limiter, read);\n`;
    const result = await analyzeText('routes.ts', text, settings());
    const invalid = result.findings.find((f) => f.ruleId === 'exception-invalid');
    assert.ok(invalid);
    assert.match(invalid.message, /no statement, declaration or entry begins on line 4/);
    assert.ok(result.findings.some((f) => f.ruleId === 'unjustified-throttle'), 'the throttle is still reported');
  });

  it('lists an annotation that documents nothing with the rules it stands over and its problems', async () => {
    const text = `${LIMITED_ROUTE}// ehi-exception: security\n//   reason: Scripted scraping of patient search\napp.get('/fhir/Patient', limiter, read);\n`;
    const result = await analyzeText('routes.ts', text, settings());
    assert.equal(result.exceptions.length, 1);
    assert.equal(result.exceptions[0].status, 'incomplete');
    assert.deepEqual(result.exceptions[0].ruleIds, ['unjustified-throttle']);
    assert.match(result.exceptions[0].problems[0].message, /missing required fields: risk, basis, owner, review-by/);
  });

  it('suggests the closest exception id and field name', async () => {
    const text = `${LIMITED_ROUTE}// ehi-exception: securty; reason: Limit while the search index is rebuilt; ownr: y\napp.get('/fhir/Patient', limiter, read);\n`;
    const detail = await analyzeTextDetailed('routes.ts', text, settings());
    assert.deepEqual(detail.annotations[0].problems.map((p) => p.suggestion?.text), ['security']);
    const fields = `${LIMITED_ROUTE}// ehi-exception: security; reason: Limit while the search index is rebuilt; ownr: y\napp.get('/fhir/Patient', limiter, read);\n`;
    const second = await analyzeTextDetailed('routes.ts', fields, settings());
    const suggestion = second.annotations[0].problems.find((p) => p.suggestion)!.suggestion!;
    assert.equal(suggestion.text, 'owner');
    assert.equal(fields.slice(suggestion.at.start, suggestion.at.end), 'ownr');
  });
});

describe('the exception register, checked where it is written', () => {
  const json = '{\n  "portal": {\n    "hiddenResourceTypes": ["DocumentReference"]\n  }\n}\n';
  const entry = (file: string, at: string, exception = 'privacy', rule = 'data-class-filter') =>
    `- file: ${file}\n  at: ${at}\n  rule: ${rule}\n  exception: ${exception}\n  reason: Patient asked\n  sub-exception: individual-request\n  owner: him\n  review-by: 2027-06-30\n`;
  const access = (files: Record<string, string>): RegisterFileAccess => ({ isRegister: (p) => p === 'ehi-exceptions.yaml', readTarget: async (f) => files[f] });

  async function check(register: string, files: Record<string, string>) {
    const result = await analyzeText('ehi-exceptions.yaml', register, { ...settings(), registerFile: access(files) });
    return result.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}: ${f.message}`);
  }

  it('accepts an entry whose file, location, rule and exception fit', async () => {
    assert.deepEqual(await check(entry('portal.json', '/portal/hiddenResourceTypes'), { 'portal.json': json }), []);
  });

  it('reports a file that no longer exists, at the file name', async () => {
    const [finding] = await check(entry('old.json', '/portal/hiddenResourceTypes'), {});
    assert.match(finding, /^1 exception-invalid: .*stale entry: old\.json does not exist/);
  });

  it('reports a location that no longer exists, at the location', async () => {
    const [finding] = await check(entry('portal.json', '/portal/labHoldHours'), { 'portal.json': json });
    assert.match(finding, /^2 exception-invalid: .*stale entry: `\/portal\/labHoldHours` no longer exists in portal\.json/);
  });

  it('reports an exception the named rule does not accept, and an unknown rule', async () => {
    const mismatch = await check(entry('portal.json', '/portal/hiddenResourceTypes', 'security'), { 'portal.json': json });
    assert.ok(mismatch.some((m) => /^4 exception-invalid: .*Security cannot justify data-class-filter/.test(m)), mismatch.join('\n'));
    const unknown = await check(entry('portal.json', '/portal/hiddenResourceTypes', 'privacy', 'no-such-rule'), { 'portal.json': json });
    assert.ok(unknown.some((m) => /^3 exception-invalid: .*unknown or disabled rule "no-such-rule"/.test(m)), unknown.join('\n'));
  });

  it('reports incomplete and expired entries like annotations', async () => {
    const register = entry('portal.json', '/portal/hiddenResourceTypes').replace('  sub-exception: individual-request\n', '').replace('2027-06-30', '2025-01-31');
    const findings = await check(register, { 'portal.json': json });
    assert.deepEqual(findings.map((f) => f.split(':')[0]), ['4 exception-incomplete', '7 exception-expired']);
  });

  it('reports an entry that is not a mapping, and one without a file', async () => {
    const findings = await check('- just text\n- exception: privacy\n', {});
    assert.deepEqual(findings.map((f) => f.split(':')[0]), ['1 exception-invalid', '2 exception-invalid']);
  });

  it('keeps the offsets of `file`, `at` and `rule` for messages', () => {
    const [e] = parseRegister('ehi-exceptions.yaml', entry('portal.json', '/portal/x')).entries;
    const text = entry('portal.json', '/portal/x');
    assert.equal(text.slice(e.fileSpan.start, e.fileSpan.end), 'portal.json');
    assert.equal(text.slice(e.locationSpan!.start, e.locationSpan!.end), '/portal/x');
    assert.equal(text.slice(e.ruleSpan!.start, e.ruleSpan!.end), 'data-class-filter');
  });
});
