/** Entry point VS Code calls in the extension host: runs the suite's mocha tests. */
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true });
  for (const file of fs.readdirSync(__dirname)) if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} in-editor tests failed`)) : resolve())));
}
