/**
 * The evidence pack's pages in headless Chromium: `index.html` and `exceptions.html` load with
 * nothing fetched and no errors, show every section, the index links to each record and to every
 * file of the pack, and each record shows its facts, conditions, audit trace and history.
 * Screenshots land in test/.tmp/ for a person to look at.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { REPO, runCli, tempDir } from '../helpers/cli';
import { writeSampleRepository } from '../helpers/sample-project';

describe('Evidence pack pages in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let folder: string;

  before(async () => {
    const dir = tempDir('evidence-browser');
    writeSampleRepository(dir);
    const result = runCli(['evidence', '-o', 'evidence'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    folder = path.join(dir, 'evidence');
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  /** Opens a page of the pack, recording every request and every console problem. */
  async function open(file: string): Promise<{ page: Page; url: string; requests: string[]; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const url = pathToFileURL(path.join(folder, file)).href;
    await page.goto(url);
    return { page, url, requests, problems };
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    const target = path.join(REPO, 'test', '.tmp', name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await page.screenshot({ path: target, fullPage: true });
  }

  it('index.html: every section, links to each file of the pack and each record, nothing fetched', async () => {
    const { page, url, requests, problems } = await open('index.html');
    assert.deepEqual(requests, [url], 'only the page itself is loaded');
    assert.deepEqual(problems, []);
    assert.equal(await page.title(), 'EHI Lint evidence pack');
    const headings = await page.$$eval('section h2', (hs) => hs.map((h) => (h.textContent ?? '').trim()));
    assert.deepEqual(headings, ['What was checked', 'Files in this pack', 'Open findings by practice', 'Open findings by rule', 'Documented exceptions (4)', 'Files not fully analysed (2)']);
    for (const id of ['source', 'files', 'by-practice', 'by-rule', 'exceptions', 'coverage']) assert.ok(await page.isVisible(`section#${id}`), `section #${id} is visible`);

    // Every link to a file of the pack points at a file that exists.
    const links = (await page.$$eval('section#files a', (as) => as.map((a) => a.getAttribute('href') ?? ''))).map((href) => new URL(href, url).href);
    assert.deepEqual(links.map((l) => path.basename(new URL(l).pathname)), ['exceptions.html', 'exceptions.json', 'findings.sarif', 'coverage.json']);
    for (const link of links) assert.ok(fs.existsSync(new URL(link)), `${link} exists`);

    const practice = await page.$$eval('section#by-practice tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    const records = practice.find((r) => r[0].startsWith('Exception records'));
    assert.ok(records && records[1].includes('exception-expired') && records[1].includes('exception-unused'), 'the exception rules are one practice');
    const throttle = practice.find((r) => r[1] === 'unjustified-throttle')!;
    assert.deepEqual([throttle[2], throttle[6]], ['3', '2'], 'open and documented throttle findings');

    // A record's link opens exceptions.html at that record.
    const first = page.locator('section#exceptions tbody tr a').first();
    const text = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/exceptions\.html#record-1$/);
    assert.ok(await page.isVisible('article#record-1'));
    assert.equal((await page.textContent('article#record-1 h3 code'))?.trim(), text.trim());
    await page.goBack();
    await screenshot(page, 'evidence-index.png');
  });

  it('exceptions.html: each record with its facts, conditions, audit trace and history', async () => {
    const { page, url, requests, problems } = await open('exceptions.html');
    assert.deepEqual(requests, [url]);
    assert.deepEqual(problems, []);
    assert.equal(await page.title(), 'EHI Lint evidence pack: documented exceptions');
    assert.equal(await page.locator('article.record').count(), 4);
    const statuses = await page.$$eval('article.record h3 .badge', (bs) => bs.map((b) => (b.textContent ?? '').trim()));
    assert.deepEqual([...statuses].sort(), ['expired', 'valid', 'valid', 'valid']);

    const maintenance = page.locator('article.record', { hasText: 'Health IT Performance (45 CFR 171.205)' });
    const facts = await maintenance.locator('dl.facts').first().evaluate((dl) => {
      const out: Record<string, string> = {};
      const terms = [...dl.querySelectorAll('dt')];
      for (const dt of terms) out[(dt.textContent ?? '').trim()] = (dt.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return out;
    });
    assert.equal(facts['Owner'], 'fhir-platform-team');
    assert.equal(facts['CFR section'], '45 CFR 171.205');
    assert.match(facts['Written'], /^src\/routes\.ts:12 \(comment\)/);
    assert.match(facts['Review by'], /due-soon in 12 days/);
    const written = await maintenance.locator('dl.facts dd a').filter({ hasText: 'src/routes.ts:12' }).getAttribute('href');
    assert.match(written ?? '', /^https:\/\/github\.com\/acme\/ehr-integrations\/blob\/[0-9a-f]{40}\/src\/routes\.ts#L12-L18$/);

    const conditions = await maintenance.locator('table').first().evaluate((t) =>
      [...t.querySelectorAll('tbody tr')].map((r) => {
        const cells = [...r.querySelectorAll('td')];
        return `${cells[0].querySelector('code')?.textContent} ${cells[3].querySelector('.badge')?.textContent}`;
      }),
    );
    assert.ok(conditions.includes('kind met') && conditions.includes('agreement met') && conditions.includes('owner met') && !conditions.some((c) => c.startsWith('approved-by')), conditions.join(', '));
    assert.match(await maintenance.innerText(), /recorded\s+Each restricted path calls the audit log\./);
    assert.match(await maintenance.innerText(), /auditLog\.record at src\/routes\.ts:11/);
    assert.match(await maintenance.innerText(), /Added\s+2026-01-05T10:00:00Z/);

    const expired = page.locator('article.record', { hasText: 'review-by' }).filter({ has: page.locator('h3 .badge.expired') });
    assert.match((await expired.textContent()) ?? '', /Why it documents nothing/);
    assert.match(await expired.innerText(), /documents-nothing/);

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const badgeColour = await page.$eval('article.record h3 .badge.valid', (b) => (globalThis as any).getComputedStyle(b).backgroundColor as string);
    assert.equal(badgeColour, 'rgb(26, 127, 55)', 'styles apply (inline CSS)');
    await screenshot(page, 'evidence-exceptions.png');
  });
});
