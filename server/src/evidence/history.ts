/**
 * What git knows about the code an evidence pack describes: the commit, a web address for permalinks,
 * which files differ from the commit, and when each line of an exception record was written
 * (`git blame`). Every call is `execFile('git', [fixed arguments])`, with no shell; outside a
 * repository, without git, or for a file git does not track, the answers say so instead of failing.
 */
import { execFile } from 'child_process';
import * as path from 'path';

/** A commit that wrote a line, as blame reports it. */
export interface LineCommit {
  commit: string;
  /** Author date, ISO 8601 in UTC (when the change was written). */
  date: string;
  author: string;
  summary: string;
}

/** Per line (1-based) of a file: the commit that last changed it, or `uncommitted` for lines not yet committed. */
export type BlameLines = Map<number, LineCommit | 'uncommitted'>;

export interface RepositoryState {
  /** Absolute path of the repository's top folder. */
  top: string;
  /** `HEAD`, when the repository has a commit. */
  commit?: string;
  /** The branch `HEAD` is on, when it is on one. */
  branch?: string;
  /** The remote's web address (credentials removed), and the forge it is on, when the remote is a known one. */
  web?: { url: string; forge: Forge };
  /** Files (relative to `top`, `/`-separated) whose working copy differs from `HEAD`, or that git does not track. */
  changed: Set<string>;
  /** Files git does not track. */
  untracked: Set<string>;
}

export type Forge = 'github' | 'gitlab' | 'bitbucket' | 'gitea';

/** Why the history is not available. */
export interface NoRepository {
  unavailable: string;
}

const UNCOMMITTED = /^0{40}$/;

function run(args: string[], cwd: string): Promise<{ ok: true; stdout: string } | { ok: false; missing: boolean; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (err, stdout, stderr) => {
      if (!err) resolve({ ok: true, stdout });
      else resolve({ ok: false, missing: (err as NodeJS.ErrnoException).code === 'ENOENT', stderr: String(stderr ?? '') });
    });
  });
}

/** The repository that holds `folder`, or why there is none. */
export async function repositoryState(folder: string): Promise<RepositoryState | NoRepository> {
  const top = await run(['rev-parse', '--show-toplevel'], folder);
  if (!top.ok) return { unavailable: top.missing ? 'git is not installed' : 'not in a git repository' };
  const root = top.stdout.trim();
  const [head, branch, remotes, status] = await Promise.all([
    run(['rev-parse', '--verify', '--quiet', 'HEAD'], root),
    run(['symbolic-ref', '--quiet', '--short', 'HEAD'], root),
    run(['remote'], root),
    run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], root),
  ]);
  const state: RepositoryState = { top: root, changed: new Set(), untracked: new Set() };
  if (head.ok && head.stdout.trim()) state.commit = head.stdout.trim();
  if (branch.ok && branch.stdout.trim()) state.branch = branch.stdout.trim();
  if (remotes.ok) {
    const names = remotes.stdout.split('\n').map((n) => n.trim()).filter(Boolean);
    const name = names.includes('origin') ? 'origin' : names.sort()[0];
    if (name) {
      const url = await run(['remote', 'get-url', '--', name], root);
      const web = url.ok ? webAddress(url.stdout.trim()) : undefined;
      if (web) state.web = web;
    }
  }
  if (status.ok) {
    for (const entry of status.stdout.split('\0')) {
      if (entry.length < 4) continue;
      const file = entry.slice(3);
      state.changed.add(file);
      if (entry.startsWith('??')) state.untracked.add(file);
    }
  }
  return state;
}

/**
 * The web address of a remote, without credentials: `git@github.com:acme/ehr.git`,
 * `ssh://git@host:22/acme/ehr.git` and `https://user:token@host/acme/ehr.git` all become
 * `https://host/acme/ehr`. Local paths and `file:` remotes have none; nor do hosts whose permalink
 * form is not known (the pack then gives the commit and path without a link).
 */
