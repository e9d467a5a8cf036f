/**
 * Diff-aware scans: which lines changed since a git revision. Read with `git` child processes:
 * the merge base of REF and HEAD is compared with the working tree (`git diff --unified=0 -M`), so
 * commits on the branch, staged and unstaged edits all count, renamed files are followed to their
 * new path, and untracked files count as wholly new.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../core/engine';
import type { Range } from '../core/text';

export class GitError extends Error {}

/** The changes to one file, in its new version's 1-based line numbers. */
export interface FileChanges {
  /** Untracked (not yet in git): every line is new. */
  untracked: boolean;
  /** Lines added or changed. */
  lines: Set<number>;
  /** Lines after which lines were deleted (0: at the top of the file). */
  deletionsAfter: number[];
}

export interface ChangeSet {
  /** The commit compared against (merge base of REF and HEAD). */
  base: string;
  /** Absolute (real) path → changes; files not listed did not change. */
  files: Map<string, FileChanges>;
}

/** Every line that changed since `ref`, for the repository that contains `cwd`. */
export function changesSince(ref: string, cwd: string): ChangeSet {
  const top = git(['rev-parse', '--show-toplevel'], cwd, () => `--changed-since needs a git repository, and ${cwd} is not inside one`).trim();
  git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top, () => `--changed-since: "${ref}" is not a commit, branch or tag in this repository`);
  const base = git(['merge-base', ref, 'HEAD'], top, (stderr) =>
    /unknown revision|bad revision/i.test(stderr) || !stderr.trim()
      ? `--changed-since: "${ref}" and HEAD have no common ancestor (in CI, fetch the full history: fetch-depth: 0)`
      : `--changed-since: git merge-base failed: ${firstLine(stderr)}`,
  ).trim();
  const diff = git(
    ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--no-textconv', '--unified=0', '-M', '--diff-filter=ACMRT', '--src-prefix=a/', '--dst-prefix=b/', base, '--'],
    top,
    (stderr) => `--changed-since: git diff failed: ${firstLine(stderr)}`,
  );
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], top, (stderr) => `--changed-since: git ls-files failed: ${firstLine(stderr)}`);
  const realTop = fs.realpathSync(top);
  const files = new Map<string, FileChanges>();
  for (const [file, changes] of parseUnifiedDiff(diff)) files.set(path.join(realTop, file), changes);
  for (const file of untracked.split('\0')) {
    if (file) files.set(path.join(realTop, file), { untracked: true, lines: new Set(), deletionsAfter: [] });
  }
  return { base, files };
}

/** The changes to a file (an absolute path), or undefined when it did not change. */
export function changesOf(changes: ChangeSet, file: string): FileChanges | undefined {
  let real = file;
  try {
    real = fs.realpathSync(file);
  } catch {
    // A path that no longer resolves is looked up as written.
  }
  return changes.files.get(real);
}

function git(args: string[], cwd: string, explain: (stderr: string) => string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new GitError('--changed-since needs git, and no git program was found on PATH');
    throw new GitError(explain(String(e.stderr ?? '')));
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/**
 * Parses `git diff --unified=0` output into changes per file (paths relative to the repository
 * root, the new name for renames).
 */
export function parseUnifiedDiff(diff: string): Map<string, FileChanges> {
  const files = new Map<string, FileChanges>();
  let current: FileChanges | undefined;
  const start = (file: string): void => {
    current = files.get(file) ?? { untracked: false, lines: new Set(), deletionsAfter: [] };
    files.set(file, current);
  };
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
    } else if (line.startsWith('rename to ')) {
      // A rename without edits has no `+++` line; the file is known by its new name all the same.
      start(unquote(line.slice('rename to '.length)));
    } else if (line.startsWith('+++ ')) {
      const name = line.slice(4).replace(/\t$/, '');
      if (name === '/dev/null') current = undefined;
      else start(unquote(name).replace(/^b\//, ''));
    } else if (line.startsWith('@@ ') && current) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const first = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      if (count === 0) current.deletionsAfter.push(first);
      for (let n = first; n < first + count; n++) current.lines.add(n);
    }
  }
  return files;
}

/** Unquotes a path git wrote in C style ("a\tb", octal escapes for bytes). */
export function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(simple[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The 1-based lines a range covers (a range ending at column 0 of a line does not cover it). */
function lineSpan(range: Range): [number, number] {
  const first = range.start.line + 1;
  const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line : range.end.line + 1;
  return [first, last];
}

function spanChanged(changes: FileChanges, [first, last]: [number, number]): boolean {
  for (let n = first; n <= last; n++) if (changes.lines.has(n)) return true;
  // Lines deleted inside the construct changed it too.
  return changes.deletionsAfter.some((after) => after >= first && after < last);
}

/**
 * Whether a finding is on changed code: any line of its range, or of a related location that makes
 * up the finding (the limiter's definition, the route it guards), was added or changed.
 */
export function findingChanged(changes: FileChanges | undefined, finding: Pick<Finding, 'range' | 'related'>): boolean {
  if (!changes) return false;
  if (changes.untracked) return true;
  return spanChanged(changes, lineSpan(finding.range)) || finding.related.some((r) => spanChanged(changes, lineSpan(r.range)));
}
