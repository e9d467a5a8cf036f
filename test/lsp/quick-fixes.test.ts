/**
 * Quick-fix fixtures: each folder of `test-fixtures/quick-fixes/` holds an input file and the
 * expected file after one fix (for a JSON file, the expected register). Every fix is checked three
 * ways: the result equals the expected file; applied a second time it changes nothing; and where
 * the fix leaves placeholders, filling them in leaves no diagnostic on the construct.
 * `EHI_UPDATE_EXPECTED=1 npx mocha` writes missing expected files for review.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeTextDetailed } from '../../server/src/core/engine';
import { DEFAULT_REGISTER_FILE, parseRegister } from '../../server/src/core/annotations/register';
import { resolveSettings } from '../../server/src/settings/settings';
import { LineIndex } from '../../server/src/core/text';
import { ClientSupport, codeActions } from '../../server/src/lsp/code-actions';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS, normalizeSettings, ServerSettings, toUserConfig } from '../../server/src/lsp/settings';
import { FIXTURE_NOW, FIXTURES } from '../fixtures.test';
import { expandSnippet } from './client';
import { RULES } from '../../rules';
import type { ActionDocument } from '../../server/src/lsp/documents';

const DIR = path.join(FIXTURES, 'quick-fixes');
const PLAIN: ClientSupport = { snippets: false, documentChanges: false, createFiles: true };
const RICH: ClientSupport = { snippets: true, documentChanges: true, createFiles: true };

interface Case {
  name: string;
  input: string;
  /** The diagnostic to fix: its rule and 1-based line. */
  rule: string;
  line: number;
  /** The start of the action's title. */
  action: string;
  /** Field values to fill in afterwards; then the construct must have no diagnostic left but `remaining`. */
  fill?: Record<string, string>;
  remaining?: string[];
  settings?: Record<string, unknown>;
  documentChanges?: boolean;
}

const SECURITY = { reason: 'Scripted scraping of whole patient panels', risk: 'Automated scraping', basis: 'policy', owner: 'security-office' };

const CASES: Case[] = [
  { name: 'document-as-typescript', input: 'input.ts', rule: 'unjustified-throttle', line: 9, action: 'Document as Health IT Performance', fill: { reason: 'Nightly reindex of patient search', kind: 'planned-maintenance', 'max-duration': 'PT30M', agreement: 'SLA-2026-04 section 3', owner: 'fhir-platform-team' }, remaining: [] },
  { name: 'document-as-java', input: 'input.java', rule: 'unjustified-throttle', line: 14, action: 'Document as Security', fill: SECURITY, remaining: ['exception-unaudited'] },
  { name: 'document-as-python', input: 'input.py', rule: 'unjustified-throttle', line: 10, action: 'Document as Security', fill: SECURITY, remaining: ['exception-unaudited'] },
  { name: 'document-as-yaml', input: 'input.yaml', rule: 'unjustified-throttle', line: 10, action: 'Document as Security', fill: SECURITY, remaining: [] },
  { name: 'document-as-xml', input: 'input.xml', rule: 'unjustified-throttle', line: 7, action: 'Document as Security', fill: SECURITY, remaining: [] },
  { name: 'document-as-mirth', input: 'input.xml', rule: 'unjustified-throttle', line: 14, action: 'Document as Health IT Performance', fill: { reason: 'Vendor ingest degraded', kind: 'third-party-app-impact', 'max-duration': 'P7D', owner: 'integration-team' }, remaining: ['exception-unaudited'] },
  { name: 'document-as-csharp', input: 'input.cs', rule: 'unjustified-throttle', line: 10, action: 'Document as Security', fill: SECURITY, remaining: ['exception-unaudited'] },
  { name: 'document-as-json', input: 'input.json', rule: 'data-class-filter', line: 3, action: 'Document as Privacy', fill: { reason: 'At the patient’s request', 'sub-exception': 'individual-request', owner: 'him-department' }, remaining: [] },
  {
    name: 'document-as-json-new-register',
    input: 'input.json',
    rule: 'data-class-filter',
    line: 3,
    action: 'Document as Required by law',
    fill: { reason: 'Part 2 records', law: '42 CFR Part 2', owner: 'privacy-office' },
    remaining: [],
    // Creating the register is a resource operation: only clients that take document changes get it.
    documentChanges: true,
  },
  { name: 'add-missing-fields-block', input: 'input.ts', rule: 'exception-incomplete', line: 7, action: 'Add missing fields', fill: { 'max-duration': 'PT30M', agreement: 'SLA-2026-04', owner: 'fhir-platform-team' }, remaining: [] },
  { name: 'add-missing-fields-inline', input: 'input.py', rule: 'exception-incomplete', line: 10, action: 'Add missing fields', fill: { risk: 'Scraping', basis: 'policy', 'review-by': '2027-01-31' }, remaining: ['exception-unaudited'] },
  { name: 'add-missing-fields-csharp', input: 'input.cs', rule: 'exception-incomplete', line: 10, action: 'Add missing fields', fill: { kind: 'unplanned-maintenance', 'max-duration': 'P14D' }, remaining: ['exception-unaudited'] },
  { name: 'register-missing-fields', input: 'ehi-exceptions.yaml', rule: 'exception-incomplete', line: 5, action: 'Add missing fields', fill: { 'sub-exception': 'individual-request', owner: 'him-department' }, remaining: [] },
  { name: 'renew-review-by', input: 'input.yaml', rule: 'exception-expired', line: 8, action: 'Set review-by', remaining: [] },
  { name: 'remove-unused-block', input: 'input.ts', rule: 'exception-unused', line: 7, action: 'Remove the annotation', remaining: [] },
  { name: 'remove-unused-inline', input: 'input.py', rule: 'exception-unused', line: 8, action: 'Remove the annotation', remaining: [] },
  { name: 'fix-misspelt-id', input: 'input.cs', rule: 'exception-invalid', line: 10, action: 'Change to "security"', remaining: ['exception-unaudited'] },
  { name: 'audit-typescript', input: 'input.ts', rule: 'exception-unaudited', line: 7, action: 'Add audit logging', remaining: [] },
  { name: 'audit-java', input: 'input.java', rule: 'exception-unaudited', line: 17, action: 'Add audit logging', remaining: [] },
  { name: 'audit-csharp', input: 'input.cs', rule: 'exception-unaudited', line: 10, action: 'Add audit logging', remaining: [] },
  { name: 'audit-python', input: 'input.py', rule: 'exception-unaudited', line: 11, action: 'Add audit logging', remaining: [] },
  { name: 'audit-mirth', input: 'input.xml', rule: 'exception-unaudited', line: 14, action: 'Add audit logging', remaining: [] },
  { name: 'audit-mirth-cdata', input: 'input.xml', rule: 'exception-unaudited', line: 12, action: 'Add audit logging', remaining: [] },
  {
    name: 'audit-with-import',
    input: 'input.ts',
    rule: 'exception-unaudited',
    line: 7,
    action: 'Add audit logging',
    settings: { auditTemplates: { typescript: { call: 'audit.exception("{rule}", "{exception}", {reason});', import: "import { audit } from './audit';" } } },
    remaining: [],
  },
];

