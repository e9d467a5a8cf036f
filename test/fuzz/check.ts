/**
 * What every input must satisfy, however broken: the analysis does not throw and leaves no
 * `internal` notice (each is a bug; a broken file may get a syntax notice), every position it
 * reports lies inside the file, the SARIF it makes is schema-valid, a second run finds the same,
 * and applying all quick-fixes twice equals applying them once and leaves a file that still parses.
 * A config file either loads or fails with one line.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { RULES } from '../../rules';
import { ProjectIndex } from '../../server/src/analysis/project';
import { DEFAULT_REGISTER_FILE, parseRegister, RegisterEntry } from '../../server/src/core/annotations/register';
import { AnalysisSettings, analyzeBytes, analyzeTextDetailed, DetailedAnalysis, FileAnalysis, RegisterFileAccess } from '../../server/src/core/engine';
import { decodeSource, LineIndex, Range } from '../../server/src/core/text';
import { sarifLog } from '../../server/src/cli/format/sarif';
import { summarise } from '../../server/src/cli/format/report';
import { ClientSupport, codeActions } from '../../server/src/lsp/code-actions';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';
import type { ActionDocument } from '../../server/src/lsp/documents';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { parseConfigText } from '../../server/src/settings/config-file';
import { ConfigError, resolveSettings } from '../../server/src/settings/settings';
import { assertValidSarif } from '../helpers/sarif-schema';
import { FIXTURES, InputKind, Seed, seeds } from './corpus';
import * as fs from 'fs';

export const NOW = new Date('2026-06-01T12:00:00Z');
const SUPPORT: ClientSupport = { snippets: false, documentChanges: false, createFiles: true };

export interface Outcome {
  kind: InputKind;
  /** Notice codes the input got (`none` when it got none); for a config, `loaded` or `config-error`. */
  notices: string[];
  /** Broken properties: empty when the input passed. */
  violations: string[];
  /** The longest single analysis of the input (a case runs several). */
  slowestMs: number;
}

let slowest = 0;

/** Times one analysis for `slowestMs`. */
async function timed<T>(run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await run();
  } finally {
    slowest = Math.max(slowest, Date.now() - started);
  }
}

const projects = new Map<string, ProjectIndex>();

function projectFor(seed: Seed): ProjectIndex {
  const ruleDir = path.join(FIXTURES, seed.display.split('/')[0]);
  let project = projects.get(ruleDir);
  if (!project) {
    const files = seeds()
      .filter((s) => s.kind !== 'config' && s.file.startsWith(ruleDir + path.sep))
      .map((s) => s.file);
    project = new ProjectIndex({ root: FIXTURES, files, display: (f) => path.relative(FIXTURES, f).split(path.sep).join('/') });
    projects.set(ruleDir, project);
  }
  return project;
}

function registerFor(seed: Seed): RegisterEntry[] {
  const registerPath = path.join(path.dirname(seed.file), DEFAULT_REGISTER_FILE);
  if (seed.kind === 'register' || !fs.existsSync(registerPath)) return [];
  return parseRegister(DEFAULT_REGISTER_FILE, fs.readFileSync(registerPath, 'utf8')).entries.filter((e) => e.file === path.basename(seed.file));
}

