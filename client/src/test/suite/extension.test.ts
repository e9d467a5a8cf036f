/**
 * In-editor tests (VS Code via @vscode/test-electron): the extension activates, its diagnostics
 * appear for a fixture, and a quick-fix applied through `vscode.commands` documents the finding.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..', '..', 'client', 'testFixture');

async function diagnosticsOf(uri: vscode.Uri, check: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  for (let i = 0; i < 200; i++) {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ehi-lint');
    if (check(diagnostics)) return diagnostics;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`diagnostics of ${uri.fsPath} never matched`);
}

describe('EHI Lint in VS Code', () => {
  const routes = vscode.Uri.file(path.join(WORKSPACE, 'src', 'routes.ts'));

  it('activates on a TypeScript file, and declares that it runs in untrusted workspaces', async () => {
    const extension = vscode.extensions.getExtension('ehi-lint.ehi-lint');
    assert.ok(extension, 'the extension is installed');
    await vscode.window.showTextDocument(routes);
    await extension.activate();
    assert.ok(extension.isActive);
    assert.deepEqual(extension.packageJSON.capabilities.untrustedWorkspaces, { supported: true });
  });

  it('shows a diagnostic with the rule id and a link to its documentation', async () => {
    const [diagnostic] = await diagnosticsOf(routes, (d) => d.length === 1);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'unjustified-throttle');
    assert.equal(code.target.toString(), 'https://github.com/ehi-lint/ehi-lint/blob/main/docs/rules/unjustified-throttle.md');
  });

  it('applies "Document as Security exception" through vscode.commands', async () => {
    const editor = await vscode.window.showTextDocument(routes);
    const [diagnostic] = await diagnosticsOf(routes, (d) => d.length === 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', routes, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const security = actions.find((a) => a.title.startsWith('Document as Security exception'));
    assert.ok(security?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(security.edit));
    assert.match(editor.document.getText(), /\/\/ ehi-exception: security\n/);
    const filled = editor.document
      .getText()
      .replace(/reason:.*$/m, 'reason: Scripted scraping of patient panels')
      .replace(/risk:.*$/m, 'risk: Automated scraping')
      .replace(/basis:.*$/m, 'basis: policy')
      .replace(/owner:.*$/m, 'owner: security-office');
    const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    await editor.edit((b) => b.replace(whole, filled));
    await diagnosticsOf(routes, (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['ehi-lint.scanWorkspace', 'ehi-lint.showRuleDocumentation', 'ehi-lint.openExceptionRegister', 'ehi-lint.refreshExceptions']) assert.ok(commands.includes(id), id);
  });
});
