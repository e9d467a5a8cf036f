/**
 * `--cache`: per-file results keyed by everything that decides them (the file's content and path,
 * the rules with their versions and severities, the configuration, the register entries for the
 * file, the tool version, and today's date for files with exception annotations, whose `review-by`
 * is judged against it), so an unchanged file is not analysed again.
 *
 * The cache is one file, written to a temporary name and renamed into place (readers see the old
 * cache or the new one, never half of one), and validated when read: format and version, a
 * checksum of the body, and each entry's key. Anything that fails validation is ignored.
 *
 * Like git's index, an entry also records the file's stat (size, mtime, ctime, inode) from when its
 * content was hashed: while the stat is unchanged, and the file was last modified well before it was
 * hashed (so no edit can hide in the same timestamp), the recorded content hash is reused without
 * reading the file again.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ANNOTATION_MARKER } from '../core/annotations/parse';
import type { AnalysisSettings, FileAnalysis } from '../core/engine';
import { TOOL_VERSION } from '../core/meta';
import type { RegisterEntry } from '../core/annotations/register';

export const CACHE_DIRECTORY = '.ehi-lint-cache';
const CACHE_FILE = 'results.json';
const FORMAT = 'ehi-lint-cache';
const VERSION = 5;

/** What the key needs from a file's content. */
export interface ContentId {
  hash: string;
  /** It may hold exception annotations: results then depend on the date (`review-by`). */
  annotated: boolean;
}

/** A file's stat when its content was hashed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** When the content was read (ms since the epoch). */
  hashedAt: number;
}

/** A modification this close to the read could share its timestamp with an unseen later edit. */
const RACY_MS = 2000;

/** A file another file's result depends on, with its content hash when the result was computed. */
export interface Dependency {
  path: string;
  hash: string;
}

interface Entry {
  key: string;
  content: ContentId;
  stamp: FileStamp;
  result: FileAnalysis;
  deps?: Dependency[];
}

/**
 * An entry as written: most files have nothing to report, and for those only the counts are kept
 * (the path is the entry's name), which keeps the cache small and quick to read.
 */
interface StoredEntry {
  key: string;
  content: ContentId;
  stamp: FileStamp;
  result?: FileAnalysis;
  empty?: Pick<FileAnalysis, 'lines' | 'parsed' | 'language'>;
  deps?: Dependency[];
}

function isEmpty(r: FileAnalysis): boolean {
  return r.findings.length === 0 && r.suppressed.length === 0 && r.exceptions.length === 0 && r.notices.length === 0;
}

interface Header {
  format: string;
  version: number;
  /** sha256 of everything after the header line. */
  checksum: string;
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** What every cache key shares: tool version, rules (ids, versions, severities, options), shared options and limits. */
export function settingsSignature(settings: AnalysisSettings): string {
  return sha256(
    JSON.stringify({
      tool: TOOL_VERSION,
      cache: VERSION,
      rules: settings.rules.map((r) => [r.rule.meta.id, r.rule.meta.version, r.severity, r.options]),
      options: settings.options,
      maxBytes: settings.maxBytes,
      prefilter: settings.prefilter,
    }),
  );
}

const MARKER = Buffer.from(ANNOTATION_MARKER, 'utf8');

export function contentId(bytes: Uint8Array): ContentId {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // UTF-16 text is not searched for the marker: treat it as annotated.
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  return { hash: sha256(buffer), annotated: utf16 || buffer.includes(MARKER) };
}

export function stampOf(stat: fs.Stats, hashedAt: number): FileStamp {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, hashedAt };
}

