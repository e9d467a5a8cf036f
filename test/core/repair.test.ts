/** Valid code and documents the grammars trip on: parsed without syntax errors, with positions of the original text. */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/core/engine';
import { parseFile } from '../../server/src/core/files';
import { maskE4x, repairedSource } from '../../server/src/core/repair';
import { resolveSettings } from '../../server/src/settings/settings';
import { RULES } from '../../rules';

const settings = resolveSettings(RULES, {}, { now: new Date('2026-06-01T12:00:00Z'), prefilter: false });

describe('repairs of valid code the grammars trip on', () => {
  it("Mirth: Rhino's E4X (for each, the descendant operator) parses, spread is untouched, positions kept", async () => {
    const script = "delete msg['NTE'];\nfor each (var obx in msg..OBX) {\n  logger.info(obx['OBX.3'].toString());\n}\nvar all = [...list];";
    const channel = `<channel><name>ORU</name><sourceConnector><transformer><elements><com.mirth.connect.plugins.javascriptstep.JavaScriptStep><name>Strip</name><script>${script}</script></com.mirth.connect.plugins.javascriptstep.JavaScriptStep></elements></transformer></sourceConnector></channel>`;
    const parsed = await parseFile('channels/oru.xml', channel);
    assert.equal(parsed.language, 'mirth');
    assert.deepEqual(parsed.syntaxErrors, []);
    const masked = maskE4x(script)!;
    assert.equal(masked.length, script.length);
    assert.ok(masked.includes('for      (var obx in msg. OBX)'));
    assert.ok(masked.includes('[...list]'));
    assert.equal(maskE4x('const a = [...b]; f(...c);'), undefined);
  });

  it('C#: #if inside a lambda, a switch section and a builder chain', async () => {
    const text = [
      'public class Routes {',
      '  void Map(WebApplication app) {',
      '    var r = app.MapGroup("/fhir")',
      '#if DEBUG',
      '      .WithTags("debug")',
      '#else',
      '      .WithTags("release"',
      '#endif',
      '      ;',
      '    switch (code) {',
      '      case "a":',
      '        return 1;',
      '#if DEBUG',
      '      case "b":',
      '        throw new InvalidOperationException("x");',
      '#endif',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const parsed = await parseFile('Routes.cs', text);
    assert.deepEqual(parsed.syntaxErrors, []);
    // Masking keeps every offset: the same length, the same line breaks.
    const masked = repairedSource('csharp', text, [])!;
    assert.equal(masked.length, text.length);
    assert.deepEqual(masked.split('\n').map((l) => l.length), text.split('\n').map((l) => l.length));
    assert.ok(!masked.includes('"release"'), 'the #else branch is masked');
    assert.ok(masked.includes('"debug"'), 'the #if branch is kept');
  });

  it('C#: a finding after masked directives is reported at its original line and column', async () => {
    const text = ['#if NET8_0', 'using System.Threading.RateLimiting;', '#endif', 'var app = builder.Build();', 'app.MapGet("/fhir/r4/Patient/{id}", (string id) => Read(id))', '#if DEBUG', '    // traced in debug builds', '#endif', '    .RequireRateLimiting("patient-api");'].join('\n');
    const result = await analyzeText('Program.cs', text, settings);
    assert.deepEqual(result.notices, []);
    const throttle = result.findings.filter((f) => f.ruleId === 'unjustified-throttle');
    assert.equal(throttle.length, 1);
    assert.equal(throttle[0].range.start.line, 8);
  });

  it('Java: a type-use annotation before varargs', async () => {
    const parsed = await parseFile('A.java', 'class A {\n  public void setPackages(String @NonNull... packages) { this.p = packages; }\n}\n');
    assert.deepEqual(parsed.syntaxErrors, []);
  });

  it('TSX: a bare & in JSX text', async () => {
    const parsed = await parseFile('Tabs.tsx', 'export const T = () => (\n  <li>\n    <b role="tab">Client Registration & Validation</b>\n  </li>\n);\n');
    assert.deepEqual(parsed.syntaxErrors, []);
  });

  it('XML: entities declared in the internal DTD subset', async () => {
    const parsed = await parseFile('GeoPol.xml', '<!DOCTYPE v [\n<!ENTITY Repo "fhir-server">\n]>\n<Folders><Name>&Repo;</Name></Folders>\n');
    assert.deepEqual(parsed.syntaxErrors, []);
  });

  it('leaves code that does not parse as it is, and says a Jinja template is one', async () => {
    const broken = await parseFile('Broken.cs', 'class {{{ ');
    assert.ok(broken.syntaxErrors.length > 0);
    const template = await analyzeText('template-resource.py', '# {{ info.version }}\n{%- for k in classes %}\nclass {{ k.name }}:\n    pass\n{%- endfor %}\n', settings);
    assert.equal(template.notices.length, 1);
    assert.match(template.notices[0].message, /templated Python/);
  });
});
