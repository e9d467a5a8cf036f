/**
 * The prefilter (files without trigger words are not parsed; function bodies without them are not
 * copied out of the parser) must never change what is reported.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../bench/corpus';
import { RULE_IDS } from '../rules';
import { analyzeText, FileAnalysis } from '../server/src/core/engine';
import { resolveSettings } from '../server/src/settings/settings';
import { FIXTURE_NOW, FIXTURES, listFiles } from './fixtures.test';
import { isMirthExport, MIRTH_TRIGGERS } from '../server/src/core/formats/mirth';
import { parseXml } from '../server/src/core/formats/xml';
import { HEALTH_CARE_PATTERN, HEALTH_CARE_TRIGGERS } from '../server/src/domain/access-path';
import { CLINICAL, CLINICAL_TRIGGERS } from '../server/src/domain/result-release';
import { RULES } from '../rules';
import { exampleSnippets } from './helpers/examples';

function key(r: FileAnalysis): string[] {
  return [...r.findings, ...r.suppressed].map((f) => `${r.path}:${f.range.start.line}:${f.range.start.character}:${f.ruleId}:${f.message}`).sort();
}

/** Files on disk, or `{ file, text }` for texts analysed as that file (the docs examples). */
async function compareOn(files: (string | { file: string; text: string })[], rules: Record<string, 'off'> = {}): Promise<{ parsedWith: number; parsedWithout: number; findings: number }> {
  const on = resolveSettings(RULES, { rules }, { now: FIXTURE_NOW, prefilter: true });
  const off = resolveSettings(RULES, { rules }, { now: FIXTURE_NOW, prefilter: false });
  let parsedWith = 0;
  let parsedWithout = 0;
  let findings = 0;
  for (const input of files) {
    const { file, text } = typeof input === 'string' ? { file: input, text: fs.readFileSync(input, 'utf8') } : input;
    const a = await analyzeText(file, text, on);
    const b = await analyzeText(file, text, off);
    assert.deepEqual(key(a), key(b), `${file}: findings differ with and without the prefilter`);
    parsedWith += a.parsed ? 1 : 0;
    parsedWithout += b.parsed ? 1 : 0;
    findings += a.findings.length;
  }
  return { parsedWith, parsedWithout, findings };
}

describe('prefilter', function () {
  this.timeout(120_000);

  it('reports the same findings on every fixture with and without it', async () => {
    const { findings } = await compareOn(listFiles(FIXTURES));
    assert.ok(findings > 50, `the fixtures should produce findings (got ${findings})`);
  });

  it('reports the same findings on every docs example with and without it', async () => {
    const { findings } = await compareOn(exampleSnippets(RULES));
    assert.ok(findings >= RULES.length, `the flagged examples should produce findings (got ${findings})`);
  });

  describe('on a generated corpus', () => {
    let dir: string;
    let files: string[];
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-prefilter-'));
      await generateCorpus(dir, 15_000, 7);
      files = listFiles(dir);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reports the same findings with every rule, while parsing fewer files', async () => {
      const { parsedWith, parsedWithout, findings } = await compareOn(files);
      assert.ok(findings > 0, 'the corpus has flagged practices');
      // Code about EHR work mentions patients, results, notes and invoices nearly everywhere, so with
      // all rules most of it is parsed; the bound catches a trigger list that grows to match everything.
      assert.ok(parsedWith <= parsedWithout * 0.75, `prefilter should skip a quarter of the files with all rules (parsed ${parsedWith} of ${parsedWithout})`);
    });

    it('reports the same findings with the first three rules, while parsing under half the files', async () => {
      const off = Object.fromEntries(RULE_IDS.filter((id) => !['fax-only-manner', 'data-class-filter', 'unjustified-throttle'].includes(id)).map((id) => [id, 'off' as const]));
      const { parsedWith, parsedWithout, findings } = await compareOn(files, off);
      assert.ok(findings > 0, 'the corpus has flagged practices');
      assert.ok(parsedWith < parsedWithout / 2, `prefilter should skip most files (parsed ${parsedWith} of ${parsedWithout})`);
    });
  });
});

describe('prefilter word lists', () => {
  it('has a health-care trigger inside every alternative of the health-care pattern', () => {
    const source = HEALTH_CARE_PATTERN.source.replace(/^\\b\(|\)\\b$/g, '');
    const alternatives = source.split('|');
    assert.ok(alternatives.length > 10, `expected the pattern's alternatives, got ${alternatives.length}`);
    for (const alternative of alternatives) {
      // The literal start of the alternative: what every text it matches contains.
      const literal = /^[a-z0-9]+/i.exec(alternative)?.[0] ?? '';
      assert.ok(HEALTH_CARE_TRIGGERS.some((t) => literal.toLowerCase().includes(t)), `no trigger covers /${alternative}/`);
    }
  });

  it('has a clinical trigger inside every CLINICAL word', () => {
    for (const word of CLINICAL) assert.ok(CLINICAL_TRIGGERS.some((t) => word.includes(t)), `no trigger covers ${word}`);
  });

  it('recognises Mirth exports only when they contain a Mirth trigger', () => {
    for (const root of ['<channel version="4.5.0"><sourceConnector/></channel>', '<codeTemplateLibrary/>', '<list><codeTemplate/></list>']) {
      assert.ok(isMirthExport(parseXml(root)), root);
      assert.ok(MIRTH_TRIGGERS.some((t) => root.toLowerCase().includes(t)), root);
    }
  });

  it('keeps a rule with triggersAlso off files that lack the second kind of word', async () => {
    const on = resolveSettings(RULES, {}, { now: FIXTURE_NOW, prefilter: true });
    const text = 'export const resultReleaseDelayHours = 72;\n';
    const without = await analyzeText('settings.ts', text, on);
    assert.equal(without.findings.length, 0);
    const withHealth = await analyzeText('settings.ts', '// patient portal\n' + text, on);
    assert.deepEqual(withHealth.findings.map((f) => f.ruleId), ['release-delay']);
  });
});
