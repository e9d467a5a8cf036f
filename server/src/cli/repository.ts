/**
 * The repository a scan belongs to, read from the files git keeps (no git process): its root (the
 * folder holding `.git`, a folder or, in worktrees and submodules, a file naming the git folder), the
 * commit and branch checked out (`HEAD`, loose refs, `packed-refs`) and the `origin` remote. Reports
 * that code hosts read (SARIF, GitHub annotations, GitLab Code Quality) name files relative to the
 * root, so the same scan gives the same paths from any working folder.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Repository {
  /** Absolute path of the work tree's top folder. */
  root: string;
  /** The commit checked out (40 or 64 hex digits), when it can be read. */
  commit?: string;
  /** The branch checked out (`main`), unless HEAD is detached. */
  branch?: string;
  /** The `origin` remote's URL, without any user name or password in it. */
  remote?: string;
}

/** The nearest folder at or above `start` that holds `.git`. */
export function findRepositoryRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The git folder of a work tree: `.git` itself, or the folder a `.git` file points to (`gitdir: ...`). */
function gitDirOf(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dotGit);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return dotGit;
  const m = /^gitdir:\s*(.+?)\s*$/m.exec(read(dotGit) ?? '');
  return m ? path.resolve(root, m[1]) : undefined;
}

const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** A ref's commit: the loose ref file, else its line in `packed-refs`. */
function resolveRef(dirs: string[], ref: string): string | undefined {
  for (const dir of dirs) {
    const loose = read(path.join(dir, ...ref.split('/')))?.trim();
    if (loose && HASH.test(loose)) return loose;
  }
  for (const dir of dirs) {
    for (const line of (read(path.join(dir, 'packed-refs')) ?? '').split('\n')) {
      const [hash, name] = line.trim().split(/\s+/);
      if (name === ref && HASH.test(hash)) return hash;
    }
  }
  return undefined;
}

/** `url` of `[remote "origin"]` in the git config. */
function originUrl(config: string): string | undefined {
  let inOrigin = false;
  for (const raw of config.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inOrigin = /^\[remote\s+"origin"\]$/.test(line);
      continue;
    }
    const m = inOrigin ? /^url\s*=\s*(.+)$/.exec(line) : null;
    if (m) return m[1].replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** A remote URL safe to publish: user names and tokens removed, `git@host:path` written as `ssh://host/path`. */
export function publicRemoteUrl(url: string): string | undefined {
  const scp = /^[^@/\s]+@([^:/\s]+):(?!\/)(.+)$/.exec(url);
  if (scp) return `ssh://${scp[1]}/${scp[2]}`;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') return undefined;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** The repository holding `start`, with what git records about its checkout; undefined outside any. */
export function readRepository(start: string): Repository | undefined {
  const root = findRepositoryRoot(start);
  if (!root) return undefined;
  const repo: Repository = { root };
  const gitDir = gitDirOf(root);
  if (!gitDir) return repo;
  // A linked worktree keeps HEAD in its own folder and shares refs and config with the main one.
  const common = read(path.join(gitDir, 'commondir'))?.trim();
  const dirs = common ? [gitDir, path.resolve(gitDir, common)] : [gitDir];
  const head = read(path.join(gitDir, 'HEAD'))?.trim() ?? '';
  const symbolic = /^ref:\s*(refs\/\S+)$/.exec(head);
  if (symbolic) {
    if (symbolic[1].startsWith('refs/heads/')) repo.branch = symbolic[1].slice('refs/heads/'.length);
    repo.commit = resolveRef(dirs, symbolic[1]);
  } else if (HASH.test(head)) {
    repo.commit = head;
  }
  const url = originUrl(read(path.join(dirs[dirs.length - 1], 'config')) ?? '');
  const remote = url ? publicRemoteUrl(url) : undefined;
  if (remote) repo.remote = remote;
  return repo;
}
