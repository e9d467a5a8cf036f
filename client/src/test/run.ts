/**
 * Runs the in-editor suite in a real VS Code downloaded by @vscode/test-electron, with the
 * extension under development and a fixture workspace. Where the VS Code download server cannot be
 * reached, this fails at the download step.
 */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..', '..');
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [path.join(root, 'client', 'testFixture'), '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (err) {
    console.error(`in-editor tests did not run: ${(err as Error).message}`);
    process.exit(1);
  }
}

void main();
