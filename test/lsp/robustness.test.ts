/**
 * The language server cannot be knocked over: over stdio it is sent malformed JSON-RPC, unknown
 * methods, edits to documents never opened, versions going backwards, incremental edits with
 * ranges out of bounds, a 5 MB document, 200 edits in a burst and code actions on stale ranges.
 * After each it still answers, it never publishes a position outside the document it analysed,
 * and after a burst of edits it publishes diagnostics for the last version only.
 */
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { tempDir, write } from '../helpers/cli';
import { TestClient } from './client';

const THROTTLED = `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
app.get('/fhir/r4/Patient/:id', rateLimit({ windowMs: 60_000, max: 30 }), (req, res) => res.json({}));
`;

/** Every text a document had, by version, as the server must have seen it. */
class Versions {
  private readonly texts = new Map<string, Map<number, string>>();

  record(uri: string, version: number, text: string): void {
    const m = this.texts.get(uri) ?? new Map<number, string>();
    m.set(version, text);
    this.texts.set(uri, m);
  }

  /** Positions of a publication that lie outside the text of the version it names. */
  outside(p: PublishDiagnosticsParams): string[] {
    const text = p.version === undefined ? undefined : this.texts.get(p.uri)?.get(p.version);
    if (text === undefined) return [];
    const doc = TextDocument.create(p.uri, 'x', p.version!, text);
    const lines = text.split(/\r\n|\r|\n/);
    const bad: string[] = [];
    const check = (what: string, d: Diagnostic['range']): void => {
      for (const pos of [d.start, d.end]) {
        if (pos.line < 0 || pos.line >= lines.length || pos.character < 0 || pos.character > lines[pos.line].length) bad.push(`${what} ${JSON.stringify(d)} in v${p.version} (${doc.lineCount} lines)`);
      }
    };
    for (const d of p.diagnostics) {
      check(String(d.code ?? 'diagnostic'), d.range);
      for (const r of d.relatedInformation ?? []) if (r.location.uri === p.uri) check('related', r.location.range);
    }
    return bad;
  }
}