interface Workspace {
  file: string;
  registerPath: string;
  texts: Map<string, string>;
}

async function actionDocument(ws: Workspace, settings: ServerSettings): Promise<ActionDocument> {
  const text = ws.texts.get(ws.file)!;
  const registerText = ws.texts.get(ws.registerPath);
  const dir = path.dirname(ws.registerPath);
  const register = registerText === undefined ? [] : parseRegister(DEFAULT_REGISTER_FILE, registerText).entries.filter((e) => path.resolve(dir, e.file) === ws.file);
  const analysis = resolveSettings(RULES, toUserConfig(settings), { now: FIXTURE_NOW, register });
  const detail = await analyzeTextDetailed(ws.file, text, analysis);
  return {
    uri: pathToFileURL(ws.file).href,
    path: ws.file,
    version: 1,
    lines: new LineIndex(text),
    detail,
    settings,
    now: FIXTURE_NOW,
    register: { path: ws.registerPath, uri: pathToFileURL(ws.registerPath).href, text: registerText, version: null },
  };
}

function diagnosticsOf(doc: ActionDocument): Diagnostic[] {
  return toDiagnostics(doc.uri, doc.detail.result, true);
}

/** Applies a workspace edit to the in-memory files (snippets with their defaults, as an editor does). */
function apply(ws: Workspace, edit: WorkspaceEdit): Map<string, string> {
  const out = new Map(ws.texts);
  const byUri = new Map<string, TextEdit[]>();
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) continue;
    if (TextDocumentEdit.is(change)) byUri.set(change.textDocument.uri, change.edits.map((e) => ('snippet' in e ? { range: e.range, newText: expandSnippet(e.snippet.value) } : (e as TextEdit))));
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
  for (const [uri, edits] of byUri) {
    const file = new URL(uri).pathname;
    const doc = TextDocument.create(uri, 'plaintext', 1, out.get(file) ?? '');
    out.set(file, TextDocument.applyEdits(doc, edits));
  }
  return out;
}

