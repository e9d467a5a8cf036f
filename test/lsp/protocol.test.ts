/**
 * Protocol tests: the real language server as a child process, spoken to over JSON-RPC on stdio as
 * an editor would (initialize, didOpen, diagnostics, didChange, codeAction, applying the returned
 * edit, hover, completion, workspace scan, settings), on fixtures in several languages.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeAction, Diagnostic, DiagnosticSeverity, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { readExpectations } from '../fixture-expectations';
import { parseFile } from '../../server/src/core/files';
import { LineIndex } from '../../server/src/core/text';
import { FIXTURES } from '../fixtures.test';
import { PLAIN_CAPABILITIES, ROOT, TestClient } from './client';

const THROTTLE = path.join(FIXTURES, 'unjustified-throttle');

/** The lines (0-based) and rules that a fixture's `ruleid:` markers expect. */
async function expectedFindings(file: string): Promise<string[]> {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = await parseFile(file, text);
  return readExpectations(parsed.comments, new LineIndex(text))
    .filter((e) => e.kind === 'ruleid')
    .map((e) => `${e.line}:${e.ruleId}`)
    .sort();
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function fill(text: string, values: Record<string, string>): string {
  let out = text;
  for (const [name, value] of Object.entries(values)) out = out.replace(new RegExp(`(${name}):[ \\t]*$`, 'm'), `$1: ${value}`);
  return out;
}

function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-lint-lsp-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ROUTES_TS = `import express from 'express';
import rateLimit from 'express-rate-limit';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);
`;

describe('language server over JSON-RPC', function () {
  this.timeout(60_000);

  describe('as `ehi-lint lsp --stdio`', () => {
    it('answers initialize and publishes diagnostics', async () => {
      const client = await TestClient.start({ command: [process.execPath, path.join(ROOT, 'bin', 'ehi-lint.js'), 'lsp', '--stdio'], workspace: THROTTLE });
      try {
        const uri = client.open(path.join(THROTTLE, 'express-routes.ts'));
        const diagnostics = await client.diagnosticsFor(uri);
        assert.ok(diagnostics.length > 0);
        assert.ok(diagnostics.every((d) => d.source === 'ehi-lint'));
      } finally {
        await client.stop();
      }
    });
  });

  describe('diagnostics', () => {
    let client: TestClient;
    before(async () => (client = await TestClient.start({ workspace: FIXTURES })));
    after(() => client.stop());

    for (const [label, file] of [
      ['TypeScript', path.join(THROTTLE, 'express-routes.ts')],
      ['Java', path.join(THROTTLE, 'PatientResource.java')],
      ['YAML', path.join(THROTTLE, 'kong.yaml')],
      ['Mirth channel', path.join(THROTTLE, 'results-feed-channel.xml')],
      ['C#', path.join(THROTTLE, 'Program.cs')],
      ['Python', path.join(THROTTLE, 'flask_app.py')],
      ['JSON', path.join(FIXTURES, 'fax-only-manner', 'roi-settings.json')],
    ]) {
      it(`${label}: one diagnostic per expected finding, with rule id, documentation link and source`, async () => {
        const uri = client.open(file);
        const diagnostics = await client.diagnosticsFor(uri);
        assert.deepEqual(diagnostics.map((d) => `${d.range.start.line}:${d.code}`).sort(), await expectedFindings(file));
        for (const d of diagnostics) {
          assert.equal(d.source, 'ehi-lint');
          assert.equal(d.severity, DiagnosticSeverity.Warning);
          assert.equal(d.codeDescription?.href, `https://github.com/ehi-lint/ehi-lint/blob/main/docs/rules/${d.code}.md`);
        }
        client.close(uri);
      });
    }

    it('gives related information where a finding spans places', async () => {
      const uri = client.open(path.join(THROTTLE, 'express-routes.ts'));
      const diagnostics = await client.diagnosticsFor(uri);
      const withRelated = diagnostics.find((d) => d.relatedInformation?.length);
      assert.ok(withRelated, 'the limiter use points at its definition');
      assert.equal(withRelated.relatedInformation![0].location.uri, uri);
      assert.match(withRelated.relatedInformation![0].message, /limiter is defined here/);
      client.close(uri);
    });

    it('updates on change, publishing only for the latest version of a burst of edits', async () => {
      const file = path.join(os.tmpdir(), 'burst-routes.ts');
      const uri = client.open(file, ROUTES_TS);
      assert.equal((await client.diagnosticsFor(uri)).length, 1);
      const before = client.published.length;
      let version = 0;
      for (let i = 0; i < 6; i++) version = client.change(uri, ROUTES_TS.replace('/fhir/r4/Patient/:id', `/fhir/r4/Patient/:id${'x'.repeat(i)}`));
      const withoutLimit = ROUTES_TS.replace(', fhirLimiter', '');
      version = client.change(uri, withoutLimit);
      assert.deepEqual(await client.diagnosticsFor(uri), []);
      await new Promise((r) => setTimeout(r, 500));
      const published = client.published.slice(before).filter((p: PublishDiagnosticsParams) => p.uri === uri);
      assert.ok(published.length >= 1);
      assert.ok(
        published.every((p) => p.version === version),
        `stale versions published: ${published.map((p) => p.version).join(', ')}`,
      );
      client.close(uri);
    });

    it('gives a clear per-file message for input it cannot analyse, and keeps serving', async () => {
      const big = client.open(path.join(os.tmpdir(), 'huge.ts'), `// ${'x'.repeat(2 * 1024 * 1024)}\n`);
      const [tooLarge] = await client.diagnosticsFor(big);
      assert.match(messageOf(tooLarge), /ehi-lint: not analysed: the file is over the 2 MiB limit/);
      assert.equal(tooLarge.code, 'notice/too-large');
      const broken = client.open(path.join(os.tmpdir(), 'broken.ts'), `${ROUTES_TS}\nfunction (((( {\n`);
      const diagnostics = await client.diagnosticsFor(broken);
      assert.ok(diagnostics.some((d) => d.code === 'notice/syntax' && /syntax error/.test(messageOf(d))));
      assert.ok(diagnostics.some((d) => d.code === 'unjustified-throttle'), 'findings in the parts that parse are still reported');
      const junk = client.open(path.join(os.tmpdir(), 'junk.json'), '{ "releaseOfInformation": { "deliveryMethods": ["fax", "mail"] , , "x": } ]] "unterminated');
      assert.ok((await client.diagnosticsFor(junk)).some((d) => d.code === 'notice/syntax'));
      const hover = await client.hover(broken, 6, 40);
      assert.ok(hover, 'the server still answers');
      for (const uri of [big, broken, junk]) client.close(uri);
    });

    it('analyses untitled documents by their language', async () => {
      const uri = 'untitled:Untitled-1';
      client.documents.set(uri, (await import('vscode-languageserver-textdocument')).TextDocument.create(uri, 'typescript', 1, ROUTES_TS));
      void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: ROUTES_TS } });
      const diagnostics = await client.diagnosticsFor(uri);
      assert.deepEqual(diagnostics.map((d) => d.code), ['unjustified-throttle']);
      client.close(uri);
    });
  });

  describe('value flow between files in the editor', () => {
    let client: TestClient;
    let dir: string;
    const CONSTANTS = "export const SHARED_TYPES = ['Patient', 'Observation', 'Condition'];\n";
    before(async () => {
      dir = tempWorkspace({
        'src/constants.ts': CONSTANTS,
        'src/bundle.ts': "import { SHARED_TYPES } from './constants';\nexport function patientBundle(entries: any[]) {\n  return entries.filter((e) => SHARED_TYPES.includes(e.resource.resourceType));\n}\n",
      });
      client = await TestClient.start({ workspace: dir });
    });
    after(async () => {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('resolves a constant imported from another file, and follows its edits in the open editor', async () => {
      const bundle = client.open(path.join(dir, 'src', 'bundle.ts'));
      const first = await client.diagnosticsFor(bundle);
      assert.deepEqual(first.map((d) => d.code), ['data-class-filter']);
      const constants = client.open(path.join(dir, 'src', 'constants.ts'));
      await client.diagnosticsFor(constants);
      // Only non-data resources kept: the filter drops no EHI any more.
      client.change(constants, "export const SHARED_TYPES = ['OperationOutcome'];\n");
      await client.waitFor('the dependent file analysed again', () => client.published.filter((p) => p.uri === bundle).pop()?.diagnostics.length === 0);
    });
  });

  describe('quick-fixes through the protocol', () => {
    let client: TestClient;
    let dir: string;
    before(async () => {
      dir = tempWorkspace({
        'src/RecordsResource.java': fs.readFileSync(path.join(FIXTURES, 'quick-fixes', 'document-as-java', 'input.java'), 'utf8'),
        'src/routes.ts': ROUTES_TS,
        'config/portal.json': '{\n  "patientPortal": {\n    "hiddenResourceTypes": ["DocumentReference", "DiagnosticReport"]\n  }\n}\n',
      });
      client = await TestClient.start({ workspace: dir });
    });
    after(async () => {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('"Document as" turns a finding into a documented exception once its placeholders are filled; "Add audit logging" clears exception-unaudited', async () => {
      const uri = client.open(path.join(dir, 'src', 'RecordsResource.java'));
      const [finding] = await client.diagnosticsFor(uri);
      assert.equal(finding.code, 'unjustified-throttle');
      const actions = await client.codeActions(uri, [finding]);
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Document as Health IT Performance exception (unjustified-throttle)', 'Document as Security exception (unjustified-throttle)', 'Show documentation for unjustified-throttle'],
      );
      client.applyEdit(actions[1].edit!);
      assert.match(client.text(uri), /^ {8}\/\/ ehi-exception: security\n {8}\/\/ {3}reason: \n/m);
      // With every snippet default accepted, the empty fields keep the record incomplete.
      const incomplete = await client.diagnosticsFor(uri);
      assert.deepEqual(incomplete.map((d) => d.code).sort(), ['exception-incomplete', 'unjustified-throttle']);
      assert.match(messageOf(incomplete.find((d) => d.code === 'exception-incomplete')!), /missing `risk`, `reason`, `owner`, so it documents nothing yet/);

      client.change(uri, fill(client.text(uri), { reason: 'Slows scripted scraping', risk: 'Automated scraping of whole panels', owner: 'security-office' }));
      const documented = await client.diagnosticsFor(uri);
      assert.deepEqual(documented.map((d) => d.code), ['exception-unaudited']);

      const [audit] = await client.codeActions(uri, documented);
      assert.equal(audit.title, 'Add audit logging');
      client.applyEdit(audit.edit!);
      assert.match(client.text(uri), /auditLog\.record\("ehi-exception", "unjustified-throttle", "security", "Slows scripted scraping"\);/);
      assert.deepEqual(await client.diagnosticsFor(uri), []);
      client.close(uri);
    });

    it('"Document as" in JSON creates the register entry; filled in, the finding is documented', async () => {
      const uri = client.open(path.join(dir, 'config', 'portal.json'));
      const [finding] = await client.diagnosticsFor(uri);
      assert.equal(finding.code, 'data-class-filter');
      const actions = await client.codeActions(uri, [finding]);
      const privacy = actions.find((a) => a.title.startsWith('Document as Privacy'))!;
      assert.match(privacy.title, /in ehi-exceptions\.yaml$/);
      assert.equal((privacy.edit!.documentChanges![0] as { kind?: string }).kind, 'create');
      client.applyToDisk(privacy.edit!);
      const register = path.join(dir, 'ehi-exceptions.yaml');
      fs.writeFileSync(register, fill(fs.readFileSync(register, 'utf8'), { reason: 'The patient asked us not to share these', 'sub-exception': 'individual-request', owner: 'him-department' }));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(register).href, type: 1 }] });
      await client.waitFor('the JSON finding to be documented', () => client.diagnostics.get(uri)?.diagnostics.length === 0);
      client.close(uri);
    });

    it('a plain client (no snippets, no document changes) gets a plain text edit', async () => {
      const plain = await TestClient.start({ workspace: dir, capabilities: PLAIN_CAPABILITIES });
      try {
        const uri = plain.open(path.join(dir, 'src', 'routes.ts'));
        const [finding] = await plain.diagnosticsFor(uri);
        const [first] = await plain.codeActions(uri, [finding]);
        assert.ok(first.edit?.changes?.[uri], 'a `changes` edit');
        assert.equal(first.edit.documentChanges, undefined);
        plain.applyEdit(first.edit);
        assert.match(plain.text(uri), /\/\/ ehi-exception: health-it-performance\n\/\/ {3}reason:\n\/\/ {3}kind:\n/);
        // Applying the same fix again is not offered: an annotation already stands there.
        const again = await plain.codeActions(uri, (await plain.diagnosticsFor(uri)).filter((d) => d.code === 'unjustified-throttle'));
        assert.deepEqual(again.map((a: CodeAction) => a.title), ['Show documentation for unjustified-throttle']);
      } finally {
        await plain.stop();
      }
    });
  });

  describe('hover and completion', () => {
    let client: TestClient;
    before(async () => (client = await TestClient.start({ workspace: FIXTURES })));
    after(() => client.stop());

    it('hover on a finding explains the rule, why it may be blocking, and the exceptions with what they require', async () => {
      const uri = client.open(path.join(THROTTLE, 'PatientResource.java'));
      const [d] = await client.diagnosticsFor(uri);
      const hover = await client.hover(uri, d.range.start.line, d.range.start.character + 1);
      const text = (hover!.contents as MarkupContent).value as string;
      assert.match(text, /\*\*Throttle or delay on an EHI access path\*\*/);
      assert.match(text, /Why it may be blocking/);
      assert.match(text, /\*\*Health IT Performance\*\* \(`health-it-performance`, \[45 CFR 171\.205\]/);
      assert.match(text, /Requires `kind`, `max-duration`, `reason`, `owner`, `review-by`\. `agreement` when `kind` is `planned-maintenance`/);
      client.close(uri);
    });

    it('hover on an annotation shows the conditions and which fields are present or missing', async () => {
      const uri = client.open(path.join(FIXTURES, 'exception-incomplete', 'RecordsResource.java'));
      await client.diagnosticsFor(uri);
      const hover = await client.hover(uri, 16, 20);
      const text = (hover!.contents as MarkupContent).value as string;
      assert.match(text, /\*\*Security exception\*\* · `security` · \[45 CFR 171\.203\]/);
      assert.match(text, /\| ✓ \| `risk` \| Automated scraping of whole patient panels \|/);
      assert.match(text, /\| ✗ \| `alternatives` \| \*\*missing\*\* \|/);
      assert.match(text, /Documents nothing until fixed:\*\*\n- missing required field: alternatives/);
      client.close(uri);
    });

    it('completes exception ids, then the fields the exception requires, then their values', async () => {
      const file = path.join(os.tmpdir(), 'completion.ts');
      const text = ROUTES_TS.replace("app.get('/fhir", "// ehi-exception: \napp.get('/fhir");
      const uri = client.open(file, text);
      await client.diagnosticsFor(uri);
      const header = text.split('\n').findIndex((l) => l.startsWith('// ehi-exception:'));
      const ids = await client.completion(uri, header, '// ehi-exception: '.length);
      assert.equal(ids.length, 11);
      const ranked = [...ids].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
      assert.deepEqual(ranked.slice(0, 2).sort(), ['health-it-performance', 'security'], 'the exceptions the throttle below accepts come first');

      client.change(uri, text.replace('// ehi-exception: ', '// ehi-exception: health-it-performance\n//   kind: \n//   '));
      const values = await client.completion(uri, header + 1, '//   kind: '.length);
      assert.deepEqual(values.map((v) => v.label), ['planned-maintenance', 'unplanned-maintenance', 'third-party-app-impact']);
      const fields = await client.completion(uri, header + 2, '//   '.length);
      const required = fields.filter((f) => f.detail === 'required').map((f) => f.label);
      assert.deepEqual(required, ['max-duration', 'reason', 'owner', 'review-by']);
      assert.ok(!fields.some((f) => f.label === 'kind'), 'a field already written is not offered again');
      client.close(uri);
    });
  });

  describe('workspace, settings and commands', () => {
    let client: TestClient;
    let dir: string;
    const settings: Record<string, unknown> = {};
    before(async () => {
      dir = tempWorkspace({
        'src/routes.ts': ROUTES_TS,
        'src/ok.ts': 'export const x = 1;\n',
        'gateway/kong.yaml': fs.readFileSync(path.join(THROTTLE, 'kong.yaml'), 'utf8'),
        'legacy/old-routes.ts': ROUTES_TS,
        'channels/results.xml': fs.readFileSync(path.join(THROTTLE, 'results-feed-channel.xml'), 'utf8'),
        'src/documented.ts': ROUTES_TS.replace("app.get('/fhir", '// ehi-exception: security; reason: Scripted scraping of patient search; risk: Scraping; basis: policy; owner: sec; review-by: 2099-01-01\napp.get(\'/fhir'),
      });
      client = await TestClient.start({ workspace: dir, settings });
    });
    after(async () => {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const diagnosticsOn = (name: string): Diagnostic[] | undefined => client.diagnostics.get(pathToFileURL(path.join(dir, name)).href)?.diagnostics;

    it('scans the workspace on request, with progress, publishing diagnostics for closed files', async () => {
      const summary = (await client.executeCommand('ehi-lint.scanWorkspace')) as { files: number; findings: number; documented: number; cancelled: boolean };
      assert.deepEqual(summary, { files: 6, findings: 4, documented: 1, cancelled: false });
      assert.equal(diagnosticsOn('src/routes.ts')?.length, 1);
      assert.equal(diagnosticsOn('gateway/kong.yaml')?.length, 1);
      assert.equal(diagnosticsOn('channels/results.xml')?.length, 1);
      const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
      assert.equal(kinds[0], 'begin');
      assert.ok(kinds.includes('report'));
      assert.equal(kinds[kinds.length - 1], 'end');
    });

    it('lists every documented exception in the workspace for the Exceptions view', async () => {
      const items = (await client.connection.sendRequest('ehiLint/listExceptions')) as { path: string; exception: string; ruleIds: string[]; owner: string; reviewBy: string; status: string }[];
      assert.deepEqual(
        items.map((i) => [i.path, i.exception, i.ruleIds, i.owner, i.reviewBy, i.status]),
        [['src/documented.ts', 'security', ['unjustified-throttle'], 'sec', '2099-01-01', 'valid']],
      );
    });

    it('updates diagnostics of files that change on disk', async () => {
      const file = path.join(dir, 'src', 'ok.ts');
      fs.writeFileSync(file, ROUTES_TS);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
      await client.waitFor('diagnostics for the changed file', () => diagnosticsOn('src/ok.ts')?.length === 1);
      fs.rmSync(file);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 3 }] });
      await client.waitFor('diagnostics of the deleted file cleared', () => diagnosticsOn('src/ok.ts')?.length === 0);
    });

    it('applies changed settings without a restart: rule levels, exclude globs', async () => {
      settings.rules = { 'unjustified-throttle': 'error' };
      settings.exclude = ['legacy/**'];
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor('error severity', () => diagnosticsOn('src/routes.ts')?.[0]?.severity === DiagnosticSeverity.Error);
      await client.waitFor('excluded folder cleared', () => diagnosticsOn('legacy/old-routes.ts')?.length === 0);
      settings.rules = { 'unjustified-throttle': 'off' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor('rule turned off', () => diagnosticsOn('src/routes.ts')?.length === 0);
      settings.rules = {};
      settings.exclude = [];
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor('back on', () => diagnosticsOn('src/routes.ts')?.length === 1);
    });

    it('reads the project\'s ehi-lint.config.json (shared with the CLI) and follows its changes; editor settings win', async () => {
      const config = path.join(dir, 'ehi-lint.config.json');
      const changed = (type: number) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type }] });
      try {
        fs.writeFileSync(config, JSON.stringify({ rules: { 'unjustified-throttle': 'error' }, exclude: ['legacy/**'] }));
        await changed(1);
        await client.waitFor('error severity from the config file', () => diagnosticsOn('src/routes.ts')?.[0]?.severity === DiagnosticSeverity.Error);
        await client.waitFor('excluded by the config file', () => diagnosticsOn('legacy/old-routes.ts')?.length === 0);
        settings.rules = { 'unjustified-throttle': 'info' };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await client.waitFor('the editor setting wins', () => diagnosticsOn('src/routes.ts')?.[0]?.severity === DiagnosticSeverity.Information);
        settings.rules = {};
        fs.writeFileSync(config, '{ "rules": { "unjustified-throttle": "loud" } }');
        await changed(2);
        await client.waitFor('a clear warning naming the file and the problem', () => client.messages.some((m) => /ehi-lint\.config\.json:1:\d+: .*unjustified-throttle.*level/.test(m)));
        await client.waitFor('keeps working with the editor settings', () => diagnosticsOn('src/routes.ts')?.[0]?.severity === DiagnosticSeverity.Warning);
      } finally {
        fs.rmSync(config, { force: true });
        await changed(3);
      }
      await client.waitFor('back to the defaults', () => diagnosticsOn('src/routes.ts')?.[0]?.severity === DiagnosticSeverity.Warning && diagnosticsOn('legacy/old-routes.ts')?.length === 1);
    });

    it('warns once about a setting it cannot use, and keeps working', async () => {
      settings.auditPattern = '(unclosed';
      settings.rules = { 'no-such-rule': 'error' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor('warnings', () => client.messages.some((m) => /auditPattern is not a valid regular expression/.test(m)) && client.messages.some((m) => /unknown rule "no-such-rule"/.test(m)));
      const uri = client.open(path.join(dir, 'src', 'routes.ts'));
      assert.equal((await client.diagnosticsFor(uri)).length, 1);
      client.close(uri);
      delete settings.auditPattern;
      settings.rules = {};
    });

    it('opens rule documentation, and creates and opens the exception register', async () => {
      const url = await client.executeCommand('ehi-lint.showRuleDocumentation', ['unjustified-throttle']);
      assert.equal(url, 'https://github.com/ehi-lint/ehi-lint/blob/main/docs/rules/unjustified-throttle.md');
      assert.ok(client.shownDocuments.includes(url as string));
      const register = await client.executeCommand('ehi-lint.openExceptionRegister');
      assert.equal(register, pathToFileURL(path.join(dir, 'ehi-exceptions.yaml')).href);
      assert.match(fs.readFileSync(path.join(dir, 'ehi-exceptions.yaml'), 'utf8'), /^# Exception register/);
    });
  });

  describe('workspace scans on start and their cancellation', () => {
    it('scans on start when the setting asks for it', async () => {
      const dir = tempWorkspace({ 'src/routes.ts': ROUTES_TS });
      const client = await TestClient.start({ workspace: dir, settings: { scanOnStartup: true } });
      try {
        await client.waitFor('diagnostics of a file never opened', () => client.diagnostics.get(pathToFileURL(path.join(dir, 'src', 'routes.ts')).href)?.diagnostics.length === 1);
      } finally {
        await client.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('stops a scan when the user cancels its progress', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 400; i++) files[`src/routes${i}.ts`] = ROUTES_TS;
      const dir = tempWorkspace(files);
      const client = await TestClient.start({ workspace: dir });
      try {
        const scan = client.executeCommand('ehi-lint.scanWorkspace') as Promise<{ files: number; cancelled: boolean }>;
        await client.waitFor('the scan to report progress', () => client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'report'));
        await client.connection.sendNotification('window/workDoneProgress/cancel', { token: client.progressTokens[0] });
        const summary = await scan;
        assert.equal(summary.cancelled, true);
        assert.ok(summary.files < 400, `stopped after ${summary.files} files`);
      } finally {
        await client.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('a client without workspace/configuration', () => {
    it('takes settings from initializationOptions', async () => {
      const client = await TestClient.start({ workspace: THROTTLE, capabilities: PLAIN_CAPABILITIES, initializationOptions: { settings: { ehiLint: { rules: { 'unjustified-throttle': 'info' } } } } });
      try {
        const uri = client.open(path.join(THROTTLE, 'express-routes.ts'));
        const diagnostics = await client.diagnosticsFor(uri);
        assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.severity === DiagnosticSeverity.Information));
      } finally {
        await client.stop();
      }
    });
  });
});