export function cacheKey(signature: string, displayPath: string, content: ContentId, register: readonly RegisterEntry[], now: Date): string {
  const hash = createHash('sha256');
  hash.update(signature).update('\0').update(displayPath).update('\0').update(content.hash);
  if (register.length > 0) hash.update('\0').update(JSON.stringify(register));
  // Whether a result can depend on the date: the file may hold annotations, or the register documents it.
  if (content.annotated || register.length > 0) hash.update('\0').update(now.toISOString().slice(0, 10));
  return hash.digest('hex');
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private readonly touched = new Set<string>();
  /** Whether anything was stored since the cache was read (else there is nothing to write). */
  private changed = false;
  /** Why the stored cache was not used, when it was not (for --stats). */
  discarded?: string;

  private constructor(readonly dir: string) {}

  /** Opens the cache in `dir`; a missing, truncated or tampered cache file is treated as empty. */
  static open(dir: string): ResultCache {
    const cache = new ResultCache(dir);
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, CACHE_FILE), 'utf8');
    } catch {
      return cache;
    }
    const problem = cache.load(text);
    if (problem) {
      cache.entries.clear();
      cache.discarded = problem;
    }
    return cache;
  }

  private load(text: string): string | undefined {
    const newline = text.indexOf('\n');
    if (newline < 0) return 'no header';
    let header: Header;
    let body: Record<string, StoredEntry>;
    try {
      header = JSON.parse(text.slice(0, newline)) as Header;
    } catch {
      return 'unreadable header';
    }
    if (header.format !== FORMAT || header.version !== VERSION) return `format ${header.format} v${header.version}`;
    const rest = text.slice(newline + 1);
    if (sha256(rest) !== header.checksum) return 'checksum mismatch';
    try {
      body = JSON.parse(rest) as Record<string, StoredEntry>;
    } catch {
      return 'unreadable body';
    }
    for (const [file, stored] of Object.entries(body)) {
      if (!stored || typeof stored.key !== 'string' || !stored.content || !stored.stamp) continue;
      const { key, content, stamp, empty } = stored;
      const deps = Array.isArray(stored.deps) ? stored.deps : undefined;
      if (stored.result?.path === file) this.entries.set(file, { key, content, stamp, result: stored.result, deps });
      else if (empty) this.entries.set(file, { key, content, stamp, deps, result: { path: file, ...(empty.language ? { language: empty.language } : {}), findings: [], suppressed: [], exceptions: [], notices: [], lines: empty.lines, parsed: empty.parsed } });
    }
    return undefined;
  }

  /** The content id recorded for this file, if its stat says it has not changed since it was hashed. */
  knownContent(displayPath: string, stat: fs.Stats): ContentId | undefined {
    const entry = this.entries.get(displayPath);
    if (!entry) return undefined;
    const s = entry.stamp;
    const same = s.size === stat.size && s.mtimeMs === stat.mtimeMs && s.ctimeMs === stat.ctimeMs && s.ino === stat.ino;
    return same && stat.mtimeMs < s.hashedAt - RACY_MS ? entry.content : undefined;
  }

  /**
   * The stored result for this file, if its key matches and every file it depended on (imported
   * constants, configuration) still has the content it had: `hashOf` gives a dependency's hash now.
   */
  get(displayPath: string, key: string, hashOf: (dependency: string) => string | undefined): FileAnalysis | undefined {
    this.touched.add(displayPath);
    const entry = this.entries.get(displayPath);
    if (!entry || entry.key !== key) return undefined;
    return (entry.deps ?? []).every((d) => hashOf(d.path) === d.hash) ? entry.result : undefined;
  }

  set(displayPath: string, key: string, content: ContentId, stamp: FileStamp, result: FileAnalysis, deps?: Dependency[]): void {
    this.touched.add(displayPath);
    this.entries.set(displayPath, { key, content, stamp, result, ...(deps && deps.length > 0 ? { deps } : {}) });
    this.changed = true;
  }

  /** Records a new stat for an entry whose content was read again and found unchanged. */
  restamp(displayPath: string, stamp: FileStamp): void {
    const entry = this.entries.get(displayPath);
    if (!entry) return;
    entry.stamp = stamp;
    this.changed = true;
  }

  /**
   * Writes the cache atomically, when this run stored anything. Entries of files this run did not
   * look at are kept while the file exists (another scan of another folder may need them).
   */
  save(root: string): void {
    if (!this.changed) return;
    const body: Record<string, StoredEntry> = {};
    for (const [file, { key, content, stamp, result, deps }] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!this.touched.has(file) && !fs.existsSync(path.resolve(root, file))) continue;
      const depsPart = deps ? { deps } : {};
      body[file] = isEmpty(result) ? { key, content, stamp, empty: { lines: result.lines, parsed: result.parsed, language: result.language }, ...depsPart } : { key, content, stamp, result, ...depsPart };
    }
    const rest = JSON.stringify(body);
    const header: Header = { format: FORMAT, version: VERSION, checksum: sha256(rest) };
    const target = path.join(this.dir, CACHE_FILE);
    const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(tmp, `${JSON.stringify(header)}\n${rest}`);
      fs.renameSync(tmp, target);
    } catch {
      // A cache that cannot be written costs time on the next run, never correctness.
      fs.rmSync(tmp, { force: true });
    }
  }
}
