/**
 * Renders the evidence pack of the sample repository in headless Chromium and saves the screenshots
 * shown in the README: docs/screenshots/evidence-index.png (the front page) and
 * docs/screenshots/evidence-exceptions.png (the first records of exceptions.html).
 * Run: `npx tsc -p . && node out/scripts/evidence-screenshot.js`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { launchChromium } from '../test/helpers/browser';
import { REPO, runCli } from '../test/helpers/cli';
import { writeSampleRepository } from '../test/helpers/sample-project';

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-lint-evidence-screenshot-'));
  try {
    writeSampleRepository(dir);
    const result = runCli(['evidence', '-o', 'evidence'], { cwd: dir, env: { SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000)) } });
    if (result.status !== 0) throw new Error(result.stderr);
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const target = (name: string): string => path.join(REPO, 'docs', 'screenshots', name);
    fs.mkdirSync(path.dirname(target('x')), { recursive: true });
    await page.goto(pathToFileURL(path.join(dir, 'evidence', 'index.html')).href);
    await page.screenshot({ path: target('evidence-index.png'), fullPage: true });
    await page.goto(pathToFileURL(path.join(dir, 'evidence', 'exceptions.html')).href);
    const second = await page.locator('article#record-2').boundingBox();
    await page.screenshot({ path: target('evidence-exceptions.png'), fullPage: true, clip: { x: 0, y: 0, width: 1200, height: Math.ceil((second?.y ?? 0) + (second?.height ?? 1600) + 16) } });
    await browser.close();
    console.log('wrote docs/screenshots/evidence-index.png and docs/screenshots/evidence-exceptions.png');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
