/**
 * Every format writer over the same scan: SARIF (schema-valid, ready for GitHub code scanning),
 * GitHub workflow commands, JUnit XML (well-formed, counts agree) and the Markdown compliance report.
 */
import * as assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import { escapeData, escapeProperty } from '../../server/src/cli/format/github';
import { xmlEscape } from '../../server/src/cli/format/junit';
import * as fs from 'fs';
import * as path from 'path';
import { runCli, tempDir, write } from '../helpers/cli';
import { assertValidSarif } from '../helpers/sarif-schema';
import { isoDay, writeSampleProject } from '../helpers/sample-project';

describe('report formats', function () {
  this.timeout(60_000);
  let dir: string;
  const now = new Date();
  before(() => {
    dir = tempDir('formats');
    writeSampleProject(dir, now);
  });

  it('SARIF: valid 2.1.0, with automationDetails, originalUriBaseIds, partialFingerprints, exception tags and suppressions', () => {
    const result = runCli(['-f', 'sarif'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const log = assertValidSarif(result.stdout);
    const run = log.runs[0];
    assert.equal(run.automationDetails.id, 'ehi-lint/');
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, undefined, 'the build machine\'s absolute path stays out of the log');
    assert.ok(!result.stdout.includes(dir), 'no absolute path of the scanned folder anywhere in the log');
    const open = run.results.filter((r: { suppressions?: unknown }) => !r.suppressions);
    const documented = run.results.filter((r: { suppressions?: unknown }) => r.suppressions);
    // Four practices, the expired annotation that no longer documents one of them (exception-expired),
    // and the two records due for review within 30 days (exception-expiring, info).
    assert.equal(open.length, 7);
    assert.equal(documented.length, 3);
    for (const r of run.results) {
      assert.match(r.partialFingerprints['ehiLint/v1'], /^[0-9a-f]{32}:\d+$/);
      assert.equal(r.locations[0].physicalLocation.artifactLocation.uriBaseId, 'SRCROOT');
      assert.ok((r.ruleId.startsWith('exception-') || r.properties.tags.length > 0) && r.properties.tags.every((t: string) => /^(exception|documented):[a-z-]+$/.test(t)), JSON.stringify(r.properties.tags));
    }
    const register = documented.find((r: { suppressions: { kind: string }[] }) => r.suppressions[0].kind === 'external');
    assert.ok(register.properties.tags.includes('documented:manner'));
    const notices = run.invocations[0].toolExecutionNotifications.map((n: { descriptor: { id: string } }) => n.descriptor.id);
    assert.deepEqual([...new Set(notices)].sort(), ['binary', 'syntax']);

    // Stable: the same scan gives the same fingerprints.
    const again = JSON.parse(runCli(['-f', 'sarif'], { cwd: dir }).stdout);
    assert.deepEqual(again.runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints), run.results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints));
  });

  it('SARIF from every CLI mode is valid: quiet, baseline, shard, no findings, skipped paths', () => {
    const out = tempDir('formats-out');
    const baseline = path.join(out, 'baseline.json');
    write(dir, { 'notes.txt': 'not a file ehi-lint reads' });
    assert.equal(runCli(['--baseline', baseline, '--update-baseline', '-f', 'sarif', '-o', path.join(out, 'u.sarif')], { cwd: dir }).status, 0);
    assertValidSarif(fs.readFileSync(path.join(out, 'u.sarif'), 'utf8'));
    for (const args of [['-q'], ['--baseline', baseline], ['--shard', '2/3'], ['--rule', 'unjustified-throttle=off', '--rule', 'fax-only-manner=off'], ['src', 'notes.txt']]) {
      const result = runCli(['-f', 'sarif', ...args], { cwd: dir });
      assert.ok(result.status === 0 || result.status === 1, `${args.join(' ')}: ${result.stderr}`);
      assertValidSarif(result.stdout);
    }
  });

  it('github: one workflow command per finding and notice, escaped, then the summary', () => {
    const out = runCli(['-f', 'github'], { cwd: dir }).stdout.trimEnd().split('\n');
    const warnings = out.filter((l) => l.startsWith('::warning '));
    assert.equal(warnings.filter((l) => l.includes('title=unjustified-throttle::') || l.includes('title=fax-only-manner::')).length, 4);
    const throttle = out.find((l) => l.startsWith('::warning file=src/routes.ts,line=8,endLine=8,col=33,endColumn=44,title=unjustified-throttle::`fhirLimiter` rate-limits route GET /fhir/r4/Patient/:id, an EHI access path, with no documented exception.'));
    assert.ok(throttle, out.join('\n'));
    assert.ok(throttle.endsWith('%0Ahttps://github.com/ehi-lint/ehi-lint/blob/main/docs/rules/unjustified-throttle.md'), throttle);
    assert.ok(out.some((l) => l.startsWith('::warning file=assets/export.json,title=ehi-lint%3A not fully analysed::not analysed: binary file')));
    assert.match(out[out.length - 1], /^✖ 7 problems \(0 errors, 5 warnings, 2 info\) in 6 files/);
    assert.equal(escapeData('50%\r\nnext'), '50%25%0D%0Anext');
    assert.equal(escapeProperty('a:b,c'), 'a%3Ab%2Cc');
    const quiet = runCli(['-f', 'github', '--rule', 'unjustified-throttle=error'], { cwd: dir });
    assert.equal(quiet.status, 1);
    assert.equal(quiet.stdout.split('\n').filter((l) => l.startsWith('::error ')).length, 3);
  });

  it('every format carries each finding\'s documentation URL', () => {
    const docs = (id: string): string => `https://github.com/ehi-lint/ehi-lint/blob/main/docs/rules/${id}.md`;
    const json = JSON.parse(runCli(['-f', 'json'], { cwd: dir }).stdout);
    const findings = json.files.flatMap((f: { findings: unknown[]; suppressed: unknown[] }) => [...f.findings, ...f.suppressed]);
    assert.ok(findings.length > 0);
    for (const f of findings) assert.equal(f.docs, docs(f.ruleId));
    const ids: string[] = [...new Set<string>(json.files.flatMap((f: { findings: { ruleId: string }[] }) => f.findings.map((x) => x.ruleId)))];
    const sarif = JSON.parse(runCli(['-f', 'sarif'], { cwd: dir }).stdout).runs[0];
    for (const r of sarif.results) assert.equal(sarif.tool.driver.rules[r.ruleIndex].helpUri, docs(r.ruleId));
    for (const format of ['stylish', 'github', 'junit', 'markdown', 'html', 'gitlab']) {
      const text = runCli(['-f', format], { cwd: dir }).stdout;
      for (const id of ids) assert.ok(text.includes(docs(id)), `${format} names the documentation of ${id}`);
    }
    const colored = runCli(['--color'], { cwd: dir }).stdout;
    assert.ok(colored.includes(`\u001b]8;;${docs('unjustified-throttle')}\u001b\\unjustified-throttle\u001b]8;;\u001b\\`), 'in colour the rule id is a terminal link');
  });

  it('junit: well-formed XML whose counts agree with the findings', () => {
    const xml = runCli(['-f', 'junit'], { cwd: dir }).stdout;
    const parser = new SaxesParser();
    const suites: Record<string, string>[] = [];
    let failures = 0;
    let skipped = 0;
    parser.on('opentag', (tag) => {
      if (tag.name === 'testsuite') suites.push(tag.attributes as Record<string, string>);
      if (tag.name === 'failure') failures++;
      if (tag.name === 'skipped') skipped++;
    });
    parser.write(xml).close();
    assert.equal(failures, 7);
    assert.equal(skipped, 3 + 3, 'three documented findings and three notices');
    assert.equal(suites.reduce((n, s) => n + Number(s.failures), 0), 7);
    assert.match(xml, /<testsuites name="ehi-lint" tests="13" failures="7" errors="0" skipped="6">/);
    assert.equal(xmlEscape('a<b & "c"\u0001'), 'a&lt;b &amp; &quot;c&quot;');

    const clean = runCli(['-f', 'junit', '--rule', 'unjustified-throttle=off', '--rule', 'fax-only-manner=off', 'src/release_of_information.py'], { cwd: dir }).stdout;
    assert.match(clean, /<testcase classname="ehi-lint" name="no open findings in 1 files"\/>/);
  });

  it('markdown: counts by rule and severity, linked findings, the exception register, what is due for review and what was not analysed', () => {
    const md = runCli(['-f', 'markdown', '--link-base', 'https://github.com/acme/ehr/blob/abc123'], { cwd: dir }).stdout;
    for (const heading of ['# EHI Lint compliance report', '## Summary', '## Findings by rule', '## Findings by severity', '## Open findings', '## Documented exceptions', '## Exceptions due for review in the next 30 days', '## Files not fully analysed']) {
      assert.ok(md.includes(`\n${heading}\n`) || md.startsWith(`${heading}\n`), heading);
    }
    assert.ok(md.includes('| `unjustified-throttle`: Throttle or delay on an EHI access path | 3 | 0 | 3 | 0 | 2 |'), md);
    assert.ok(md.includes('[src/routes.ts:8](https://github.com/acme/ehr/blob/abc123/src/routes.ts#L8)'));
    assert.ok(md.includes(`| him-department | ${isoDay(now, 25)} | valid | 25 |`), 'register entry due in 25 days');
    assert.ok(md.includes(`| fhir-platform-team | ${isoDay(now, 12)} | valid | 12 |`), 'annotation due in 12 days');
    assert.ok(!md.split('## Exceptions due for review')[1].split('Past their review date')[0].includes('security-office'), 'the exception due in 200 days is not listed as due');
    assert.ok(md.includes(`| security-office | ${isoDay(now, -5)} | expired |`));
    assert.ok(md.includes('| [assets/export.json](https://github.com/acme/ehr/blob/abc123/assets/export.json#L1) | not analysed: binary file (contains NUL bytes) |'));

    // Without --link-base, links are relative to where the report is written.
    runCli(['-f', 'markdown', '-o', 'reports/compliance.md'], { cwd: dir });
    const written = fs.readFileSync(path.join(dir, 'reports/compliance.md'), 'utf8');
    assert.ok(written.includes('[src/routes.ts:8](../src/routes.ts#L8)'));
  });
});