export function webAddress(remote: string): { url: string; forge: Forge } | undefined {
  let host: string;
  let repoPath: string;
  const scp = /^(?:[^@/:]+@)?([^/:]+):(?!\/)(.+)$/.exec(remote);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remote)) {
    let parsed: URL;
    try {
      parsed = new URL(remote);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) return undefined;
    host = parsed.hostname;
    repoPath = decodeURIComponent(parsed.pathname);
  } else if (scp && !/^[a-zA-Z]$/.test(scp[1])) {
    host = scp[1];
    repoPath = scp[2];
  } else return undefined;
  repoPath = repoPath.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
  if (!host || !repoPath || !/^[\w.-]+$/.test(host)) return undefined;
  const forge = forgeOf(host.toLowerCase());
  if (!forge) return undefined;
  return { url: `https://${host.toLowerCase()}/${repoPath.split('/').map(encodeURIComponent).join('/')}`, forge };
}

function forgeOf(host: string): Forge | undefined {
  if (host === 'github.com' || host.includes('github')) return 'github';
  if (host.includes('gitlab')) return 'gitlab';
  if (host === 'bitbucket.org') return 'bitbucket';
  if (host === 'codeberg.org' || host.includes('gitea') || host.includes('forgejo')) return 'gitea';
  return undefined;
}

/** A link to lines `first`–`last` of `file` (relative to the repository top) at `commit`, in the forge's own form. */
export function permalink(web: { url: string; forge: Forge }, commit: string, file: string, first: number, last: number): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  const single = first === last;
  switch (web.forge) {
    case 'github':
      return `${web.url}/blob/${commit}/${encoded}#L${first}${single ? '' : `-L${last}`}`;
    case 'gitlab':
      return `${web.url}/-/blob/${commit}/${encoded}#L${first}${single ? '' : `-${last}`}`;
    case 'bitbucket':
      return `${web.url}/src/${commit}/${encoded}#lines-${first}${single ? '' : `:${last}`}`;
    case 'gitea':
      return `${web.url}/src/commit/${commit}/${encoded}#L${first}${single ? '' : `-L${last}`}`;
  }
}

/** `file` (absolute) relative to the repository top, `/`-separated; undefined when it lies outside it. */
export function inRepository(state: RepositoryState, file: string): string | undefined {
  const relative = path.relative(state.top, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * Who last changed each of the given line ranges of a tracked file (`git blame --porcelain`, one run
 * for all ranges, whitespace changes ignored, moved lines followed within the file). Undefined when
 * git cannot blame the file (untracked, no commit yet).
 */
export async function blame(state: RepositoryState, file: string, ranges: { first: number; last: number }[]): Promise<BlameLines | undefined> {
  if (!state.commit || state.untracked.has(file) || ranges.length === 0) return undefined;
  const args = ['blame', '--porcelain', '-w', '-M'];
  for (const r of ranges) args.push('-L', `${r.first},${r.last}`);
  args.push('--', file);
  const out = await run(args, state.top);
  return out.ok ? parseBlame(out.stdout) : undefined;
}

/** Parses `git blame --porcelain` output into the commit of each final line. */
export function parseBlame(text: string): BlameLines {
  const lines: BlameLines = new Map();
  const commits = new Map<string, { author?: string; time?: number; summary?: string }>();
  let current: { sha: string; line: number } | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (current) {
        const info = commits.get(current.sha) ?? {};
        lines.set(
          current.line,
          UNCOMMITTED.test(current.sha)
            ? 'uncommitted'
            : { commit: current.sha, date: new Date((info.time ?? 0) * 1000).toISOString().replace(/\.000Z$/, 'Z'), author: info.author ?? '', summary: info.summary ?? '' },
        );
      }
      current = undefined;
      continue;
    }
    const header = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/.exec(line);
    if (header) {
      current = { sha: header[1], line: Number(header[2]) };
      if (!commits.has(header[1])) commits.set(header[1], {});
      continue;
    }
    if (!current) continue;
    const info = commits.get(current.sha)!;
    if (line.startsWith('author ')) info.author = line.slice(7);
    else if (line.startsWith('author-time ')) info.time = Number(line.slice(12));
    else if (line.startsWith('summary ')) info.summary = line.slice(8);
  }
  return lines;
}
