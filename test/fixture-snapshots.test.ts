/**
 * Snapshots of everything reported on each rule's fixtures, beside the inline expectations: every
 * finding of every rule (severity, message, range, related locations, suppression) and the
 * quick-fix edits the language server offers for it, one readable file per rule folder,
 * `test-fixtures/<rule-id>/__snapshots__/findings.snap`. The inline `ruleid:`/`ok:` markers say
 * where a rule must and must not fire; the snapshot shows what it says there and what fixing it
 * writes, so a change to a message, a range or a fix shows up in review. `.snap` is no language
 * ehi-lint reads, so neither the fixture runner nor the CLI analyses these files.
 *
 * `npm run snapshots` (`UPDATE_SNAPSHOTS=1`) rewrites them after a deliberate change.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { RULES } from '../rules';
import { DEFAULT_REGISTER_FILE } from '../server/src/core/annotations/register';
import type { Finding } from '../server/src/core/engine';
import type { Range } from '../server/src/core/text';
import { LineIndex } from '../server/src/core/text';
import { ClientSupport, codeActions } from '../server/src/lsp/code-actions';
import { toDiagnostics } from '../server/src/lsp/diagnostics';
import type { ActionDocument } from '../server/src/lsp/documents';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';
import { FIXTURE_NOW, FIXTURES, FixtureResult, listFiles, runFixture } from './fixtures.test';

const SNAPSHOT_DIR = '__snapshots__';
const SNAPSHOT_FILE = 'findings.snap';
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
/** Plain text edits, as a client without snippets gets them; creating the register counts as an edit. */
const SUPPORT: ClientSupport = { snippets: false, documentChanges: true, createFiles: true };
const SECTION = '== ';