function registerAccess(seed: Seed): RegisterFileAccess {
  const dir = path.dirname(seed.file);
  return {
    isRegister: (p) => path.basename(p) === DEFAULT_REGISTER_FILE,
    readTarget: async (name) => {
      try {
        return await fs.promises.readFile(path.join(dir, name), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

export function settingsFor(seed: Seed): AnalysisSettings {
  return {
    ...resolveSettings(RULES, {}, { now: NOW, register: registerFor(seed) }),
    // The fuzzer's long lines and deep nests make files of several MiB: they are analysed, not refused.
    maxBytes: 64 * 1024 * 1024,
    registerFile: registerAccess(seed),
    project: projectFor(seed),
  };
}

/** Checks one input: the seed's path with mutated bytes. */
export async function checkInput(seed: Seed, bytes: Buffer, options: { fixes?: boolean } = {}): Promise<Outcome> {
  slowest = 0;
  const outcome = await checkAll(seed, bytes, options);
  return { ...outcome, slowestMs: slowest };
}

async function checkAll(seed: Seed, bytes: Buffer, options: { fixes?: boolean }): Promise<Omit<Outcome, 'slowestMs'>> {
  if (seed.kind === 'config') return checkConfig(seed, bytes);
  const violations: string[] = [];
  const settings = settingsFor(seed);
  let first: FileAnalysis;
  try {
    first = await timed(() => analyzeBytes(seed.display, bytes, settings));
  } catch (err) {
    return { kind: seed.kind, notices: ['threw'], violations: [`analyzeBytes threw: ${String((err as Error).stack ?? err)}`] };
  }
  const decoded = decodeSource(bytes);
  // What an editor hands the language server: the text even when the bytes look binary (NULs and all).
  const text = decoded.ok ? decoded.text : bytes.toString('utf8');
  const notices: string[] = first.notices.map((n) => n.code);
  let detail: DetailedAnalysis;
  try {
    detail = await timed(() => analyzeTextDetailed(seed.display, text, settings));
  } catch (err) {
    return { kind: seed.kind, notices: [...notices, 'threw'], violations: [`analyzeText threw: ${String((err as Error).stack ?? err)}`] };
  }
  const results = decoded.ok ? [first, detail.result] : [detail.result];
  if (!decoded.ok) notices.push(...detail.result.notices.map((n) => `text:${n.code}`));
  const lines = new LineIndex(text);
  for (const result of results) {
    for (const n of result.notices) if (n.code === 'internal') violations.push(`internal notice: ${n.message}`);
    checkPositions(result, lines, violations);
    checkSarif(result, violations);
  }
  if (decoded.ok && !sameFindings(first, detail.result)) violations.push('analyzeBytes and analyzeText disagree');
  const again = await timed(() => analyzeTextDetailed(seed.display, text, settings));
  if (!sameFindings(detail.result, again.result)) violations.push('a second run found something else');
  if (options.fixes !== false && detail.result.findings.length > 0 && detail.result.notices.every((n) => n.code !== 'internal')) {
    await checkFixes(seed, text, detail, settings, violations);
  }
  return { kind: seed.kind, notices: notices.length > 0 ? [...new Set(notices)] : ['none'], violations };
}

function checkConfig(seed: Seed, bytes: Buffer): Omit<Outcome, 'slowestMs'> {
  const text = bytes.toString('utf8');
  try {
    parseConfigText(text, seed.file, 'ehi-lint.config.json', RULES);
    return { kind: 'config', notices: ['loaded'], violations: [] };
  } catch (err) {
    if (!(err instanceof ConfigError)) return { kind: 'config', notices: ['threw'], violations: [`not a ConfigError: ${String((err as Error).stack ?? err)}`] };
    const violations: string[] = [];
    if (err.message.includes('\n')) violations.push(`config error of more than one line: ${JSON.stringify(err.message.slice(0, 300))}`);
    if (!err.message.startsWith('ehi-lint.config.json')) violations.push(`config error does not name the file: ${err.message.slice(0, 200)}`);
    return { kind: 'config', notices: ['config-error'], violations };
  }
}

function inside(r: Range, lines: LineIndex): boolean {
  const ok = (p: Range['start']): boolean =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStart(p.line);
  const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  return ok(r.start) && ok(r.end) && ordered;
}

function checkPositions(result: FileAnalysis, lines: LineIndex, violations: string[]): void {
  const where = (what: string, r: Range): string => `${what} at ${JSON.stringify(r)} is outside the file (${lines.lineCount} lines)`;
  for (const f of [...result.findings, ...result.suppressed]) {
    if (!inside(f.range, lines)) violations.push(where(`${f.ruleId} finding`, f.range));
    if (!(f.start >= 0 && f.start <= f.end && f.end <= lines.text.length)) violations.push(`${f.ruleId} finding offsets ${f.start}-${f.end} outside 0-${lines.text.length}`);
    for (const rel of f.related) if (!rel.file && !inside(rel.range, lines)) violations.push(where(`${f.ruleId} related place`, rel.range));
    if (f.suppression?.kind === 'inSource' && f.suppression.location.range && !inside(f.suppression.location.range, lines)) violations.push(where(`${f.ruleId} suppression`, f.suppression.location.range));
  }
  for (const n of result.notices) if (n.range && !inside(n.range, lines)) violations.push(where(`${n.code} notice`, n.range));
  for (const e of result.exceptions) if (!inside(e.range, lines)) violations.push(where(`documented exception ${e.exception}`, e.range));
}

function checkSarif(result: FileAnalysis, violations: string[]): void {
  try {
    const root = '/fuzz';
    const log = sarifLog({
      root,
      base: { dir: root, category: 'ehi-lint' },
      files: [result],
      skipped: [],
      rules: RULES,
      summary: summarise([result], 1, result.lines),
      now: NOW,
      scope: { paths: ['.'] },
      links: { from: root },
    });
    assertValidSarif(JSON.parse(JSON.stringify(log)));
  } catch (err) {
    violations.push(`SARIF: ${String((err as Error).message).slice(0, 500)}`);
  }
}

function findingKey(result: FileAnalysis): string {
  const strip = (f: FileAnalysis['findings'][number]) => [f.ruleId, f.start, f.end, f.message, f.fingerprint, f.suppression?.exception ?? ''];
  return JSON.stringify({ findings: result.findings.map(strip), suppressed: result.suppressed.map(strip), notices: result.notices });
}

function sameFindings(a: FileAnalysis, b: FileAnalysis): boolean {
  return findingKey(a) === findingKey(b);
}

interface ChosenFix {
  title: string;
  edits: TextEdit[];
}

/** For each open finding, the first code action that edits this file. */
async function firstFixes(seed: Seed, text: string, detail: DetailedAnalysis): Promise<ChosenFix[]> {
  const uri = pathToFileURL(path.join('/fuzz', seed.display)).href;
  const doc: ActionDocument = { uri, path: seed.display, version: 1, lines: new LineIndex(text), detail, settings: DEFAULT_SETTINGS, now: NOW };
  const out: ChosenFix[] = [];
  for (const diagnostic of toDiagnostics(uri, detail.result, true)) {
    if (typeof diagnostic.code !== 'string') continue;
    for (const action of await codeActions(doc, [diagnostic], SUPPORT)) {
      const edits = editsFor(action.edit, uri);
      if (edits.length > 0) {
        out.push({ title: action.title, edits });
        break;
      }
    }
  }
  return out;
}

function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

/** Applies the fixes whose edits do not overlap an earlier one's; says whether any was left out. */
function applyFixes(text: string, fixes: ChosenFix[]): { text: string; skipped: boolean } {
  const lines = new LineIndex(text);
  const taken: { start: number; end: number; text: string }[] = [];
  let skipped = false;
  for (const fix of fixes) {
    const edits = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }));
    if (edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === t.start && e.end === t.end)))) {
      skipped = true;
      continue;
    }
    taken.push(...edits);
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of taken) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, skipped };
}

async function checkFixes(seed: Seed, text: string, detail: DetailedAnalysis, settings: AnalysisSettings, violations: string[]): Promise<void> {
  const fixes = await firstFixes(seed, text, detail);
  if (fixes.length === 0) return;
  const once = applyFixes(text, fixes);
  const after = await timed(() => analyzeTextDetailed(seed.display, once.text, settings));
  for (const n of after.result.notices) if (n.code === 'internal') violations.push(`internal notice after the quick-fixes: ${n.message}`);
  const syntax = (d: DetailedAnalysis): number => d.result.notices.filter((n) => n.code === 'syntax').length;
  if (syntax(after) > syntax(detail)) violations.push(`the quick-fixes broke the file: ${after.result.notices.find((n) => n.code === 'syntax')?.message}`);
  if (once.skipped) return;
  // The same fixes offered again must change nothing.
  const titles = new Set(fixes.map((f) => f.title));
  const repeated = (await firstFixes(seed, once.text, after)).filter((f) => titles.has(f.title));
  const twice = applyFixes(once.text, repeated);
  if (twice.text !== once.text) violations.push(`applying the quick-fixes twice differs from once (${repeated.map((f) => f.title).join('; ')})`);
}
