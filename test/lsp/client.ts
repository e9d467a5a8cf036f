/**
 * A test client for the language server: starts the real server as a child process and speaks
 * JSON-RPC to it over stdio, as an editor would. It answers the server's requests (settings,
 * progress, edits to apply, documents to show) and records what the server sends.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  CodeAction,
  CompletionItem,
  CompletionList,
  createProtocolConnection,
  Diagnostic,
  Hover,
  ProtocolConnection,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_MAIN = path.join(ROOT, 'out', 'server', 'src', 'lsp', 'main.js');

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'], snippetEditSupport: true },
  },
  window: { workDoneProgress: true, showDocument: { support: true } },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
  },
};

/** Capabilities of a plain editor: no snippets, no document changes, no settings requests. */
export const PLAIN_CAPABILITIES: ClientCapabilities = {
  textDocument: { publishDiagnostics: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
};

export interface StartOptions {
  command?: string[];
  workspace?: string;
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics notification, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: unknown[] = [];
  /** Tokens of the progress the server asked to create. */
  readonly progressTokens: (string | number)[] = [];
  readonly shownDocuments: string[] = [];
  readonly messages: string[] = [];
  readonly logs: string[] = [];
  readonly documents = new Map<string, TextDocument>();
  settings: Record<string, unknown>;
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  private stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const command = options.command ?? [process.execPath, SERVER_MAIN, '--stdio'];
    const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.workspace ?? ROOT });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    child.stderr!.on('data', (d: Buffer) => (client.stderr += d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
      client.published.push(p);
      client.wake();
    });
    connection.onNotification('$/progress', (p: unknown) => {
      client.progress.push(p);
      client.wake();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => void client.logs.push(p.message));
    connection.onNotification('window/showMessage', (p: { message: string }) => void client.messages.push(p.message));
    connection.onNotification('ehiLint/exceptionsChanged', () => undefined);
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => client.settings));
    connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      client.progressTokens.push(p.token);
      client.wake();
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      client.messages.push(p.message);
      return null;
    });
    connection.onRequest('window/showDocument', (p: { uri: string }) => {
      client.shownDocuments.push(p.uri);
      return { success: true };
    });
    connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      client.applyToDisk(p.edit);
      return { applied: true };
    });
    connection.listen();
    const workspace = options.workspace;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspace ? pathToFileURL(workspace).href : null,
      workspaceFolders: workspace ? [{ uri: pathToFileURL(workspace).href, name: path.basename(workspace) }] : null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** Resolves when `check` holds (checked on every notification); fails after `ms`. */
  waitFor(what: string, check: () => boolean, ms = 20_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}; log: ${this.logs.slice(-5).join(' | ')}`)), ms);
      this.waiters.push({ check, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  open(file: string, text = fs.readFileSync(file, 'utf8'), languageId = languageOf(file)): string {
    const uri = pathToFileURL(file).href;
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text, sent as one incremental change. */
  change(uri: string, text: string): number {
    const doc = this.documents.get(uri)!;
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    const version = doc.version + 1;
    this.documents.set(uri, TextDocument.update(doc, [{ range, text }], version));
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  /** The diagnostics published for a document's current version. */
  async diagnosticsFor(uri: string): Promise<Diagnostic[]> {
    const version = this.documents.get(uri)?.version;
    await this.waitFor(`diagnostics for ${uri} v${version}`, () => {
      const p = this.diagnostics.get(uri);
      return p !== undefined && (version === undefined || p.version === version);
    });
    return this.diagnostics.get(uri)!.diagnostics;
  }

  codeActions(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }) as Promise<CodeAction[]>;
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;
  }

  async completion(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = (await this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[] | CompletionList | null;
    return result === null ? [] : Array.isArray(result) ? result : result.items;
  }

  executeCommand(command: string, args: unknown[] = []): Promise<unknown> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  /** Applies an edit as an editor would (snippets with their defaults), to open documents; sends the change. Returns the uris changed. */
  applyEdit(edit: WorkspaceEdit): string[] {
    const changed: string[] = [];
    const apply = (uri: string, edits: (TextEdit | { range: TextEdit['range']; snippet: { value: string } })[]): void => {
      const doc = this.documents.get(uri);
      if (!doc) throw new Error(`edit to a document that is not open: ${uri}`);
      const plain = edits.map((e) => ('snippet' in e ? { range: e.range, newText: expandSnippet(e.snippet.value) } : e));
      this.change(uri, TextDocument.applyEdits(doc, plain));
      changed.push(uri);
    };
    for (const change of edit.documentChanges ?? []) {
      if (TextDocumentEdit.is(change)) apply(change.textDocument.uri, change.edits as TextEdit[]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
    return changed;
  }

  /** Applies an edit to files on disk (creating them), as an editor does for files that are not open. */
  applyToDisk(edit: WorkspaceEdit): void {
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change && change.kind === 'create') {
        const file = fileURLToPath(change.uri);
        if (!fs.existsSync(file)) fs.writeFileSync(file, '');
      } else if (TextDocumentEdit.is(change)) {
        const file = fileURLToPath(change.textDocument.uri);
        const doc = TextDocument.create(change.textDocument.uri, 'yaml', 0, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
        fs.writeFileSync(file, TextDocument.applyEdits(doc, (change.edits as (TextEdit | { range: TextEdit['range']; snippet: { value: string } })[]).map((e) => ('snippet' in e ? { range: e.range, newText: expandSnippet(e.snippet.value) } : e))));
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const file = fileURLToPath(uri);
      const doc = TextDocument.create(uri, 'yaml', 0, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
      fs.writeFileSync(file, TextDocument.applyEdits(doc, edits));
    }
  }

  get serverStderr(): string {
    return this.stderr;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 2000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** A snippet as an editor inserts it when the user accepts every default: placeholders keep their default, a choice its first value. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|\}/g, (_, first: string) => first)
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, value: string) => value)
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}|,])/g, '$1');
}

export function languageOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  const map: Record<string, string> = {
    '.ts': 'typescript',
    '.tsx': 'typescriptreact',
    '.js': 'javascript',
    '.java': 'java',
    '.cs': 'csharp',
    '.py': 'python',
    '.json': 'json',
    '.yaml': 'yaml',
    '.yml': 'yaml',
    '.xml': 'xml',
    '.properties': 'properties',
  };
  return map[ext] ?? 'plaintext';
}
