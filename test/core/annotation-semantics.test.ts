/**
 * The semantics of exception annotations, stated once and held in every comment syntax:
 * - a valid, complete, unexpired annotation documents the findings in its construct (reported as
 *   suppressed, in source), and `exception-unaudited` is reported separately when no audit call is made;
 * - an invalid, incomplete or expired one documents nothing: its own finding is reported and the
 *   restriction's finding stays visible;
 * - scope follows the practice: an annotation on a definition (a constant, a setting) documents every
 *   use that names it as a related place, in the same file or in another file of the project.
 * A rule made for the test reports every `restrict(...)` call (with the definition of its argument as
 * related place) and every `restrict` configuration key, so the semantics are checked apart from what
 * any real rule detects.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RULES } from '../../rules';
import { ProjectIndex } from '../../server/src/analysis/project';
import { calleeLast, definitionOf } from '../../server/src/analysis/values';
import { analyzeText, FileAnalysis } from '../../server/src/core/engine';
import { descendants } from '../../server/src/core/formats/tree';
import { defineRule } from '../../server/src/core/rule';
import { resolveSettings } from '../../server/src/settings/settings';

const NOW = new Date('2026-06-01T12:00:00Z');

const restriction = defineRule({
  meta: {
    id: 'test-restriction',
    title: 'A restriction, for the test',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'yaml', 'xml', 'properties', 'json'],
    exceptions: ['security'],
    triggers: ['restrict'],
    messages: { found: 'restricts' },
    docs: { summary: 'x'.repeat(41), why: '171.203', fix: 'x'.repeat(21), notFlagged: ['x'], examples: [] },
    version: 1,
  },
  code(ctx) {
    return {
      call(call) {
        if (call.isDecorator || calleeLast(call) !== 'restrict') return;
        const definition = definitionOf(ctx.code, call.args[0]?.value);
        ctx.report({ at: call, messageId: 'found', related: definition ? [{ ...definition, message: 'defined here' }] : [] });
      },
    };
  },
  config(ctx) {
    for (const root of ctx.config.roots) for (const node of descendants(root)) if (node.entry?.key === 'restrict') ctx.report({ at: node.entry, messageId: 'found' });
  },
});

const annotationRules = RULES.filter((r) => r.meta.id.startsWith('exception-'));
const RULE_SET = [restriction, ...annotationRules];

type Syntax = 'slashes' | 'block' | 'doc' | 'hash' | 'xml';

/** The annotation's lines, written in a comment syntax, indented like the construct it stands over. */
function annotation(syntax: Syntax, fields: Record<string, string>, indent = ''): string {
  const [first, ...rest] = Object.entries(fields).map(([k, v], i) => (i === 0 ? `ehi-exception: ${v}` : `  ${k}: ${v}`));
  const lines = [first, ...rest];
  switch (syntax) {
    case 'slashes':
      return lines.map((l) => `${indent}// ${l}`).join('\n');
    case 'hash':
      return lines.map((l) => `${indent}# ${l}`).join('\n');
    case 'block':
      return `${indent}/* ${lines.join(`\n${indent}   `)}\n${indent}*/`;
    case 'doc':
      return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */`;
    case 'xml':
      return `${indent}<!-- ${lines.join(`\n${indent}     `)}\n${indent}-->`;
  }
}

const VALID = { exception: 'security', reason: 'Brute-force protection on this resource', risk: 'credential stuffing', basis: 'policy', owner: 'security-office', 'review-by': '2027-06-30' };
const EXPIRED = { ...VALID, 'review-by': '2026-01-31' };
const INCOMPLETE = { exception: 'security', reason: 'Brute-force protection on this resource', owner: 'security-office', 'review-by': '2027-06-30' };
const UNKNOWN = { ...VALID, exception: 'secrecy' };

interface Language {
  name: string;
  file: string;
  syntaxes: Syntax[];
  /** A file whose one restriction has `note` (an annotation) above it; `audited` adds an audit call in the same function. */
  use(note: string, audited: boolean): string;
  /** A file whose restriction uses a constant defined in the file, with `note` above the definition. */
  definition?(note: string): string;
}

const LANGUAGES: Language[] = [
  {
    name: 'TypeScript',
    file: 'src/routes.ts',
    syntaxes: ['slashes', 'block', 'doc'],
    use: (note, audited) => `export function handle() {\n${note}\n  restrict(5);\n${audited ? '  auditLog.record({ rule: "test-restriction" });\n' : ''}}\n`,
    definition: (note) => `${note}\nconst LIMIT = 5;\nexport function handle() {\n  restrict(LIMIT);\n}\n`,
  },
  {
    name: 'Java',
    file: 'src/Routes.java',
    syntaxes: ['slashes', 'block', 'doc'],
    use: (note, audited) => `class Routes {\n  void handle() {\n${note}\n    restrict(5);\n${audited ? '    auditLog.record("test-restriction");\n' : ''}  }\n}\n`,
    definition: (note) => `class Routes {\n${note}\n  static final int LIMIT = 5;\n  void handle() {\n    restrict(LIMIT);\n  }\n}\n`,
  },
  {
    name: 'C#',
    file: 'src/Routes.cs',
    syntaxes: ['slashes', 'block'],
    use: (note, audited) => `class Routes {\n  void Handle() {\n${note}\n    restrict(5);\n${audited ? '    _auditLog.Record("test-restriction");\n' : ''}  }\n}\n`,
    definition: (note) => `class Routes {\n${note}\n  const int LIMIT = 5;\n  void Handle() {\n    restrict(LIMIT);\n  }\n}\n`,
  },
  {
    name: 'Python',
    file: 'app/routes.py',
    syntaxes: ['hash'],
    use: (note, audited) => `def handle():\n${note}\n    restrict(5)\n${audited ? '    audit_log.record("test-restriction")\n' : ''}`,
    definition: (note) => `${note}\nLIMIT = 5\n\ndef handle():\n    restrict(LIMIT)\n`,
  },
  {
    name: 'Mirth',
    file: 'channels/feed.xml',
    syntaxes: ['slashes', 'block'],
    use: (note, audited) =>
      `<channel version="4.4.0"><name>Feed</name><sourceConnector version="4.4.0"><name>sourceConnector</name><transformer version="4.4.0"><elements><step><name>Step</name><script><![CDATA[${note}\nrestrict(5);\n${audited ? 'auditLog({ rule: "test-restriction" });\n' : ''}]]></script></step></elements></transformer><transportName>HTTP Listener</transportName></sourceConnector><destinationConnectors/></channel>`,
  },
  {
    name: 'YAML',
    file: 'config/gateway.yaml',
    syntaxes: ['hash'],
    use: (note) => `services:\n  - name: fhir\n${note.replace(/^/gm, '    ')}\n    restrict: 5\n    host: fhir.internal\n`,
  },
  {
    name: 'XML',
    file: 'config/policy.xml',
    syntaxes: ['xml'],
    use: (note) => `<policies>\n  <inbound>\n${note.replace(/^/gm, '    ')}\n    <restrict>5</restrict>\n  </inbound>\n</policies>\n`,
  },
  {
    name: 'properties',
    file: 'config/app.properties',
    syntaxes: ['hash'],
    use: (note) => `server.port=8080\n${note}\nrestrict=5\n`,
  },
];

async function analyse(file: string, text: string, project?: ProjectIndex): Promise<FileAnalysis> {
  return analyzeText(file, text, { ...resolveSettings(RULE_SET, {}, { now: NOW }), project });
}

const rulesOf = (r: FileAnalysis): string[] => r.findings.map((f) => f.ruleId).sort();

describe('annotation semantics in every comment syntax', () => {
  for (const lang of LANGUAGES) {
    for (const syntax of lang.syntaxes) {
      const code = lang.definition !== undefined;
      describe(`${lang.name}, ${syntax} comments`, () => {
        it('a valid annotation documents the restriction: suppressed, in source, with its justification', async () => {
          const r = await analyse(lang.file, lang.use(annotation(syntax, VALID, '  '), true));
          assert.deepEqual(rulesOf(r), []);
          assert.equal(r.suppressed.length, 1);
          assert.equal(r.suppressed[0].suppression?.kind, 'inSource');
          assert.equal(r.suppressed[0].suppression?.justification, VALID.reason);
          assert.equal(r.exceptions[0].status, 'valid');
        });

        if (code) {
          it('a documented restriction with no audit call is still documented, and exception-unaudited says so', async () => {
            const r = await analyse(lang.file, lang.use(annotation(syntax, VALID, '  '), false));
            assert.deepEqual(rulesOf(r), ['exception-unaudited']);
            assert.equal(r.suppressed.length, 1);
          });
        }

        for (const [name, fields, rule] of [
          ['expired', EXPIRED, 'exception-expired'],
          ['incomplete', INCOMPLETE, 'exception-incomplete'],
          ['unknown exception', UNKNOWN, 'exception-invalid'],
        ] as const) {
          it(`an ${name} annotation documents nothing: ${rule} is reported and the restriction stays visible`, async () => {
            const r = await analyse(lang.file, lang.use(annotation(syntax, fields, '  '), true));
            assert.deepEqual(rulesOf(r), [rule, 'test-restriction'].sort());
            assert.equal(r.suppressed.length, 0);
          });
        }

        if (lang.definition) {
          it('an annotation on the definition documents its use', async () => {
            const r = await analyse(lang.file, lang.definition!(annotation(syntax, VALID, lang.name === 'Python' || lang.name === 'TypeScript' ? '' : '  ')));
            assert.deepEqual(rulesOf(r).filter((id) => id !== 'exception-unaudited'), []);
            assert.equal(r.suppressed.length, 1);
          });
        }
      });
    }
  }

  describe('an annotation on a definition in another file documents its uses', () => {
    function project(files: Record<string, string>): { dir: string; index: ProjectIndex } {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-semantics-'));
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
      return { dir, index: new ProjectIndex({ root: dir, files: Object.keys(files).map((f) => path.join(dir, f)), display: (f) => path.relative(dir, f).split(path.sep).join('/') }) };
    }

    const cases: { name: string; files: Record<string, string>; use: string; definedIn: string }[] = [
      {
        name: 'TypeScript constant',
        files: { 'src/limits.ts': `${annotation('slashes', VALID)}\nexport const LIMIT = 5;\n`, 'src/routes.ts': "import { LIMIT } from './limits';\nexport function handle() {\n  restrict(LIMIT);\n  auditLog.record({});\n}\n" },
        use: 'src/routes.ts',
        definedIn: 'src/limits.ts',
      },
      {
        name: 'Python constant',
        files: { 'app/limits.py': `${annotation('hash', VALID)}\nLIMIT = 5\n`, 'app/routes.py': 'from .limits import LIMIT\n\ndef handle():\n    restrict(LIMIT)\n    audit_log.record()\n' },
        use: 'app/routes.py',
        definedIn: 'app/limits.py',
      },
      {
        name: 'Java constant class',
        files: {
          'src/main/java/com/acme/Limits.java': `package com.acme;\npublic final class Limits {\n${annotation('doc', VALID, '  ')}\n  public static final int LIMIT = 5;\n}\n`,
          'src/main/java/com/acme/Routes.java': 'package com.acme;\nclass Routes {\n  void handle() {\n    restrict(Limits.LIMIT);\n    auditLog.record();\n  }\n}\n',
        },
        use: 'src/main/java/com/acme/Routes.java',
        definedIn: 'src/main/java/com/acme/Limits.java',
      },
      {
        name: 'YAML setting read through @Value',
        files: {
          'src/main/resources/application.yml': `portal:\n${annotation('hash', VALID, '  ')}\n  request-limit: 5\n`,
          'src/main/java/com/acme/Portal.java': 'package com.acme;\nclass Portal {\n  @Value("${portal.request-limit}") private int limit;\n  void handle() {\n    restrict(limit);\n    auditLog.record();\n  }\n}\n',
        },
        use: 'src/main/java/com/acme/Portal.java',
        definedIn: 'src/main/resources/application.yml',
      },
    ];

    for (const c of cases) {
      it(c.name, async () => {
        const { index } = project(c.files);
        const r = await analyse(c.use, c.files[c.use], index);
        assert.deepEqual(rulesOf(r), []);
        assert.equal(r.suppressed.length, 1);
        assert.equal(r.suppressed[0].suppression?.location.file, c.definedIn);
        assert.ok(r.suppressed[0].related.some((p) => p.file === c.definedIn));
      });
    }

    it('an annotation elsewhere that names an exception the rule does not accept documents nothing', async () => {
      const files = { 'src/limits.ts': `${annotation('slashes', { ...VALID, exception: 'fees', 'cost-basis': 'ledger' })}\nexport const LIMIT = 5;\n`, 'src/routes.ts': "import { LIMIT } from './limits';\nrestrict(LIMIT);\n" };
      const { index } = project(files);
      const r = await analyse('src/routes.ts', files['src/routes.ts'], index);
      assert.deepEqual(rulesOf(r), ['test-restriction']);
    });
  });
});
