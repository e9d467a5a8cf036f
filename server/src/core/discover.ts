/**
 * Which files a scan reads: the given files, and below the given folders every file of a format the
 * core reads, honouring .gitignore files (at every level) and skipping dependencies, build output
 * and the folders `ehi-lint evidence` writes.
 */
import * as fs from 'fs';
import ignore, { Ignore } from 'ignore';
import * as path from 'path';
import { isTestPath } from './test-code';
import { formatForPath } from './language';


/** Folders never searched: dependencies, build output, VCS and tool state. */
export const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  'build',
  'target',
  'bin',
  'obj',
  'coverage',
  '.next',
  '.nuxt',
  '.turbo',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.gradle',
  '.idea',
  '.vscode-test',
  'vendor',
  '.ehi-lint-cache',
]);

export interface Discovered {
  /** Absolute paths of files to analyse, sorted. */
  files: string[];
  /** Paths given on the command line that are not analysed, with the reason. */
  skipped: { path: string; reason: string }[];
  /** What each folder given was found to hold and what was left out of it (to explain an empty scan). */
  folders: { path: string; tally: Tally }[];
}

/** Files (and folders) below a searched folder, by what became of them. */
export interface Tally {
  files: number;
  gitignored: number;
  /** Left out by the configuration's include/exclude. */
  excluded: number;
  tests: number;
  /** Of a format ehi-lint does not read. */
  unsupported: number;
  /** Dependency, build-output and tool folders skipped. */
  skippedFolders: number;
}

interface IgnoreLayer {
  dir: string;
  rules: Ignore;
  text: string;
}

export const READ_EXTENSIONS = '.ts .tsx .js .jsx .mjs .cjs .java .cs .py .json .yaml .yml .xml .properties';

export interface DiscoverOptions {
  /** Also search test folders and test files (left out by default: test code is not a practice). */
  includeTests?: boolean;
  /** Files the configuration leaves out: silently below folders, with a reason when named on the command line. */
  filter?: DiscoveryFilter;
}

export interface DiscoveryFilter {
  accept(file: string): boolean;
  reason: string;
}

export async function discover(inputs: string[], cwd: string, options: DiscoverOptions = {}): Promise<Discovered> {
  const { filter } = options;
  const files = new Set<string>();
  const skipped: { path: string; reason: string }[] = [];
  const folders: Discovered['folders'] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(absolute);
    } catch (err) {
      throw new DiscoveryError(`${input}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message}`);
    }
    if (stat.isDirectory()) {
      // A folder named explicitly is searched even when a .gitignore above it ignores it: the rules
      // that ignore the folder itself are set aside for it; the others (`*.min.js`) still apply.
      const layers = ancestorsIgnores(absolute).map((layer) => unignoring(layer, absolute));
      const tally: Tally = { files: 0, gitignored: 0, excluded: 0, tests: 0, unsupported: 0, skippedFolders: 0 };
      await walk(absolute, layers, files, { testRoot: options.includeTests ? undefined : absolute, filter, tally });
      folders.push({ path: input, tally });
    } else if (stat.isFile()) {
      // A file named explicitly is analysed even when a .gitignore ignores it (as git add -f would take it).
      const reason = notRead(absolute, filter);
      if (reason) skipped.push({ path: input, reason });
      else files.add(absolute);
    } else {
      skipped.push({ path: input, reason: `not a regular file (${specialKind(stat)}); not analysed` });
    }
  }
  return { files: [...files].sort(), skipped, folders };
}

function notRead(absolute: string, filter: DiscoveryFilter | undefined): string | undefined {
  if (!formatForPath(absolute)) return `not a file ehi-lint reads (${path.extname(absolute) || 'no extension'}); it reads ${READ_EXTENSIONS}`;
  if (filter && !filter.accept(absolute)) return filter.reason;
  return undefined;
}

/**
 * Why a file given by name only (text on standard input, `--stdin-filename`) would not be scanned
 * in a folder scan: a format ehi-lint does not read, the configuration, a .gitignore, a dependency
 * or build folder, test code. Undefined when it would be. The file need not exist.
 */
