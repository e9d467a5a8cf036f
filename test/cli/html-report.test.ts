/**
 * The HTML compliance report, opened in headless Chromium: one self-contained file (nothing is
 * fetched), every section present with the right rows, the chart of findings by rule drawn, links
 * to the lines. A screenshot lands in test/.tmp/ for a person to look at.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { REPO, runCli, tempDir } from '../helpers/cli';
import { writeSampleProject } from '../helpers/sample-project';

describe('HTML compliance report in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;
  let html: string;

  before(async () => {
    dir = tempDir('html');
    writeSampleProject(dir);
    const result = runCli(['-f', 'html', '-o', 'reports/compliance.html'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    html = fs.readFileSync(path.join(dir, 'reports/compliance.html'), 'utf8');
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  it('is self-contained: no scripts, no external resources, a policy that forbids fetching', () => {
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  });

  it('renders every section, the chart of findings by rule and links to lines, fetching nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const url = pathToFileURL(path.join(dir, 'reports/compliance.html')).href;
    await page.goto(url);

    assert.deepEqual(requests, [url], 'only the report itself is loaded');
    assert.deepEqual(problems, []);
    assert.equal(await page.title(), 'EHI Lint compliance report');

    const headings = await page.$$eval('section h2', (hs) => hs.map((h) => (h.textContent ?? '').trim()));
    assert.deepEqual(headings, [
      'Summary',
      'Findings by rule',
      'Findings by severity',
      'Open findings (7)',
      'Documented exceptions (4)',
      'Due for review in the next 30 days (2)',
      'Files not fully analysed (2)',
    ]);
    for (const id of ['summary', 'by-rule', 'by-severity', 'findings', 'exceptions', 'expiring', 'unanalysed']) {
      assert.ok(await page.isVisible(`section#${id}`), `section #${id} is visible`);
    }

    // The chart: bars per rule and kind, with the counts of the table.
    const bars = await page.$$eval('svg#chart-by-rule rect.bar', (rects) =>
      rects.map((r) => ({ rule: r.getAttribute('data-rule'), kind: r.getAttribute('class'), count: Number(r.getAttribute('data-count')), width: r.getBoundingClientRect().width })),
    );
    assert.deepEqual(
      bars.map((b) => `${b.rule} ${b.kind} ${b.count}`),
      ['fax-only-manner bar warning 1', 'fax-only-manner bar documented 1', 'unjustified-throttle bar warning 3', 'unjustified-throttle bar documented 2', 'exception-expired bar warning 1', 'exception-expiring bar info 2'],
    );
    assert.ok(bars.every((b) => b.width > 10), 'bars are drawn');
    const widest = bars.find((b) => b.rule === 'unjustified-throttle' && b.count === 3)!;
    const narrow = bars.find((b) => b.rule === 'fax-only-manner' && b.kind?.includes('warning'))!;
    assert.ok(Math.abs(widest.width / narrow.width - 3) < 0.1, 'bar length is proportional to the count');

    const findingLinks = await page.$$eval('#findings tbody tr td:first-child a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(findingLinks.sort(), ['../ehi-exceptions.yaml#L9', '../src/broken.ts#L5', '../src/release_of_information.py#L3', '../src/routes.ts#L18', '../src/routes.ts#L41', '../src/routes.ts#L42', '../src/routes.ts#L8']);
    const rows = async (id: string) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    const exceptions = await rows('exceptions');
    assert.deepEqual(exceptions.map((r) => [r[1], r[4], r[6]]), [
      ['unjustified-throttle', 'security-office', 'expired'],
      ['unjustified-throttle', 'fhir-platform-team', 'valid'],
      ['fax-only-manner', 'him-department', 'valid'],
      ['unjustified-throttle', 'security-office', 'valid'],
    ]);
    const expiring = await rows('expiring');
    assert.deepEqual(expiring.slice(0, 2).map((r) => [r[4], r[7]]), [['fhir-platform-team', '12'], ['him-department', '25']]);
    const unanalysed = await rows('unanalysed');
    assert.deepEqual(unanalysed.map((r) => r[0]), ['assets/export.json', 'src/broken.ts', 'src/broken.ts']);
    const cards = await page.$$eval('.card .n', (ns) => ns.map((n) => n.textContent));
    assert.deepEqual(cards.slice(0, 5), ['7', '3', '2', '1', '2']);

    const shot = path.join(REPO, 'test', '.tmp', 'compliance-report.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok(fs.statSync(shot).size > 20_000, 'a screenshot with content');
    await page.close();
  });

  it('an empty scan renders too, saying there is nothing to show', async () => {
    const empty = tempDir('html-empty');
    fs.writeFileSync(path.join(empty, 'a.ts'), 'export const a = 1;\n');
    const result = runCli(['-f', 'html', '-o', 'r.html'], { cwd: empty });
    assert.equal(result.status, 0, result.stderr);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(empty, 'r.html')).href);
    assert.equal(await page.textContent('#findings .empty'), 'No open findings.');
    assert.equal(await page.textContent('#unanalysed .empty'), 'Every file was analysed.');
    assert.equal(await page.$$eval('svg#chart-by-rule rect.bar', (r) => r.length), 0);
    await page.close();
  });
});
