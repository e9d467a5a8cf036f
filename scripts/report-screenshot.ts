/**
 * Renders the HTML compliance report of the sample project in headless Chromium and saves the
 * screenshot shown in the README: docs/screenshots/compliance-report.png.
 * Run: `npx tsc -p . && node out/scripts/report-screenshot.js`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { launchChromium } from '../test/helpers/browser';
import { REPO, runCli } from '../test/helpers/cli';
import { writeSampleProject } from '../test/helpers/sample-project';

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-lint-screenshot-'));
  try {
    writeSampleProject(dir);
    const result = runCli(['-f', 'html', '-o', 'compliance.html', '--link-base', 'https://github.com/acme/ehr-integrations/blob/main'], { cwd: dir });
    if (result.status !== 0 && result.status !== 1) throw new Error(result.stderr);
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(path.join(dir, 'compliance.html')).href);
    const target = path.join(REPO, 'docs', 'screenshots', 'compliance-report.png');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await page.screenshot({ path: target, fullPage: true });
    await browser.close();
    console.log(`wrote ${path.relative(REPO, target)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
