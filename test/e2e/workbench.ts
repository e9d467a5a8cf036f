/**
 * A user's hands and eyes on the VS Code workbench that code-server serves: keyboard shortcuts, the
 * Explorer, Quick Open, the command palette, the Problems panel, hovers, the Quick Fix menu, the
 * status bar and views, read from the page as a user sees them. Waits are on UI states, never sleeps.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { log } from './code-server';

export const UI_TIMEOUT = 60_000;

/** What an element in the page shows (the tests compile without the DOM library). */
type Shown = { innerText: string };

/** Polls `probe` until it returns something other than undefined/false, or fails with `what`. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>, timeout = UI_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = undefined;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One marker row of the Problems panel, as shown. */
export interface Problem {
  file: string;
  message: string;
  source: string;
  code: string;
  line: number;
  severity: string;
}

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly screenshots: string,
  ) {}

  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await this.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }

  /** Runs a UI step; if it fails, closes what may be in the way (menus, hovers) and tries once more. */
  async retryOnce<T>(what: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (err) {
      log(`${what} failed once (${(err as Error).message.split('\n')[0]}); trying again`);
      await this.dismiss();
      return step();
    }
  }

  /** Escape twice: closes menus, hovers, suggestions and leaves snippet mode. */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  async screenshot(name: string, options: { clip?: { x: number; y: number; width: number; height: number } } = {}): Promise<string> {
    fs.mkdirSync(this.screenshots, { recursive: true });
    const file = path.join(this.screenshots, name);
    await this.page.mouse.move(0, 0, { steps: 1 }).catch(() => undefined);
    await this.page.screenshot({ path: file, ...options });
    return file;
  }

  /** A screenshot exactly as the page is now (the mouse stays where it is, e.g. over a hover). */
  async screenshotAsIs(name: string, options: { clip?: { x: number; y: number; width: number; height: number } } = {}): Promise<string> {
    fs.mkdirSync(this.screenshots, { recursive: true });
    const file = path.join(this.screenshots, name);
    await this.page.screenshot({ path: file, ...options });
    return file;
  }

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget input');
  }

  /** Quick Open (Ctrl+P): types the file name and opens the first match. */
  async openFile(name: string): Promise<void> {
    await this.retryOnce(`opening ${name}`, async () => {
      await this.page.keyboard.press('Control+p');
      await this.quickInput().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await this.quickInput().fill(name);
      await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await this.page.keyboard.press('Enter');
      await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    });
  }

  /** Runs a command from the command palette (F1) by its title. */
  async runCommand(title: string): Promise<void> {
    await this.retryOnce(`running "${title}"`, async () => {
      await this.page.keyboard.press('F1');
      await this.quickInput().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await this.quickInput().fill(`>${title}`);
      await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await this.page.keyboard.press('Enter');
      await this.quickInput().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    });
  }

  /** Shows the Problems panel (Ctrl+Shift+M). */
  async showProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (await panel.isVisible()) return;
    await this.retryOnce('showing the Problems panel', async () => {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    });
  }

  /** The marker rows of the Problems panel, each with the file of the group it is in. */
  async problems(): Promise<Problem[]> {
    const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) =>
      elements.map((e) => ({ label: e.getAttribute('aria-label') ?? '', text: (e as unknown as Shown).innerText })),
    );
    const problems: Problem[] = [];
    let file = '';
    for (const row of rows) {
      const group = /^\d+ problems? in file (.+?) of folder /.exec(row.label);
      if (group) {
        file = group[1];
        continue;
      }
      const marker = /^(Error|Warning|Info|Hint): /.exec(row.label);
      if (!marker) continue; // related information
      // The row shows: message, source, code, [Ln l, Col c] (one per line of innerText).
      const parts = row.text.split('\n').map((p: string) => p.trim()).filter((p: string) => p);
      const position = /\[Ln (\d+), Col \d+\]/.exec(row.text);
      const at = parts.findIndex((p: string) => /^\[Ln \d+, Col \d+\]$/.test(p));
      problems.push({
        file,
        message: parts[0] ?? '',
        source: at >= 2 ? parts[at - 2] : '',
        code: at >= 2 ? parts[at - 1] : '',
        line: position ? Number(position[1]) : 0,
        severity: marker[1].toLowerCase(),
      });
    }
    return problems;
  }

  /** Waits until the Problems panel shows what `check` accepts. */
  async waitForProblems(what: string, check: (problems: Problem[]) => boolean): Promise<Problem[]> {
    await this.showProblems();
    let last: Problem[] = [];
    try {
      return await waitUntil(what, async () => {
        last = await this.problems();
        return check(last) ? last : undefined;
      });
    } catch (err) {
      throw new Error(`${(err as Error).message}\nthe Problems panel shows:\n${last.map((p) => `  ${p.file}:${p.line} ${p.severity} ${p.source}(${p.code}) ${p.message.slice(0, 80)}`).join('\n') || '  (nothing)'}`);
    }
  }

  /** The text of a status-bar item, by its element id. */
  async statusBarText(id: string): Promise<string> {
    return (await this.page.locator(`[id="${id}"]`).innerText()).trim();
  }

  statusBarItem(id: string): Locator {
    return this.page.locator(`[id="${id}"]`);
  }

  private editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The visible lines of the active editor (the editor renders spaces as no-break spaces). */
  async editorText(): Promise<string> {
    return (await this.editor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /** The squiggle of a diagnostic in the active editor (`warning`, `info`, `error`). */
  squiggle(severity: 'warning' | 'info' | 'error'): Locator {
    return this.editor().locator(`.squiggly-${severity}`).first();
  }

  /** Points the mouse at a squiggle and waits for the hover, which must contain `expected`. */
  async hoverSquiggle(severity: 'warning' | 'info' | 'error', expected: string): Promise<Locator> {
    return this.retryOnce('hovering the squiggle', async () => {
      const squiggle = this.squiggle(severity);
      await squiggle.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('the squiggle has no box');
      await this.page.mouse.move(0, 0);
      await this.page.mouse.move(box.x + Math.min(box.width / 2, 30), box.y + box.height / 2, { steps: 4 });
      const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
      await hover.waitFor({ state: 'visible', timeout: 30_000 });
      return hover;
    });
  }

  /** Clicks into a squiggle (puts the cursor on the finding), then opens Quick Fix (Ctrl+.). */
  async openQuickFix(severity: 'warning' | 'info' | 'error', expected: string): Promise<string[]> {
    return this.retryOnce('opening the Quick Fix menu', async () => {
      const squiggle = this.squiggle(severity);
      await squiggle.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('the squiggle has no box');
      await this.page.mouse.click(box.x + Math.min(box.width / 2, 30), box.y + box.height / 2);
      await this.page.mouse.move(0, 0);
      // The light bulb shows once the code actions at the cursor are known (TypeScript's own provider
      // takes seconds on its first request); Ctrl+. before that sometimes opens nothing.
      await this.editor().locator('.lightBulbWidget').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await this.page.keyboard.press('Control+.');
      // The menu waits for every code-action provider; TypeScript's own is slow while its server starts.
      const item = this.page.locator('.action-widget .monaco-list-row.action', { hasText: expected });
      try {
        await item.first().waitFor({ state: 'visible', timeout: 45_000 });
      } catch (err) {
        const shown = await this.page.locator('.action-widget .monaco-list-row').evaluateAll((els) => els.map((e) => (e as unknown as Shown).innerText.trim()));
        const focused = await this.page.evaluate('document.activeElement && (document.activeElement.className + " " + (document.activeElement.getAttribute("aria-label") || ""))');
        const selection = await this.statusBarText('status.editor.selection').catch(() => '?');
        throw new Error(`no "${expected}" in the Quick Fix menu (shown: ${shown.join(' | ') || 'no menu'}; focus: ${String(focused).slice(0, 120)}; cursor: ${selection}): ${(err as Error).message.split('\n')[0]}`);
      }
      return this.page.locator('.action-widget .monaco-list-row.action').evaluateAll((els) => els.map((e) => (e as unknown as Shown).innerText.trim()));
    });
  }

  async chooseQuickFix(title: string): Promise<void> {
    await this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().click();
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }

  /** Go to Line (Ctrl+G), to the end of the line, and types. */
  async typeAtEndOfLine(line: number, text: string): Promise<void> {
    await this.retryOnce(`going to line ${line}`, async () => {
      await this.page.keyboard.press('Control+g');
      await this.quickInput().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      // Go to Line is Quick Open with a ':' prefix.
      await this.quickInput().fill(`:${line}`);
      await this.page.keyboard.press('Enter');
      await this.quickInput().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await waitUntil(`the cursor on line ${line}`, async () => (await this.statusBarText('status.editor.selection')).startsWith(`Ln ${line},`), 15_000);
    });
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(text);
  }

  /** Saves the active editor (Ctrl+S) and waits until the file on disk satisfies `check`. */
  async save(file: string, check: (text: string) => boolean): Promise<string> {
    await this.page.keyboard.press('Control+s');
    return waitUntil(`${path.basename(file)} saved to disk`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      return check(text) ? text : undefined;
    });
  }

  /** A view in the Explorer (its pane), expanded. */
  async expandView(title: string): Promise<Locator> {
    const header = this.page.locator('.pane-header', { hasText: title }).first();
    await header.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    if (!((await header.getAttribute('class')) ?? '').includes('expanded')) await header.click();
    await waitUntil(`the ${title} view expanded`, async () => ((await header.getAttribute('class')) ?? '').includes('expanded'));
    return this.page.locator('.pane', { has: header });
  }

  /** Collapses a view in the Explorer (to give the others room). */
  async collapseView(title: string): Promise<void> {
    const header = this.page.locator('.pane-header', { hasText: title }).first();
    await header.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    if (((await header.getAttribute('class')) ?? '').includes('expanded')) await header.click();
  }

  /** Drags the sash at the side bar's right edge until the side bar is `width` pixels wide. */
  async resizeSideBar(width: number): Promise<void> {
    const sidebar = this.page.locator('.part.sidebar').first();
    await sidebar.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const box = (await sidebar.boundingBox())!;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width + 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await waitUntil(`the side bar ${width} px wide`, async () => Math.abs(((await sidebar.boundingBox())?.width ?? 0) - width) < 30, 15_000);
  }

  /** The rows of a tree view: label and description as shown. */
  async treeRows(pane: Locator): Promise<string[]> {
    return pane.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') || (e as unknown as Shown).innerText).replace(/\s+/g, ' ').trim()));
  }
}
