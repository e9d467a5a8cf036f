/**
 * Baselines: the findings a team has accepted for now, so that CI reports only new ones. A finding
 * matches a baseline entry by rule and fingerprint (the fingerprint survives unrelated line moves);
 * each entry hides at most one finding, preferring one in the same file, so a renamed file keeps
 * its entries and a copy of a baselined line elsewhere is still reported.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FileAnalysis, Finding } from '../core/engine';
import { TOOL_NAME, TOOL_VERSION } from '../core/meta';
import { UsageError } from './args';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  /** Relative to the baseline file's folder, with `/`. Used to prefer same-file matches; not required to match. */
  path: string;
  /** For people reading the file; not used for matching. */
  line?: number;
  message?: string;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  tool: string;
  findings: BaselineEntry[];
}

/** A baseline, with entry paths turned into report paths (relative to the scan root). */
export interface Baseline {
  file: string;
  entries: BaselineEntry[];
}

export function readBaseline(file: string, root: string, display = file): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${display}: ${code === 'ENOENT' ? 'no such baseline file (create it with --update-baseline)' : `cannot read baseline: ${code ?? (err as Error).message}`}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${display}: not a baseline file: invalid JSON (${(err as Error).message})`);
  }
  const record = data as Partial<BaselineFile> | null;
  if (!record || typeof record !== 'object' || Array.isArray(record)) throw new UsageError(`${display}: not a baseline file: expected a JSON object with "version" and "findings"`);
  if (record.version !== BASELINE_VERSION) {
    throw new UsageError(`${display}: baseline version ${JSON.stringify(record.version)} is not supported (this ehi-lint writes version ${BASELINE_VERSION}; regenerate it with --update-baseline)`);
  }
  if (!Array.isArray(record.findings)) throw new UsageError(`${display}: not a baseline file: "findings" must be an array`);
  const dir = path.dirname(path.resolve(file));
  const entries = record.findings.map((entry, i) => {
    const e = entry as Partial<BaselineEntry> | null;
    if (!e || typeof e.ruleId !== 'string' || typeof e.fingerprint !== 'string' || typeof e.path !== 'string') {
      throw new UsageError(`${display}: findings[${i}] needs "ruleId", "fingerprint" and "path" strings`);
    }
    return { ...e, path: toReportPath(e.path, dir, root) } as BaselineEntry;
  });
  return { file, entries };
}

function toReportPath(entryPath: string, baselineDir: string, root: string): string {
  return path.relative(root, path.resolve(baselineDir, entryPath)).split(path.sep).join('/');
}

const keyOf = (f: { ruleId: string; fingerprint: string }): string => `${f.ruleId}\0${f.fingerprint}`;

/**
 * Removes the findings the baseline records. Returns the files with their remaining findings, and
 * the hidden ones with their file.
 */
export function applyBaseline(files: FileAnalysis[], baseline: Baseline): { files: FileAnalysis[]; hidden: { path: string; finding: Finding }[] } {
  const pool = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) {
    const list = pool.get(keyOf(entry)) ?? [];
    list.push(entry);
    pool.set(keyOf(entry), list);
  }
  const hidden = new Map<Finding, string>();
  const take = (finding: Finding, file: string, sameFileOnly: boolean): void => {
    const list = pool.get(keyOf(finding));
    if (!list || hidden.has(finding)) return;
    const i = sameFileOnly ? list.findIndex((e) => e.path === file) : 0;
    if (i < 0 || list.length === 0) return;
    list.splice(i, 1);
    hidden.set(finding, file);
  };
  // Same-file matches first, so a moved or renamed duplicate cannot take another file's entry.
  for (const sameFileOnly of [true, false]) for (const file of files) for (const f of file.findings) take(f, file.path, sameFileOnly);
  return {
    files: files.map((f) => (f.findings.some((x) => hidden.has(x)) ? { ...f, findings: f.findings.filter((x) => !hidden.has(x)) } : f)),
    hidden: [...hidden].map(([finding, path]) => ({ path, finding })),
  };
}

/**
 * The baseline after a scan: entries of the files this scan analysed are replaced by their current
 * open findings (so findings that disappeared are dropped); entries of other files are kept.
 */
export function updatedBaseline(previous: BaselineEntry[], files: FileAnalysis[], analysed: ReadonlySet<string>): BaselineEntry[] {
  const kept = previous.filter((e) => !analysed.has(e.path));
  const current = files.flatMap((file) =>
    file.findings.map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint, path: file.path, line: f.range.start.line + 1, message: f.message })),
  );
  return [...kept, ...current].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0) || a.ruleId.localeCompare(b.ruleId)));
}

/** Writes a baseline atomically; entry paths (report paths) are stored relative to the file's folder. */
export function writeBaseline(file: string, root: string, entries: BaselineEntry[], display = file): void {
  const dir = path.dirname(path.resolve(file));
  const data: BaselineFile = {
    version: BASELINE_VERSION,
    tool: `${TOOL_NAME} ${TOOL_VERSION}`,
    findings: entries.map((e) => ({ ...e, path: path.relative(dir, path.resolve(root, e.path)).split(path.sep).join('/') })),
  };
  const tmp = `${path.resolve(file)}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new UsageError(`${display}: cannot write baseline: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
