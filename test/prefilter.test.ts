/**
 * The prefilter (files without trigger words are not parsed; function bodies without them are not
 * copied out of the parser) must never change what is reported.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../bench/corpus';
import { analyzeText, FileAnalysis } from '../server/src/core/engine';
import { resolveSettings } from '../server/src/core/settings';
import { FIXTURE_NOW, FIXTURES, listFiles } from './fixtures.test';

function key(r: FileAnalysis): string[] {
  return [...r.findings, ...r.suppressed].map((f) => `${r.path}:${f.range.start.line}:${f.range.start.character}:${f.ruleId}:${f.message}`).sort();
}

async function compareOn(files: string[]): Promise<{ parsedWith: number; parsedWithout: number; findings: number }> {
  const on = resolveSettings({}, { now: FIXTURE_NOW, prefilter: true });
  const off = resolveSettings({}, { now: FIXTURE_NOW, prefilter: false });
  let parsedWith = 0;
  let parsedWithout = 0;
  let findings = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
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

  it('reports the same findings on a generated corpus, while parsing fewer files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-prefilter-'));
    try {
      await generateCorpus(dir, 15_000, 7);
      const files = listFiles(dir);
      const { parsedWith, parsedWithout, findings } = await compareOn(files);
      assert.ok(findings > 0, 'the corpus has flagged practices');
      assert.ok(parsedWith < parsedWithout / 2, `prefilter should skip most files (parsed ${parsedWith} of ${parsedWithout})`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
