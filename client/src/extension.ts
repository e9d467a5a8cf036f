/**
 * The EHI Lint extension for VS Code: a thin client. It starts the language server (Node IPC) and
 * registers what only an editor has: a status-bar count of open findings and the Exceptions view.
 * Everything that reads code happens in the server; the server's commands (scan the workspace, show
 * a rule's documentation, open the exception register) are registered by the language client.
 * Nothing from the workspace is executed, so the extension runs in Restricted Mode too.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ExceptionsChangedNotification, ExceptionItem, ListExceptionsRequest } from '../../server/src/protocol/index';

const SOURCE = 'ehi-lint';
const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'java', 'csharp', 'python', 'json', 'jsonc', 'yaml', 'xml', 'properties'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: 'file', pattern: '**/*.properties' },
      // NGINX configuration (no built-in VS Code language): the server decides by content whether a .conf file is NGINX.
      { scheme: 'file', pattern: '**/*.{conf,nginx}' },
      { scheme: 'file', pattern: '**/*.conf.template' },
      { scheme: 'file', pattern: '**/sites-{available,enabled}/*' },
      { scheme: 'file', language: 'nginx' },
    ],
    diagnosticCollectionName: SOURCE,
  };
  client = new LanguageClient('ehiLint', 'EHI Lint', serverOptions, clientOptions);
  await client.start();

  const exceptions = new ExceptionsView(client);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('ehiLint.exceptions', exceptions),
    vscode.commands.registerCommand('ehi-lint.refreshExceptions', () => exceptions.refresh()),
    client.onNotification(ExceptionsChangedNotification, () => exceptions.refresh()),
    findingsStatus(),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** A status-bar item counting the open findings (not notices) across the workspace. */
function findingsStatus(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('ehiLint.findings', vscode.StatusBarAlignment.Left, 10);
  item.name = 'EHI Lint findings';
  item.command = 'workbench.actions.view.problems';
  const update = (): void => {
    let findings = 0;
    let files = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      const own = diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'object');
      findings += own.length;
      if (own.length > 0) files++;
    }
    item.text = `$(law) EHI ${findings}`;
    item.tooltip = findings === 0 ? 'EHI Lint: no open findings' : `EHI Lint: ${findings} open finding${findings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}. Click for the Problems panel.`;
    item.show();
  };
  update();
  const subscription = vscode.languages.onDidChangeDiagnostics(update);
  return vscode.Disposable.from(item, subscription);
}

type Node = { file: string; uri: string; items: ExceptionItem[] } | ExceptionItem;

/** Every documented exception in the workspace, by file, with its rule, owner and review-by date. */
class ExceptionsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly languageClient: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return 'items' in node ? node.items : [];
    const items = await this.languageClient.sendRequest<ExceptionItem[]>(ListExceptionsRequest);
    const byFile = new Map<string, { file: string; uri: string; items: ExceptionItem[] }>();
    for (const item of items) {
      const group = byFile.get(item.uri) ?? { file: item.path, uri: item.uri, items: [] };
      group.items.push(item);
      byFile.set(item.uri, group);
    }
    return [...byFile.values()];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('items' in node) {
      const item = new vscode.TreeItem(node.file, vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.description = `${node.items.length}`;
      return item;
    }
    const label = `${node.title ?? node.exception}${node.ruleIds.length > 0 ? ` · ${node.ruleIds.join(', ')}` : ''}`;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    const status = node.status === 'valid' ? '' : ` · ${node.status.toUpperCase()}`;
    item.description = `${node.owner ?? 'no owner'} · review by ${node.reviewBy ?? '?'}${status}`;
    item.iconPath = new vscode.ThemeIcon(node.status === 'valid' ? 'pass' : node.status === 'expired' ? 'history' : 'warning');
    item.tooltip = new vscode.MarkdownString(
      [`**${node.title ?? node.exception}** (${node.form === 'register' ? 'exception register' : 'annotation'})`, node.reason ?? '', ...node.problems.map((p) => `- ${p}`)].filter((l) => l).join('\n\n'),
    );
    item.contextValue = `ehiLint.exception.${node.status}`;
    const start = new vscode.Position(node.range.start.line, node.range.start.character);
    item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(node.uri), { selection: new vscode.Range(start, start) }] };
    return item;
  }
}
