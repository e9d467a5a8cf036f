/** Small cases of what the fuzzer found, kept as tests of their own. */
import * as assert from 'node:assert/strict';
import { createHash } from 'crypto';
import { RULES } from '../../rules';
import { parseAnnotations } from '../../server/src/core/annotations/parse';
import { analyzeTextDetailed } from '../../server/src/core/engine';
import { Fingerprinter } from '../../server/src/core/engine/fingerprint';
import { parseYaml } from '../../server/src/core/formats/yaml';
import { LineIndex } from '../../server/src/core/text';
import { addMissingFields } from '../../server/src/lsp/fixes/annotation-fixes';
import { applyChanges } from '../../server/src/lsp/fixes/edits';
import { resolveSettings } from '../../server/src/settings/settings';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('fuzzer findings', () => {
  it('YAML whose implicit keys nest past the stack (a line of thousands of `"x": 1, `) is refused as too deep, the same every run', async () => {
    const text = `export:\n  ${'"x": 1, '.repeat(17167)}\n  enabled: false\n`;
    const settings = resolveSettings(RULES, {}, { now: NOW });
    for (let run = 0; run < 2; run++) {
      const result = await analyzeTextDetailed('application.yaml', text, settings);
      assert.deepEqual(result.result.notices.map((n) => n.code), ['too-deep']);
    }
  });

  it('a position between CR and LF is the end of its line', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  });

  it('fingerprints keep their values: SHA-256 of rule, collapsed line and construct, and the occurrence', () => {
    const text = 'const a = f(1);  const b = f(1);\n';
    const lines = new LineIndex(text);
    const fp = new Fingerprinter(text, lines);
    const at = { start: 10, end: 14 };
    const expected = createHash('sha256').update('r\0const a = f(1); const b = f(1);\0f(1)').digest('hex').slice(0, 32);
    const pending = { ruleId: 'r', at, related: [], excluded: [], documentedBy: [] };
    assert.equal(fp.of(pending), `${expected}:0`);
    assert.equal(fp.of({ ...pending, at: { start: 27, end: 31 } }), `${expected}:1`);
  });

  it('a {/* ehi-exception */} between JSX children documents the element below it', async () => {
    const text = [
      'export function Denied() {',
      '  return (',
      '    <section>',
      '      {/* ehi-exception: privacy',
      '           reason: Withheld at the patient’s request',
      '      */}',
      '      <p>This request violates our policy and cannot be completed.</p> {/* trailing */}',
      '    </section>',
      '  );',
      '}',
      '',
    ].join('\n');
    const comments = [
      { start: text.indexOf('/* ehi'), end: text.indexOf('*/}') + 2, text: text.slice(text.indexOf('/* ehi'), text.indexOf('*/}') + 2) },
      { start: text.indexOf('/* trailing'), end: text.indexOf('/* trailing') + 14, text: '/* trailing */' },
    ];
    const [annotation] = parseAnnotations(comments, new LineIndex(text));
    assert.equal(annotation.form, 'block');
    assert.equal(annotation.targetLine, 6);
    const settings = resolveSettings(RULES, {}, { now: NOW });
    const { result } = await analyzeTextDetailed('Denied.jsx', text, settings);
    // Read as a record of the <p> line below it (incomplete: privacy needs more fields), not as an invalid one.
    assert.deepEqual(result.exceptions.map((e) => [e.exception, e.status]), [['privacy', 'incomplete']]);
    assert.deepEqual(result.findings.map((f) => f.ruleId).sort(), ['exception-incomplete', 'hipaa-blanket-reason']);
  });

  it('adds missing fields to a JavaScript "<!--" comment (which ends with its line) on that line', () => {
    const text = '<!-- ehi-exception: security\nfoo();\n';
    const lines = new LineIndex(text);
    const [annotation] = parseAnnotations([{ start: 0, end: 28, text: text.slice(0, 28) }], lines);
    const change = addMissingFields(annotation, { kind: 'incomplete', message: '', at: annotation.idSpan, missing: ['reason', 'owner'] }, lines, NOW)!;
    assert.equal(applyChanges(text, [change]).split('\n')[0], '<!-- ehi-exception: security; reason:; owner:');
  });

  it('adds missing fields under a "/* ehi-exception:" header without repeating "/*"', () => {
    const text = '  /* ehi-exception: security\n  */\nfoo();\n';
    const lines = new LineIndex(text);
    const comment = text.slice(2, text.indexOf('*/') + 2);
    const [annotation] = parseAnnotations([{ start: 2, end: 2 + comment.length, text: comment }], lines);
    const change = addMissingFields(annotation, { kind: 'incomplete', message: '', at: annotation.idSpan, missing: ['reason'] }, lines, NOW)!;
    assert.equal(applyChanges(text, [change]), '  /* ehi-exception: security\n       reason:\n  */\nfoo();\n');
  });

  it('reads an empty YAML key as empty, not as "null"', () => {
    const doc = parseYaml('a: 1\n: 2\nnull: 3\n');
    const root = doc.roots[0];
    assert.equal(root.kind, 'map');
    if (root.kind === 'map') assert.deepEqual(root.entries.map((e) => e.key), ['a', '', 'null']);
  });
});