export function whyNotScanned(file: string, options: { root: string; includeTests?: boolean; filter?: DiscoveryFilter }): string | undefined {
  const absolute = path.resolve(file);
  const reason = notRead(absolute, options.filter);
  if (reason) return reason;
  const relative = relativeTo(options.root, absolute);
  const inside = relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
  const folders = inside ? relative.split('/').slice(0, -1) : [];
  const skippedFolder = folders.find((f) => SKIPPED_DIRECTORIES.has(f));
  if (skippedFolder) return `in ${skippedFolder}/, a dependency, build or tool folder ehi-lint does not search`;
  const own = readIgnore(path.dirname(absolute));
  const layers = [...ancestorsIgnores(path.dirname(absolute)), ...(own ? [own] : [])];
  if (isIgnored(layers, absolute, false)) return 'ignored by .gitignore';
  if (!options.includeTests && inside && isTestPath(relative)) return 'test code (scanned with --include-tests)';
  return undefined;
}

/** The layer without the rules that ignore `folder` itself (or a folder above it). */
function unignoring(layer: IgnoreLayer, folder: string): IgnoreLayer {
  const relative = path.relative(layer.dir, folder).split(path.sep).join('/');
  if (!relative || relative.startsWith('..')) return layer;
  let current = layer;
  for (let i = 0; i < 20; i++) {
    const verdict = current.rules.test(`${relative}/`);
    if (!verdict.ignored || !verdict.rule) return current;
    const pattern = verdict.rule.pattern;
    const text = current.text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== pattern)
      .join('\n');
    if (text === current.text) return current;
    current = { dir: layer.dir, rules: ignore().add(text), text };
  }
  return current;
}

export class DiscoveryError extends Error {}

/** What a path that is neither a folder nor a regular file is. */
function specialKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'a special file';
}

/** .gitignore files of the folders above a scanned folder, up to the repository root. */
function ancestorsIgnores(dir: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  let current = path.dirname(dir);
  const chain: string[] = [];
  while (true) {
    chain.unshift(current);
    if (fs.existsSync(path.join(current, '.git'))) break;
    const parent = path.dirname(current);
    if (parent === current) return [];
    current = parent;
  }
  for (const d of chain) {
    const layer = readIgnore(d);
    if (layer) layers.push(layer);
  }
  return layers;
}

function readIgnore(dir: string): IgnoreLayer | undefined {
  const file = path.join(dir, '.gitignore');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return { dir, rules: ignore().add(text), text };
}

function isIgnored(layers: IgnoreLayer[], absolute: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const relative = path.relative(layer.dir, absolute).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) continue;
    if (layer.rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

/** The files that make a folder an evidence pack written by `ehi-lint evidence`. */
export const EVIDENCE_PACK_FILES = ['exceptions.json', 'coverage.json', 'findings.sarif'];

/** A folder `ehi-lint evidence` wrote is output, not code: its JSON quotes the code it describes. */
function isEvidencePack(entries: fs.Dirent[]): boolean {
  return EVIDENCE_PACK_FILES.every((name) => entries.some((e) => e.isFile() && e.name === name));
}

interface WalkOptions {
  /** Leave out test code below this folder (paths are judged relative to it). */
  testRoot?: string;
  filter?: DiscoveryFilter;
  tally?: Tally;
}

async function walk(dir: string, inherited: IgnoreLayer[], out: Set<string>, options: WalkOptions): Promise<void> {
  const { testRoot, filter } = options;
  const tally = options.tally ?? { files: 0, gitignored: 0, excluded: 0, tests: 0, unsupported: 0, skippedFolders: 0 };
  const own = readIgnore(dir);
  const layers = own ? [...inherited, own] : inherited;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  if (isEvidencePack(entries)) return;
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) {
        tally.skippedFolders++;
        continue;
      }
      if (isIgnored(layers, absolute, true)) {
        tally.gitignored++;
        continue;
      }
      if (testRoot && isTestPath(`${relativeTo(testRoot, absolute)}/x`)) {
        tally.tests++;
        continue;
      }
      await walk(absolute, layers, out, options);
    } else if (entry.isFile()) {
      if (!formatForPath(absolute)) tally.unsupported++;
      else if (isIgnored(layers, absolute, false)) tally.gitignored++;
      else if (testRoot && isTestPath(relativeTo(testRoot, absolute))) tally.tests++;
      else if (filter && !filter.accept(absolute)) tally.excluded++;
      else {
        tally.files++;
        out.add(absolute);
      }
    }
  }
}

/** `absolute` relative to `root`, with `/`; for the paths discovery builds (root + names) a slice does. */
export function relativeTo(root: string, absolute: string): string {
  const relative = absolute.startsWith(root + path.sep) ? absolute.slice(root.length + 1) : path.relative(root, absolute);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
