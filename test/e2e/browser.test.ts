/**
 * The extension in a real VS Code: code-server (VS Code's workbench and extension host, installed
 * from the npm registry on first use) driven by headless Chromium through its UI, as a user would.
 * The extension is packaged as a .vsix and installed into an isolated extensions folder; the fixture
 * workspace (test/e2e/workspace) is copied to a temporary folder so edits never touch the repository.
 *
 * Each step saves a screenshot under docs/screenshots/ (the README shows them); on a failure, a
 * screenshot of the moment and the folder with code-server's logs are named in the error output.
 *
 * Prerequisites are listed in the README. When one is missing the suite says which and is skipped,
 * except in CI (CI=true), where that is a failure.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, CodeServer, copyWorkspace, Install, installer, installExtension, log, makeTempDir, missingPrerequisites, packageExtension, reviewByDate, ROOT } from './code-server';
import { Problem, UI_TIMEOUT, waitUntil, Workbench } from './workbench';

const SCREENSHOTS = process.env.EHI_LINT_SCREENSHOTS ? path.resolve(process.env.EHI_LINT_SCREENSHOTS) : path.join(ROOT, 'docs', 'screenshots');
const IN_CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());
const STATUS_ITEM = 'ehi-lint.ehi-lint.ehiLint.findings';
const VIEWPORT = { width: 1440, height: 900 };

/** User settings of every run: a quiet workbench. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  // The fixture imports express, which is not installed there: TypeScript's own errors about that
  // would fill the Problems panel beside ours.
  'typescript.validate.enable': false,
};

const ours = (problems: Problem[]): Problem[] => problems.filter((p) => p.source === 'ehi-lint');
const has = (problems: Problem[], file: string, code: string): boolean => problems.some((p) => p.file === file && p.source === 'ehi-lint' && p.code === code);

describe('EHI Lint in a real VS Code (code-server in headless Chromium)', function () {
  this.timeout(180_000);

  let install: Install;
  let runDir: string;
  let vsix: string;
  let browser: Browser | undefined;
  let failed = false;
  const started = Date.now();

  before(async function () {
    const missing = missingPrerequisites();
    if (missing.length > 0) {
      const message = `the browser suite needs: ${missing.join('; ')}. See the README's prerequisites.`;
      if (IN_CI) throw new Error(message);
      log(`SKIPPED: ${message}`);
      this.skip();
    }
    // First use: code-server is installed from the npm registry and its native modules compiled.
    this.timeout(45 * 60_000);
    const t0 = Date.now();
    install = await installer.ensureCodeServer({ log });
    log(`code-server ${install.codeServerVersion} (Node ${install.nodeVersion}) ready in ${Math.round((Date.now() - t0) / 1000)} s: ${install.dir}`);
    runDir = makeTempDir();
    vsix = packageExtension(runDir);
    const { chromium } = await import('playwright-core');
    // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start; the browser only
    // visits the loopback code-server this suite started.
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  });

  after(async function () {
    await browser?.close().catch(() => undefined);
    if (runDir && !failed) fs.rmSync(runDir, { recursive: true, force: true });
    else if (runDir) log(`kept for inspection (code-server logs, screenshots of failures, the edited workspace): ${runDir}`);
    if (runDir) log(`browser suite: ${Math.round((Date.now() - started) / 1000)} s`);
  });

  /** A fresh code-server with its own user data, extensions and copy of the workspace. */
  async function launch(name: string, settings: Record<string, unknown>): Promise<{ server: CodeServer; page: Page; ui: Workbench; workspace: string }> {
    const dir = path.join(runDir, name);
    const dirs = { extensions: path.join(dir, 'extensions'), userData: path.join(dir, 'user-data'), home: path.join(dir, 'home') };
    for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
    installExtension(install, vsix, dirs);
    const workspace = copyWorkspace(path.join(dir, 'workspace'));
    const server = await CodeServer.start(install, { ...dirs, workspace, settings: { ...BASE_SETTINGS, ...settings }, logFile: path.join(dir, 'code-server.log') });
    try {
      const page = await browser!.newPage({ viewport: VIEWPORT });
      await page.goto(server.url);
      const ui = new Workbench(page, SCREENSHOTS);
      await ui.ready();
      return { server, page, ui, workspace };
    } catch (err) {
      await server.stop();
      throw err;
    }
  }

  /** On a failure: a screenshot of the moment and the end of code-server's log. */
  async function recordFailure(test: Mocha.Runnable | undefined, page: Page | undefined, server: CodeServer | undefined): Promise<void> {
    if (!test || test.state !== 'failed') return;
    failed = true;
    const file = path.join(runDir, 'failures', `${test.title.replace(/[^\w.-]+/g, '-').slice(0, 80)}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page?.screenshot({ path: file }).catch(() => undefined);
    log(`failure screenshot: ${file}`);
    if (server) log(`code-server log (${server.launch.logFile}), last lines:\n${server.logTail(20)}`);
  }

  describe('in Restricted Mode (a folder not trusted yet)', () => {
    let server: CodeServer | undefined;
    let page: Page | undefined;
    let ui: Workbench;

    before(async () => {
      ({ server, page, ui } = await launch('restricted', { 'security.workspace.trust.enabled': true }));
    });
    afterEach(async function () {
      await recordFailure(this.currentTest, page, server);
    });
    after(async () => {
      await page?.close().catch(() => undefined);
      await server?.stop();
    });

    it('runs, and reports a finding in an open TypeScript file', async () => {
      await waitUntil('the Restricted Mode indicator', async () => /Restricted Mode/.test(await ui.statusBarItem('status.workspaceTrust').getAttribute('aria-label').catch(() => '') ?? ''));
      await ui.openFile('routes.ts');
      const problems = await ui.waitForProblems('unjustified-throttle in routes.ts', (p) => has(p, 'routes.ts', 'unjustified-throttle'));
      assert.equal(ours(problems).length, 1);
      await ui.screenshot('restricted-mode.png');
    });
  });

  describe('in a trusted workspace', () => {
    let server: CodeServer | undefined;
    let page: Page | undefined;
    let ui: Workbench;
    let workspace: string;
    let findingsAtStart = 0;

    before(async () => {
      ({ server, page, ui, workspace } = await launch('trusted', { 'security.workspace.trust.enabled': false }));
    });
    let stepFailed: string | undefined;
    beforeEach(function () {
      // Each step builds on the one before: after a failure the rest would only time out.
      if (stepFailed) {
        log(`skipped: it builds on "${stepFailed}", which failed`);
        this.skip();
      }
    });
    afterEach(async function () {
      if (this.currentTest?.state === 'failed') stepFailed = this.currentTest.title;
      await recordFailure(this.currentTest, page, server);
    });
    after(async () => {
      await page?.close().catch(() => undefined);
      await server?.stop();
    });

    it('the Problems panel lists findings with their rule ids in TypeScript, Java, YAML and Mirth files', async () => {
      await ui.openFile('routes.ts');
      await ui.runCommand('EHI Lint: Scan Workspace');
      const problems = await ui.waitForProblems('findings in all four files', (p) =>
        has(p, 'routes.ts', 'unjustified-throttle') && has(p, 'kong.yaml', 'unjustified-throttle') && has(p, 'records-request-router.xml', 'fax-only-manner') && has(p, 'RecordsResource.java', 'exception-unaudited'),
      );
      // The documented exception in maintenance.ts is not a problem.
      assert.ok(!problems.some((p) => p.file === 'maintenance.ts'), 'maintenance.ts documents its exception');
      assert.equal(ours(problems).length, 4, JSON.stringify(ours(problems), null, 1));
      findingsAtStart = ours(problems).length;
      await ui.squiggle('warning').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await ui.screenshot('problems.png');
    });

    it('the status bar counts the open findings', async () => {
      const text = await waitUntil('the status-bar count', async () => {
        const t = await ui.statusBarText(STATUS_ITEM);
        return t.includes(`EHI ${findingsAtStart}`) ? t : undefined;
      });
      assert.match(text, /EHI 4/);
      const item = ui.statusBarItem(STATUS_ITEM);
      await ui.retryOnce('the status-bar tooltip', async () => {
        await page!.mouse.move(0, 0);
        await item.hover();
        await page!.locator('.monaco-hover:not(.hidden)', { hasText: 'open findings in' }).first().waitFor({ state: 'visible', timeout: 15_000 });
      });
      const box = (await item.boundingBox())!;
      await ui.screenshotAsIs('status-bar.png', { clip: { x: 0, y: VIEWPORT.height - 140, width: 640, height: 140 } });
      assert.ok(box.y > VIEWPORT.height - 40, 'the item is in the status bar');
    });

    it('hovering a squiggle explains the rule', async () => {
      await ui.openFile('routes.ts');
      const hover = await ui.hoverSquiggle('warning', 'Why it may be blocking');
      const text = await hover.innerText();
      assert.match(text, /Throttle or delay on an EHI access path/);
      assert.match(text, /unjustified-throttle/);
      assert.match(text, /Exceptions that could apply/);
      await ui.screenshotAsIs('hover.png');
      await ui.dismiss();
    });

    it('Quick Fix (Ctrl+.) offers "Document as ..." and applying it changes the file; filled in, the finding is documented', async () => {
      const file = path.join(workspace, 'src', 'routes.ts');
      const before = fs.readFileSync(file, 'utf8');
      const titles = await ui.openQuickFix('warning', 'Document as Security exception');
      assert.ok(titles.includes('Document as Health IT Performance exception (unjustified-throttle)'), titles.join(' | '));
      assert.ok(titles.includes('Document as Security exception (unjustified-throttle)'), titles.join(' | '));
      await ui.screenshotAsIs('quick-fix.png');
      await ui.chooseQuickFix('Document as Security exception');
      await waitUntil('the annotation in the editor', async () => (await ui.editorText()).includes('ehi-exception: security'));
      await ui.dismiss(); // leaves the template's snippet mode
      const template = await ui.save(file, (t) => t !== before && /ehi-exception: security[^]*review-by: \d{4}-\d{2}-\d{2}\n/.test(t));
      assert.match(template, /\/\/ ehi-exception: security\n\/\/ {3}reason:/);
      // An annotation with empty fields documents nothing yet.
      await ui.waitForProblems('exception-incomplete on the new annotation', (p) => has(p, 'routes.ts', 'exception-incomplete') && has(p, 'routes.ts', 'unjustified-throttle'));

      // Fill the placeholders as a user would: go to each empty field and type its value.
      const values: Record<string, string> = {
        reason: 'Scripted scraping of whole patient panels',
        risk: 'Automated scraping of patient records',
        basis: 'policy',
        alternatives: 'Per-client quotas did not stop it',
        owner: 'security-office',
      };
      const lines = template.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const field = /^\/\/\s+([a-z-]+):(\s*)$/.exec(lines[i]);
        if (!field) continue;
        assert.ok(values[field[1]], `a value for the field ${field[1]}`);
        await ui.typeAtEndOfLine(i + 1, `${field[2] ? '' : ' '}${values[field[1]]}`);
      }
      const filled = await ui.save(file, (t) => /owner: security-office\n/.test(t) && t.endsWith('export default app;\n'));
      assert.match(filled, /\/\/ {3}reason: Scripted scraping of whole patient panels\n/);
      await ui.waitForProblems('no finding left in routes.ts', (p) => !p.some((x) => x.file === 'routes.ts' && x.source === 'ehi-lint') && ours(p).length === findingsAtStart - 1);
      await waitUntil('the status bar to count one finding less', async () => (await ui.statusBarText(STATUS_ITEM)).includes(`EHI ${findingsAtStart - 1}`));
      await ui.screenshot('after-fix.png');
    });

    it('"Add audit logging" clears exception-unaudited', async () => {
      const file = path.join(workspace, 'src', 'main', 'java', 'org', 'example', 'fhir', 'RecordsResource.java');
      const before = fs.readFileSync(file, 'utf8');
      await ui.openFile('RecordsResource.java');
      await ui.openQuickFix('info', 'Add audit logging');
      await ui.chooseQuickFix('Add audit logging');
      await waitUntil('the audit call in the editor', async () => (await ui.editorText()).includes('auditLog.record('));
      await ui.dismiss();
      const after = await ui.save(file, (t) => t !== before && t.includes('auditLog.record(') && t.endsWith('}\n'));
      assert.match(after, /\n {8}auditLog\.record\("ehi-exception", "unjustified-throttle", "security", "Slows scripted scraping of observation lists"\);\n {8}\/\/ ehi-exception: security\n/);
      await ui.waitForProblems('exception-unaudited gone', (p) => !has(p, 'RecordsResource.java', 'exception-unaudited') && ours(p).length === findingsAtStart - 2);
    });

    it('the Exceptions view lists the documented exceptions with owner and review-by', async () => {
      await ui.collapseView('Outline');
      await ui.collapseView('Timeline');
      const pane = await ui.expandView('Exceptions');
      // Give the view room: the folder tree is not what this step looks at.
      await ui.collapseView('workspace');
      await page!.locator('.explorer-folders-view').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await ui.retryOnce('widening the side bar', () => ui.resizeSideBar(640));
      const expected = [
        ['src/routes.ts', /Security · unjustified-throttle security-office · review by \d{4}-\d{2}-\d{2}/],
        ['src/main/java/org/example/fhir/RecordsResource.java', new RegExp(`Security · unjustified-throttle security-office · review by ${reviewByDate()}`)],
        ['src/maintenance.ts', new RegExp(`Health IT Performance · unjustified-throttle fhir-platform-team · review by ${reviewByDate()}`)],
      ] as const;
      const rows = await waitUntil('the three documented exceptions in the Exceptions view', async () => {
        const r = await ui.treeRows(pane);
        return expected.every(([file, item]) => {
          const at = r.findIndex((row) => row.startsWith(`${file} `));
          return at >= 0 && item.test(r[at + 1] ?? '');
        })
          ? r
          : undefined;
      });
      assert.equal(rows.length, 6, rows.join('\n'));
      await ui.screenshot('exceptions.png');
    });

    it('turning a rule off in the settings removes its findings without a reload', async () => {
      const settings = path.join(workspace, '.vscode', 'settings.json');
      fs.mkdirSync(path.dirname(settings), { recursive: true });
      fs.writeFileSync(settings, JSON.stringify({ 'ehiLint.rules': { 'fax-only-manner': 'off' } }, null, 2) + '\n');
      const problems = await ui.waitForProblems('fax-only-manner gone', (p) => !p.some((x) => x.code === 'fax-only-manner'));
      assert.ok(has(problems, 'kong.yaml', 'unjustified-throttle'), 'other rules still report');
      await waitUntil('the status bar to follow', async () => (await ui.statusBarText(STATUS_ITEM)).includes(`EHI ${ours(problems).length}`));
    });
  });
});