function position(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** The code actions with edits that the language server offers for an open finding, as lines. */
async function fixLines(result: FixtureResult, file: string, finding: Finding): Promise<string[]> {
  const dir = path.dirname(file);
  const registerPath = path.join(dir, DEFAULT_REGISTER_FILE);
  const doc: ActionDocument = {
    uri: pathToFileURL(file).href,
    path: file,
    version: 1,
    lines: new LineIndex(result.text),
    detail: result.detail,
    settings: DEFAULT_SETTINGS,
    now: FIXTURE_NOW,
    register: { path: registerPath, uri: pathToFileURL(registerPath).href, text: fs.existsSync(registerPath) ? fs.readFileSync(registerPath, 'utf8') : undefined, version: null },
  };
  const diagnostic = toDiagnostics(doc.uri, result.analysis, true).find((d) => (d.data as { fingerprint?: string } | undefined)?.fingerprint === finding.fingerprint);
  if (!diagnostic) return [];
  const out: string[] = [];
  for (const action of await codeActions(doc, [diagnostic], SUPPORT)) {
    if (!action.edit) continue;
    out.push(`  fix: ${action.title}`);
    for (const edit of editLines(action.edit, dir)) out.push(`    ${edit}`);
  }
  return out;
}

/** A workspace edit as one line per change: `file range "new text"`, or `create file`. */
function editLines(edit: WorkspaceEdit, dir: string): string[] {
  const name = (uri: string): string => path.relative(dir, fileURLToPath(uri)).split(path.sep).join('/');
  const text = (e: TextEdit): string => `${position(e.range)} ${JSON.stringify(e.newText)}`;
  const out: string[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (TextDocumentEdit.is(change)) for (const e of change.edits) out.push(`${name(change.textDocument.uri)} ${text(e as TextEdit)}`);
    else if (CreateFile.is(change)) out.push(`create ${name(change.uri)}`);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) for (const e of edits) out.push(`${name(uri)} ${text(e)}`);
  return out;
}

async function findingLines(result: FixtureResult, file: string, finding: Finding): Promise<string[]> {
  const lines = [`${position(finding.range)} ${finding.severity} ${finding.ruleId}${finding.suppression ? ' (suppressed)' : ''}`, `  ${finding.message}`];
  for (const r of finding.related) lines.push(`  related ${position(r.range)}: ${r.message}`);
  const s = finding.suppression;
  if (s) {
    const where = s.kind === 'external' ? `in ${s.location.file}` : `at ${s.location.range ? position(s.location.range) : 'this file'}`;
    const fields = [s.owner && `owner ${s.owner}`, s.reviewBy && `review-by ${s.reviewBy}`].filter(Boolean).join(', ');
    lines.push(`  documented: ${s.exception} (${s.kind} ${where}${fields ? `; ${fields}` : ''}): ${s.justification}`);
  } else lines.push(...(await fixLines(result, file, finding)));
  return lines;
}

/** The snapshot text of one rule folder: a header, then a section per fixture file. */
async function renderSnapshot(ruleId: string): Promise<string> {
  const dir = path.join(FIXTURES, ruleId);
  const out = [
    `# Everything ehi-lint reports on test-fixtures/${ruleId}/ (every rule at its default level, as of ${FIXTURE_NOW.toISOString().slice(0, 10)}),`,
    '# with the quick-fix edits the language server offers for each open finding. Positions are line:column, 1-based.',
    '# Checked by test/fixture-snapshots.test.ts; `npm run snapshots` rewrites it after a deliberate change.',
  ];
  // Code-unit order, not the locale's: the file must read the same on every machine.
  for (const file of listFiles(dir).sort()) {
    const result = await runFixture(file);
    out.push('', `${SECTION}${path.relative(dir, file).split(path.sep).join('/')}`);
    const findings = [...result.analysis.findings, ...result.analysis.suppressed].sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    if (findings.length === 0 && result.analysis.notices.length === 0) out.push('', '(nothing reported)');
    for (const finding of findings) out.push('', ...(await findingLines(result, file, finding)));
    for (const notice of result.analysis.notices) out.push('', `${notice.range ? position(notice.range) : '1:1-1:1'} notice ${notice.code}`, `  ${notice.message}`);
  }
  return out.join('\n') + '\n';
}

/** The sections of a snapshot by fixture name, to say which fixtures a difference is about. */
function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(`\n${SECTION}`).slice(1)) {
    const newline = part.indexOf('\n');
    out.set(newline < 0 ? part : part.slice(0, newline), part);
  }
  return out;
}

/** Which fixtures differ: stale entries (fixture gone), new fixtures and changed ones. */
function describeDifference(stored: string, current: string): string {
  const before = sections(stored);
  const after = sections(current);
  const lines: string[] = [];
  for (const [name, body] of before) {
    if (!after.has(name)) lines.push(`stale: ${name} is in the snapshot but is no longer a fixture`);
    else if (after.get(name) !== body) lines.push(`changed: ${name}`);
  }
  for (const name of after.keys()) if (!before.has(name)) lines.push(`new: ${name} is not in the snapshot`);
  return lines.length > 0 ? lines.join('\n') : 'the header differs';
}

describe('fixture snapshots', function () {
  this.timeout(120_000);

  for (const rule of RULES) {
    const id = rule.meta.id;
    const file = path.join(FIXTURES, id, SNAPSHOT_DIR, SNAPSHOT_FILE);
    const shown = path.relative(path.dirname(FIXTURES), file);

    it(`${id}: ${shown} holds every finding on its fixtures`, async () => {
      const current = await renderSnapshot(id);
      const stored = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      if (UPDATE && stored !== current) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, current);
        return;
      }
      assert.ok(stored !== undefined, `${shown} is missing: run \`npm run snapshots\``);
      assert.deepEqual(fs.readdirSync(path.dirname(file)), [SNAPSHOT_FILE], `${SNAPSHOT_DIR}/ holds only ${SNAPSHOT_FILE}`);
      if (stored !== current) {
        assert.equal(current, stored, `${shown} is out of date (after a deliberate change, \`npm run snapshots\` rewrites it):\n${describeDifference(stored, current)}`);
      }
    });
  }
});
