/**
 * Which files a scan reads: the given files, and below the given folders every file of a format the
 * core reads, honouring .gitignore files (at every level) and skipping dependencies and build output.
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
}

interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

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
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(absolute);
    } catch (err) {
      throw new DiscoveryError(`${input}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message}`);
    }
    if (stat.isDirectory()) {
      await walk(absolute, ancestorsIgnores(absolute), files, { testRoot: options.includeTests ? undefined : absolute, filter });
    } else if (stat.isFile()) {
      if (formatForPath(absolute) && filter && !filter.accept(absolute)) skipped.push({ path: input, reason: filter.reason });
      else if (formatForPath(absolute)) files.add(absolute);
      else skipped.push({ path: input, reason: `not a file ehi-lint reads (${path.extname(absolute) || 'no extension'}); it reads .ts .tsx .js .jsx .mjs .cjs .java .cs .py .json .yaml .yml .xml .properties` });
    } else {
      skipped.push({ path: input, reason: `not a regular file (${specialKind(stat)}); not analysed` });
    }
  }
  return { files: [...files].sort(), skipped };
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
  return { dir, rules: ignore().add(text) };
}

function isIgnored(layers: IgnoreLayer[], absolute: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const relative = path.relative(layer.dir, absolute).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) continue;
    if (layer.rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

interface WalkOptions {
  /** Leave out test code below this folder (paths are judged relative to it). */
  testRoot?: string;
  filter?: DiscoveryFilter;
}

async function walk(dir: string, inherited: IgnoreLayer[], out: Set<string>, options: WalkOptions): Promise<void> {
  const { testRoot, filter } = options;
  const own = readIgnore(dir);
  const layers = own ? [...inherited, own] : inherited;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(layers, absolute, true)) continue;
      if (testRoot && isTestPath(`${relativeTo(testRoot, absolute)}/x`)) continue;
      await walk(absolute, layers, out, options);
    } else if (entry.isFile()) {
      if (!formatForPath(absolute) || isIgnored(layers, absolute, false)) continue;
      if (testRoot && isTestPath(relativeTo(testRoot, absolute))) continue;
      if (filter && !filter.accept(absolute)) continue;
      out.add(absolute);
    }
  }
}

/** `absolute` relative to `root`, with `/`; for the paths discovery builds (root + names) a slice does. */
export function relativeTo(root: string, absolute: string): string {
  const relative = absolute.startsWith(root + path.sep) ? absolute.slice(root.length + 1) : path.relative(root, absolute);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