/** Fills empty `field:` values, in any comment syntax or register entry. */
function fill(text: string, values: Record<string, string>): string {
  let out = text;
  for (const [name, value] of Object.entries(values)) {
    const empty = new RegExp(`(^|[;\\s*#/])(${name}):[ \\t]*(?=$|;|\\r?\\n| \\*/)`, 'm');
    const escaped = value.replace(/\$/g, '$$$$');
    out = empty.test(out) ? out.replace(empty, `$1$2: ${escaped}`) : out;
  }
  return out;
}

async function run(c: Case, support: ClientSupport): Promise<{ ws: Workspace; after: Map<string, string>; title: string }> {
  if (c.documentChanges) support = { ...support, documentChanges: true };
  const folder = path.join(DIR, c.name);
  const file = path.join(folder, c.input);
  const registerPath = path.join(folder, DEFAULT_REGISTER_FILE);
  const texts = new Map([[file, fs.readFileSync(file, 'utf8')]]);
  if (fs.existsSync(registerPath)) texts.set(registerPath, fs.readFileSync(registerPath, 'utf8'));
  const ws = { file, registerPath, texts };
  const settings = normalizeSettings({ ...c.settings }).settings;
  const doc = await actionDocument(ws, settings);
  const diagnostic = diagnosticsOf(doc).find((d) => d.code === c.rule && d.range.start.line === c.line - 1);
  assert.ok(diagnostic, `no ${c.rule} diagnostic on line ${c.line}; got ${diagnosticsOf(doc).map((d) => `${d.range.start.line + 1}:${d.code}`).join(', ')}`);
  const actions = await codeActions(doc, [diagnostic], support);
  const chosen = actions.find((a) => a.title.startsWith(c.action));
  assert.ok(chosen?.edit, `no "${c.action}…" action; got: ${actions.map((a) => a.title).join(' | ')}`);
  return { ws, after: apply(ws, chosen.edit), title: chosen.title };
}

describe('quick-fix fixtures', function () {
  this.timeout(60_000);

  it('has a folder for every case and a case for every folder', () => {
    const folders = fs.readdirSync(DIR).filter((d) => fs.statSync(path.join(DIR, d)).isDirectory());
    assert.deepEqual(folders.sort(), CASES.map((c) => c.name).sort());
  });

  for (const c of CASES) {
    describe(c.name, () => {
      it('gives the expected file', async () => {
        const { ws, after } = await run(c, PLAIN);
        const changedRegister = after.get(ws.registerPath) !== ws.texts.get(ws.registerPath);
        const target = changedRegister ? ws.registerPath : ws.file;
        const expectedPath = changedRegister ? path.join(path.dirname(ws.file), `expected.${DEFAULT_REGISTER_FILE}`) : path.join(path.dirname(ws.file), c.input.replace(/^input/, 'expected'));
        if (!fs.existsSync(expectedPath) && process.env.EHI_UPDATE_EXPECTED === '1') fs.writeFileSync(expectedPath, after.get(target)!);
        assert.equal(after.get(target), fs.readFileSync(expectedPath, 'utf8'));
        if (changedRegister && ws.file !== ws.registerPath) assert.equal(after.get(ws.file), ws.texts.get(ws.file), 'the JSON file itself is not touched');
      });

      it('changes nothing when applied again', async () => {
        const { ws, after, title } = await run(c, PLAIN);
        const again: Workspace = { ...ws, texts: after };
        const settings = normalizeSettings({ ...c.settings }).settings;
        const doc = await actionDocument(again, settings);
        const same = (await codeActions(doc, diagnosticsOf(doc), PLAIN)).filter((a) => a.title === title && a.edit);
        for (const action of same) assert.deepEqual(apply(again, action.edit!), after, `"${title}" offered again and it changes the file`);
      });

      it('with snippets, inserts the same lines with tab-stops', async () => {
        const plain = await run(c, PLAIN);
        const rich = await run(c, RICH);
        for (const [file, text] of plain.after) {
          assert.equal(rich.after.get(file)!.split('\n').length, text.split('\n').length, 'same lines');
        }
      });

      if (c.remaining) {
        it(`leaves ${c.remaining.length === 0 ? 'no diagnostic' : c.remaining.join(', ')} on the construct once filled in`, async () => {
          const { ws, after } = await run(c, PLAIN);
          const filled = new Map([...after].map(([f, t]) => [f, c.fill ? fill(t, c.fill) : t]));
          const doc = await actionDocument({ ...ws, texts: filled }, { ...DEFAULT_SETTINGS, ...normalizeSettings({ ...c.settings }).settings });
          const around = diagnosticsOf(doc).filter((d) => Math.abs(d.range.start.line - (c.line - 1)) <= 12);
          assert.deepEqual(
            around.map((d) => d.code),
            c.remaining,
            `diagnostics left:\n${around.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`).join('\n')}\n--- text:\n${filled.get(ws.file)}`,
          );
        });
      }
    });
  }
});
