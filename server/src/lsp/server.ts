/**
 * The EHI Lint language server: wires the protocol to the linter. It runs inside VS Code (Node IPC,
 * started by the extension) and in any editor as `ehi-lint lsp --stdio`. It reads the files it is
 * given and the files of the workspace; it sends nothing anywhere but to its client, and runs
 * nothing from the workspace.
 */
import * as fs from 'fs';
import { pathToFileURL } from 'url';
import {
  CodeActionKind,
  CompletionItem,
  CompletionItemKind,
  CreateFile,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  InsertTextFormat,
  MarkupKind,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPOSITORY_URL, ruleDocsUrl, TOOL_NAME, TOOL_VERSION } from '../core/meta';
import { LineIndex } from '../core/text';
import { codeActions, ClientSupport, isRuleId } from './code-actions';
import { completionsAt } from './completion';
import { REGISTER_HEADER } from './fixes/register-entry';
import { hoverAt } from './hover';
import { ClientFeatures, Linter } from './linter';
import { Commands, ListExceptionsRequest } from '../protocol/index';

/** The rules' documentation, for the show-documentation command without a rule. */
const RULE_DOCS_INDEX = `${REPOSITORY_URL}#rules`;

/** File types the core reads, for file watching. */
const WATCHED = '**/*.{ts,mts,cts,tsx,js,jsx,mjs,cjs,java,cs,py,json,jsonc,yaml,yml,xml,properties}';

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // Standard output is the protocol channel under --stdio: nothing else may write to it.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  process.on('uncaughtException', (err) => connection.console.error(`${TOOL_NAME}: unexpected error (the server keeps running): ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`${TOOL_NAME}: unexpected error (the server keeps running): ${String(reason)}`));

  const documents = new TextDocuments(TextDocument);
  let linter: Linter | undefined;
  let support: ClientSupport = { snippets: false, documentChanges: false, createFiles: false };
  let dynamicConfiguration = false;
  let dynamicWatchers = false;
  let showDocument = false;
  let workspaceFolderEvents = false;

  /** Runs a handler; a failure is logged and answered with `fallback`, never thrown at the client. */
  const safely = async <T>(what: string, fallback: T, run: () => Promise<T> | T): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      connection.console.error(`${TOOL_NAME}: ${what} failed: ${(err as Error).stack ?? err}`);
      return fallback;
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    const features: ClientFeatures = {
      configuration: caps.workspace?.configuration === true,
      progress: caps.window?.workDoneProgress === true,
      relatedInformation: caps.textDocument?.publishDiagnostics?.relatedInformation === true,
    };
    support = {
      snippets: caps.workspace?.workspaceEdit?.snippetEditSupport === true,
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      createFiles: caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    };
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    showDocument = caps.window?.showDocument?.support === true;
    workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
    linter = new Linter(connection, documents, features, params.initializationOptions);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    linter.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ';', ' '] },
        executeCommandProvider: { commands: Object.values(Commands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: TOOL_NAME, version: TOOL_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'ehiLint' });
    if (dynamicWatchers) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] });
    if (workspaceFolderEvents) connection.workspace.onDidChangeWorkspaceFolders(() => {
      void safely('workspace folders', undefined, async () => {
        const current = (await connection.workspace.getWorkspaceFolders()) ?? [];
        linter!.setFolders(current);
        linter!.settingsChanged();
      });
    });
    if (await safely('reading settings', false, () => linter!.scanOnStartup())) void safely('workspace scan', undefined, () => linter!.scanWorkspace());
  });

  documents.onDidChangeContent((e) => linter?.changed(e.document));
  documents.onDidClose((e) => linter?.closed(e.document));
  connection.onDidChangeConfiguration((params) => linter?.settingsChanged(params.settings ?? undefined));
  connection.onDidChangeWatchedFiles((params) => void safely('file changes', undefined, () => linter?.filesChanged(params.changes)));

  connection.onCodeAction((params) =>
    safely('code actions', [], async () => {
      const state = await linter?.current(params.textDocument.uri);
      if (!state || !linter) return [];
      return codeActions({ ...state, register: linter.registerFor(state) }, params.context.diagnostics, support);
    }),
  );

  connection.onHover((params) =>
    safely('hover', null, async () => {
      const state = await linter?.current(params.textDocument.uri);
      if (!state) return null;
      const hover = hoverAt(state.detail, state.lines, state.lines.offsetAt(params.position));
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
    }),
  );

  connection.onCompletion((params) =>
    safely('completion', null, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !linter) return null;
      const state = linter.lastAnalysis(doc.uri);
      const lines = state?.version === doc.version ? state.lines : new LineIndex(doc.getText());
      const accepted = (line: number) => [...new Set((state?.detail.result.findings ?? []).filter((f) => f.range.start.line === line).flatMap((f) => f.exceptions))];
      const entries = completionsAt(lines, params.position, new Date(), accepted);
      if (!entries) return null;
      return entries.map(
        (e): CompletionItem => ({
          label: e.label,
          kind: e.kind === 'exception' ? CompletionItemKind.EnumMember : e.kind === 'field' ? CompletionItemKind.Field : CompletionItemKind.Value,
          detail: e.detail,
          documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
          sortText: e.sortText,
          insertTextFormat: InsertTextFormat.PlainText,
          textEdit: TextEdit.replace({ start: { line: params.position.line, character: e.replaceFrom }, end: params.position }, e.insertText),
        }),
      );
    }),
  );

  connection.onExecuteCommand((params) =>
    safely(`command ${params.command}`, null, async () => {
      if (!linter) return null;
      switch (params.command) {
        case Commands.scanWorkspace:
          return linter.scanWorkspace();
        case Commands.showRuleDocumentation: {
          // Never asks the user (window/showMessageRequest): a client that does not answer it would
          // wait for ever. Without a rule id, the documentation's index; the URL is the result either way.
          const ruleId = params.arguments?.[0];
          const url = isRuleId(ruleId) ? ruleDocsUrl(ruleId) : RULE_DOCS_INDEX;
          if (showDocument) void connection.window.showDocument({ uri: url, external: true }).catch(() => undefined);
          else void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${isRuleId(ruleId) ? ruleId : 'EHI Lint rules'}: ${url}` });
          return url;
        }
        case Commands.openExceptionRegister: {
          const registerPath = await linter.registerPathForFolder(typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined);
          const uri = pathToFileURL(registerPath).href;
          if (!fs.existsSync(registerPath)) {
            const applied = await connection.workspace.applyEdit({
              label: 'Create the exception register',
              edit: { documentChanges: [CreateFile.create(uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, REGISTER_HEADER)])] },
            });
            if (!applied.applied) return null;
          }
          if (showDocument) await connection.window.showDocument({ uri, takeFocus: true });
          return uri;
        }
      }
      return null;
    }),
  );

  connection.onRequest(ListExceptionsRequest, () => safely('listing exceptions', [], () => linter?.listExceptions() ?? []));

  connection.onShutdown(() => undefined);
  documents.listen(connection);
  connection.listen();
}
