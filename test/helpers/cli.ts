/** Runs the `ehi-lint` command line as a child process, as a user or CI would. */
import { spawnSync } from 'child_process';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO, 'bin', 'ehi-lint.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from the compiled sources (`out/`), or the bundle with `{ bundled: true }`. */
export function runCli(args: string[], options: { cwd?: string; bundled?: boolean; input?: string } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (options.bundled) delete env.EHI_LINT_FROM_SOURCES;
  else env.EHI_LINT_FROM_SOURCES = '1';
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env, encoding: 'utf8', input: options.input, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
