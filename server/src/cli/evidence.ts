/**
 * `ehi-lint evidence [paths] -o evidence/`: the compliance evidence pack a compliance officer hands
 * to an auditor. Scans like `ehi-lint` (the output folder itself is left out), builds the pack model
 * (`evidence/model.ts`) and writes `index.html`, `exceptions.html`, `exceptions.json`,
 * `coverage.json` and `findings.sarif`. Two runs on the same commit write the same bytes but for
 * `generatedAt` (set `SOURCE_DATE_EPOCH` to fix that too).
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../../rules';
import type { RegisterEntry } from '../core/annotations/register';
import { discover } from '../core/discover';
import { repositoryState } from '../evidence/history';
import { buildEvidencePack, CoverageRow, EvidencePack } from '../evidence/model';
import { ConfigFile, configFileFilter } from '../settings/config-file';
import { resolveSettings, UserConfig } from '../settings/settings';
import type { CliOptions } from './args';
import { UsageError } from './args';
import { evidenceExceptionsHtml, evidenceIndexHtml } from './format/evidence-html';
import { summarise } from './format/report';
import { formatSarif } from './format/sarif';
import { reportBase } from './report-base';
import { displayPath, runAnalysis, WorkerPool } from './run';

export interface EvidenceSetup {
  options: CliOptions;
  cwd: string;
  now: Date;
  configFile: ConfigFile | undefined;
  config: UserConfig;
  register: { dir: string; entries: RegisterEntry[]; file?: string };
  pool: WorkerPool | undefined;
}

/** The pack's timestamp: `SOURCE_DATE_EPOCH` (seconds) when set, as reproducible builds use it; otherwise now. */
export function packTimestamp(now: Date, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const when = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return when.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function writeEvidence({ options, cwd, now, configFile, config, register, pool }: EvidenceSetup): Promise<{ folder: string; pack: EvidencePack }> {
  const folder = path.resolve(cwd, options.output!);
  const discovered = await discover(options.paths, cwd, {
    includeTests: options.includeTests,
    filter: configFile ? { accept: configFileFilter(configFile), reason: `excluded by ${displayPath(cwd, configFile.file)}` } : undefined,
  });
  // The pack's own folder is output, not code: a second run must not scan the first one's files.
  const inOutput = (file: string): boolean => file === folder || file.startsWith(folder + path.sep);
  const files = discovered.files.filter((f) => !inOutput(f));
  const rows: CoverageRow[] = [];
  const run = await runAnalysis({
    files,
    root: cwd,
    config,
    register,
    prefilter: options.prefilter,
    jobs: options.jobs,
    now,
    pool,
    onFile: (r) => rows.push({ path: r.path, ...(r.language ? { language: r.language } : {}), lines: r.lines, parsed: r.parsed, notices: r.notices.map((n) => n.message) }),
  });
  const settings = resolveSettings(RULES, config, { now });
  const registerPath = register.file ? displayPath(cwd, register.file) : undefined;
  let registerText: string | undefined;
  if (register.file) {
    try {
      registerText = fs.readFileSync(register.file, 'utf8');
    } catch {
      registerText = undefined;
    }
  }
  const generatedAt = packTimestamp(now);
  const pack = await buildEvidencePack({
    root: cwd,
    files: run.reports,
    coverage: rows,
    skipped: discovered.skipped,
    rules: RULES,
    enabled: settings.rules,
    auditPattern: settings.options.auditPattern,
    ...(registerPath !== undefined && registerText !== undefined ? { register: { path: registerPath, text: registerText } } : {}),
    now,
    generatedAt,
    scope: { paths: options.paths, ...(configFile ? { config: displayPath(cwd, configFile.file) } : {}) },
    repository: await repositoryState(gitFolder(path.resolve(cwd, options.paths[0]))),
    ...(options.linkBase ? { linkBase: options.linkBase } : {}),
    read: async (file) => {
      try {
        return await fs.promises.readFile(path.resolve(cwd, file), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  const sarif = formatSarif({
    root: cwd,
    base: reportBase(options, cwd),
    files: run.reports,
    skipped: discovered.skipped,
    rules: RULES,
    summary: summarise(run.reports, run.filesAnalysed, run.lines),
    now,
    scope: { paths: options.paths },
    links: { from: folder },
  });
  const outputs: [string, string][] = [
    ['index.html', evidenceIndexHtml(pack)],
    ['exceptions.html', evidenceExceptionsHtml(pack.exceptions, cwd, folder)],
    ['exceptions.json', JSON.stringify(pack.exceptions, null, 2) + '\n'],
    ['coverage.json', JSON.stringify(pack.coverage, null, 2) + '\n'],
    ['findings.sarif', sarif],
  ];
  try {
    fs.mkdirSync(folder, { recursive: true });
    for (const [name, text] of outputs) fs.writeFileSync(path.join(folder, name), text);
  } catch (err) {
    throw new UsageError(`cannot write ${options.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return { folder, pack };
}

/** The folder whose repository the pack describes: the first scanned path's (a file's folder). */
function gitFolder(first: string): string {
  try {
    return fs.statSync(first).isDirectory() ? first : path.dirname(first);
  } catch {
    return path.dirname(first);
  }
}