describe('language server robustness over stdio', function () {
  this.timeout(120_000);
  let client: TestClient;
  let dir: string;
  const versions = new Versions();

  before(async () => {
    dir = tempDir('lsp-robust');
    write(dir, { 'routes.ts': THROTTLED });
    client = await TestClient.start({ workspace: dir, settings: { debounceMs: 50 } });
  });

  after(async () => {
    await client?.stop();
  });

  /** The server still answers a request. */
  async function answers(): Promise<void> {
    const uri = pathToFileURL(`${dir}/alive.ts`).href;
    const result = await Promise.race([
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).then(() => 'answered', () => 'answered with an error'),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 10_000)),
    ]);
    assert.notEqual(result, 'no answer', `the server stopped answering; stderr: ${client.serverStderr.slice(-2000)}`);
    assert.equal(client.process.exitCode, null, 'the server exited');
  }

  function rawSend(body: string): void {
    client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  it('survives malformed JSON-RPC: a body that is not JSON, messages that are not JSON-RPC', async () => {
    rawSend('{"jsonrpc": "2.0", "id": 1, "method": ');
    rawSend('[1, 2, 3]');
    rawSend('{"jsonrpc": "2.0", "method": 42}');
    rawSend('{"jsonrpc": "2.0", "id": {"nested": true}, "method": "textDocument/hover", "params": null}');
    rawSend('{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": null}}');
    rawSend('{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": 5}, "contentChanges": "x"}}');
    await answers();
  });

  it('answers an unknown request with MethodNotFound and ignores an unknown notification', async () => {
    await assert.rejects(client.connection.sendRequest('ehiLint/noSuchMethod', { a: 1 }), (err: { code?: number }) => err.code === -32601);
    await client.connection.sendNotification('ehiLint/noSuchNotification', { a: 1 });
    await client.connection.sendNotification('$/noSuchThing', {});
    await answers();
  });

  it('ignores didChange for a document never opened, and didClose of one never opened', async () => {
    const uri = pathToFileURL(`${dir}/never-opened.ts`).href;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } }, text: 'x' }] });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 8 }, contentChanges: [{ text: THROTTLED }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(`${dir}/also-never.ts`).href } });
    await answers();
  });

  it('keeps going when versions go backwards, and publishes positions inside the document', async () => {
    const uri = pathToFileURL(`${dir}/backwards.ts`).href;
    versions.record(uri, 10, THROTTLED);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 10, text: THROTTLED } });
    await client.waitFor('diagnostics for v10', () => client.published.some((p) => p.uri === uri && p.version === 10));
    const shorter = 'const x = 1;\n';
    versions.record(uri, 4, shorter);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: shorter }] });
    await new Promise((r) => setTimeout(r, 800));
    await answers();
    for (const p of client.published.filter((q) => q.uri === uri)) assert.deepEqual(versions.outside(p), []);
  });

  it('clamps incremental edits whose ranges are out of bounds, and publishes positions inside the result', async () => {
    const uri = pathToFileURL(`${dir}/ranges.ts`).href;
    let doc = TextDocument.create(uri, 'typescript', 1, THROTTLED);
    versions.record(uri, 1, THROTTLED);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: THROTTLED } });
    const edits = [
      { range: { start: { line: 1000, character: 0 }, end: { line: 1002, character: 5 } }, text: '\nconst late = 1;' },
      { range: { start: { line: 2, character: 500 }, end: { line: 1, character: 0 } }, text: 'x' },
      { range: { start: { line: -1, character: -4 }, end: { line: 0, character: 3 } }, text: '' },
      { range: { start: { line: 0, character: 0 }, end: { line: 9999, character: 9999 } }, text: 'app.get("/fhir/r4/Patient", rateLimit({ max: 1 }));' },
    ];
    let version = 1;
    for (const e of edits) {
      version++;
      doc = TextDocument.update(doc, [e], version);
      versions.record(uri, version, doc.getText());
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [e] });
    }
    await client.waitFor(`diagnostics for v${version}`, () => client.published.some((p) => p.uri === uri && p.version === version));
    for (const p of client.published.filter((q) => q.uri === uri)) assert.deepEqual(versions.outside(p), []);
    await answers();
  });

  it('analyses (or declines) a 5 MB document and still answers', async () => {
    const uri = pathToFileURL(`${dir}/huge.ts`).href;
    const text = THROTTLED + `const table = [${Array.from({ length: 200_000 }, (_, i) => `'/fhir/r4/Patient/${i}'`).join(', ')}];\n`;
    assert.ok(text.length > 5 * 1024 * 1024);
    versions.record(uri, 1, text);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    await client.waitFor('diagnostics for the 5 MB document', () => client.published.some((p) => p.uri === uri && p.version === 1), 60_000);
    for (const p of client.published.filter((q) => q.uri === uri)) assert.deepEqual(versions.outside(p), []);
    await answers();
  });

  it('publishes diagnostics for the final version only after 200 rapid edits', async () => {
    const uri = pathToFileURL(`${dir}/burst.ts`).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: THROTTLED } });
    await client.waitFor('diagnostics for v1', () => client.published.some((p) => p.uri === uri && p.version === 1));
    const before = client.published.length;
    let text = THROTTLED;
    for (let v = 2; v <= 201; v++) {
      text = `${THROTTLED}// edit ${v}\n`.repeat(1 + (v % 3));
      versions.record(uri, v, text);
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    }
    await client.waitFor('diagnostics for v201', () => client.published.some((p) => p.uri === uri && p.version === 201), 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const burst = client.published.slice(before).filter((p) => p.uri === uri);
    assert.deepEqual([...new Set(burst.map((p) => p.version))], [201], 'only the last version is published');
    for (const p of burst) assert.deepEqual(versions.outside(p), []);
  });

  it('answers code actions on stale and out-of-bounds ranges', async () => {
    const uri = pathToFileURL(`${dir}/stale.ts`).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: THROTTLED } });
    await client.waitFor('diagnostics for v1', () => client.published.some((p) => p.uri === uri && p.version === 1));
    const old = client.published.filter((p) => p.uri === uri && p.version === 1).at(-1)!.diagnostics;
    assert.ok(old.length > 0, 'the document has a finding to act on');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'const x = 1;\n' }] });
    const ask = (range: Diagnostic['range'], diagnostics: Diagnostic[]) => client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
    const actions = await ask(old[0].range, old);
    assert.ok(Array.isArray(actions) || actions === null);
    const far = { start: { line: 5000, character: 0 }, end: { line: 5001, character: 99 } };
    const beyond = await ask(far, [{ ...old[0], range: far }]);
    assert.ok(Array.isArray(beyond) || beyond === null);
    const never = pathToFileURL(`${dir}/not-open.ts`).href;
    await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: never }, range: far, context: { diagnostics: [] } }).catch(() => undefined);
    await answers();
  });

  it('never published a position outside the document it analysed', () => {
    const bad = client.published.flatMap((p) => versions.outside(p));
    assert.deepEqual(bad, []);
  });

  it('shuts down and exits cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    assert.equal(await client.connection.sendRequest('shutdown'), null);
    await client.connection.sendNotification('exit');
    assert.equal(await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]), 0);
  });
});
