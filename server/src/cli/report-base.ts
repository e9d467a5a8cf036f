/** The folder report paths are relative to, shared by the scan and the evidence pack. */
import * as fs from 'fs';
import * as path from 'path';
import { CliOptions, UsageError } from './args';
import type { ReportBase } from './format/report';
import { DEFAULT_CATEGORY } from './format/sarif';
import { readRepository } from './repository';

/**
 * What code hosts' paths are relative to: `--base-dir`, else the root of the repository holding the
 * first path, else the working folder; so a scan from a subfolder or from outside the repository
 * names the same files the same way.
 */
export function reportBase(options: CliOptions, cwd: string): ReportBase {
  const category = options.category ?? DEFAULT_CATEGORY;
  const repository = readRepository(path.resolve(cwd, options.baseDir ?? options.paths[0] ?? '.'));
  if (options.baseDir) {
    const dir = path.resolve(cwd, options.baseDir);
    if (!isDirectory(dir)) throw new UsageError(`--base-dir ${options.baseDir}: not a folder`);
    return { dir, repository, category };
  }
  return { dir: repository?.root ?? cwd, repository, category };
}

export function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
