/**
 * `ehi-lint`: the headless face of the analysis core, for CI and terminals.
 * Exit codes: 0 no error-level findings (and warnings within --max-warnings), 1 findings,
 * 2 usage or configuration error (one line on stderr).
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS, RULES } from '../../../rules';
import { languageList } from '../core/docs';
import { TOOL_NAME, TOOL_VERSION } from '../core/meta';
import { DEFAULT_REGISTER_FILE, parseRegister, RegisterEntry } from '../core/register';
import { ConfigError, UserConfig } from '../core/settings';
import { CliOptions, HELP, parseArgs, UsageError } from './args';
import { discover, DiscoveryError } from './discover';
import { formatJson } from './format/json';
import { Report, summarise } from './format/report';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { runAnalysis } from './run';

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv, RULE_IDS);
  } catch (err) {
    return usageFailure(err);
  }
  switch (options.command) {
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'version':
      process.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`);
      return 0;
    case 'list-rules':
      process.stdout.write(RULES.map((r) => `${r.meta.id.padEnd(24)} ${r.meta.severity.padEnd(8)} ${r.meta.title} [${languageList(r)}]`).join('\n') + '\n');
      return 0;
    case 'lsp': {
      // Loaded only for this command: the protocol libraries are not needed for a scan.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startServer } = require('../lsp/server') as typeof import('../lsp/server');
      startServer();
      return new Promise<number>(() => undefined);
    }
    case 'lint':
      break;
  }
  try {
    return await lint(options, cwd);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof DiscoveryError) return usageFailure(err);
    throw err;
  }
}

function usageFailure(err: unknown): number {
  process.stderr.write(`${TOOL_NAME}: ${(err as Error).message}\n`);
  return 2;
}

async function lint(options: CliOptions, cwd: string): Promise<number> {
  const started = process.hrtime.bigint();
  const config: UserConfig = { rules: { ...options.rules } };
  if (options.quiet) for (const r of RULES) if (r.meta.severity !== 'error' && !options.rules[r.meta.id]) config.rules![r.meta.id] = 'off';
  const { files, skipped } = await discover(options.paths, cwd, { includeTests: options.includeTests });
  const register = loadRegister(cwd);
  const run = await runAnalysis({ files, root: cwd, config, register, prefilter: options.prefilter, jobs: options.jobs });
  const report: Report = {
    root: cwd,
    files: run.reports,
    skipped,
    rules: RULES,
    summary: summarise(run.reports, run.filesAnalysed, run.lines),
  };
  const text = options.format === 'json' ? formatJson(report) : options.format === 'sarif' ? formatSarif(report) : formatStylish(report, options.color && !options.output);
  if (options.output) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(cwd, options.output)), { recursive: true });
      fs.writeFileSync(path.resolve(cwd, options.output), text);
    } catch (err) {
      throw new UsageError(`cannot write ${options.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  } else process.stdout.write(text);
  if (options.stats) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    process.stderr.write(
      `${TOOL_NAME} stats: ${run.filesAnalysed} files (${run.filesParsed} parsed), ${run.lines} lines in ${seconds.toFixed(3)} s: ` +
        `${Math.round(run.filesAnalysed / seconds)} files/s, ${Math.round(run.lines / seconds)} lines/s, peak RSS ${peakMb.toFixed(0)} MB\n`,
    );
  }
  const { errors, warnings } = report.summary;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}

/** The exception register at the scan root, if there is one. */
function loadRegister(root: string): { dir: string; entries: RegisterEntry[] } {
  const file = path.join(root, DEFAULT_REGISTER_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { dir: root, entries: [] };
  }
  return { dir: root, entries: parseRegister(DEFAULT_REGISTER_FILE, text).entries };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(`${TOOL_NAME}: internal error: ${err.stack ?? err.message}\n`);
      process.exitCode = 2;
    },
  );
}
