/**
 * Settings reach the server from any client (initializationOptions, workspace/didChangeConfiguration
 * and the workspace/configuration pull, alone or together), and no command waits on a question the
 * client may never answer (window/showMessageRequest). Over stdio, with the real server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ClientCapabilities, DiagnosticSeverity } from 'vscode-languageserver/node';
import { FULL_CAPABILITIES, PLAIN_CAPABILITIES, TestClient } from './client';

const ROUTES = `import rateLimit from 'express-rate-limit';
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);
`;

/** What Neovim's client declares: it answers workspace/configuration from its `settings`, and registers nothing dynamically. */
const NEOVIM_LIKE: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: { publishDiagnostics: { relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
};

describe('language server: settings from every source, commands that never block', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-lint-settings-')));
    file = path.join(dir, 'routes.ts');
    fs.writeFileSync(file, ROUTES);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A client whose workspace/configuration answer is `pulled` for every item. */
  async function start(capabilities: ClientCapabilities, pulled: unknown, initializationOptions?: unknown): Promise<TestClient> {
    const client = await TestClient.start({ workspace: dir, capabilities, initializationOptions });
    client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => pulled));
    return client;
  }

  const ruleIds = (client: TestClient, uri: string): string[] => (client.diagnostics.get(uri)?.diagnostics ?? []).map((d) => String(d.code));

  it('initializationOptions apply when the pull answers nothing (a client with no matching section)', async () => {
    const client = await start(NEOVIM_LIKE, null, { settings: { ehiLint: { rules: { 'unjustified-throttle': 'off' } } } });
    try {
      const uri = client.open(file);
      assert.deepEqual(await client.diagnosticsFor(uri), []);
    } finally {
      await client.stop();
    }
  });

  it('workspace/didChangeConfiguration turns a rule off and on again, with or without the pull', async () => {
    for (const capabilities of [NEOVIM_LIKE, PLAIN_CAPABILITIES]) {
      const client = await start(capabilities, null);
      try {
        const uri = client.open(file);
        assert.deepEqual((await client.diagnosticsFor(uri)).map((d) => d.code), ['unjustified-throttle']);
        const before = client.published.length;
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ehiLint: { rules: { 'unjustified-throttle': 'off' } } } });
        await client.waitFor('the finding to disappear', () => client.published.length > before && ruleIds(client, uri).length === 0);
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ehiLint: { rules: { 'unjustified-throttle': 'error' } } } });
        await client.waitFor('the finding as an error', () => client.diagnostics.get(uri)?.diagnostics[0]?.severity === DiagnosticSeverity.Error);
      } finally {
        await client.stop();
      }
    }
  });

  it('pulled settings win over pushed ones key by key; rule levels from both apply', async () => {
    const client = await start(FULL_CAPABILITIES, { rules: { 'unjustified-throttle': 'error' } }, { ehiLint: { rules: { 'exception-unaudited': 'off', 'unjustified-throttle': 'info' } } });
    try {
      const uri = client.open(file);
      const diagnostics = await client.diagnosticsFor(uri);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    } finally {
      await client.stop();
    }
  });

  it('show-rule-documentation never asks a question: showDocument when the client has it, else the URL', async () => {
    const url = 'https://github.com/ehi-lint/ehi-lint/blob/main/docs/rules/unjustified-throttle.md';
    for (const capabilities of [PLAIN_CAPABILITIES, NEOVIM_LIKE, FULL_CAPABILITIES]) {
      const client = await start(capabilities, null);
      let asked = 0;
      // A client that never answers: any question would hang the command.
      client.connection.onRequest('window/showMessageRequest', () => {
        asked++;
        return new Promise(() => undefined);
      });
      try {
        const started = Date.now();
        assert.equal(await client.executeCommand('ehi-lint.showRuleDocumentation', ['unjustified-throttle']), url);
        assert.equal(await client.executeCommand('ehi-lint.showRuleDocumentation'), 'https://github.com/ehi-lint/ehi-lint#rules');
        assert.ok(Date.now() - started < 5000);
        assert.equal(asked, 0);
        if (capabilities === FULL_CAPABILITIES) await client.waitFor('showDocument', () => client.shownDocuments.includes(url));
        else await client.waitFor('the URL in a message', () => client.messages.some((m) => m.includes(url)));
      } finally {
        await client.stop();
      }
    }
  });
});
