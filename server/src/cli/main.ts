/**
 * `ehi-lint`: the headless face of the analysis core, for CI and terminals.
 * Exit codes: 0 no error-level findings (and warnings within --max-warnings), 1 findings,
 * 2 usage or configuration error (one line on stderr).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { RULE_IDS, RULES } from '../../../rules';
import { CONFIG_FILE_NAME, ConfigFile, configFileFilter, findConfigFile, loadConfigFile, schemaReference, starterConfig } from '../settings/config-file';
import { languageList } from '../core/docs';
import type { FileAnalysis } from '../core/engine';
import { TOOL_NAME, TOOL_VERSION } from '../core/meta';
import { DEFAULT_REGISTER_FILE, parseRegister, RegisterEntry } from '../core/annotations/register';
import { ConfigError, UserConfig, withLevels } from '../settings/settings';
import { CliOptions, Format, HELP, parseArgs, UsageError } from './args';
import { applyBaseline, readBaseline, updatedBaseline, writeBaseline } from './baseline';
import { CACHE_DIRECTORY, ResultCache } from './cache';
import { discover, Discovered, DiscoveryError, READ_EXTENSIONS, whyNotScanned } from '../core/discover';
import { formatGithub } from './format/github';
import { formatGitlab } from './format/gitlab';
import { formatHtml } from './format/html';
import { formatJson } from './format/json';
import { formatJunit } from './format/junit';
import { formatMarkdown } from './format/markdown';
import { Report, summarise } from './format/report';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { writeEvidence } from './evidence';
import { changesOf, changesSince, ChangeSet, findingChanged, GitError } from './git';
import { mergeSarif, readSarif } from './merge';
import { cores, displayPath, runAnalysis, WorkerPool } from './run';
import { inShard } from './shard';
import { isDirectory, reportBase } from './report-base';

let wasmFlagsSet = false;

/** What the command line starts but does not contain: the language server, a face of its own. */
export interface OtherFaces {
  /** Starts the language server over the transport `ehi-lint lsp --stdio` named; it runs until the client exits. */
  startLanguageServer?: () => void;
}

export async function main(argv: string[], cwd = process.cwd(), faces: OtherFaces = {}): Promise<number> {
  // A scan is short: compiling the grammars' WebAssembly a second time with the optimizing compiler
  // (V8 tiers hot functions up in the background) costs more CPU than it saves. Measured on the
  // 200k-line bench corpus, 2 cores: three rules 1.5 s → 1.2 s; all rules unchanged (4.1 s). Set
  // before any grammar is compiled; worker threads share the process's flags. The language server,
  // which runs for hours, keeps V8's default.
  if (!wasmFlagsSet) {
    wasmFlagsSet = true;
    v8.setFlagsFromString('--liftoff-only');
  }
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
      process.stdout.write(
        RULES.map((r) => [`${r.meta.id.padEnd(24)} ${r.meta.severity.padEnd(8)} ${r.meta.title} [${languageList(r)}]`, ...(r.meta.docs.covers ?? []).map((c) => `    - ${c}`)].join('\n')).join('\n') + '\n',
      );
      return 0;
    case 'lsp': {
      if (!faces.startLanguageServer) return usageFailure(new UsageError('this build of ehi-lint has no language server'));
      faces.startLanguageServer();
      return new Promise<number>(() => undefined);
    }
    case 'init':
    case 'merge':
    case 'evidence':
    case 'lint':
      break;
  }
  try {
    if (options.command === 'init') return init(cwd);
    if (options.command === 'merge') return merge(options, cwd);
    if (options.command === 'evidence') return await evidence(options, cwd);
    return await lint(options, cwd);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof DiscoveryError || err instanceof GitError) return usageFailure(err);
    throw err;
  }
}

function usageFailure(err: unknown): number {
  process.stderr.write(`${TOOL_NAME}: ${(err as Error).message}\n`);
  return 2;
}

/** `--init`: a starter config in the current folder; never overwrites one. */
function init(cwd: string): number {
  const file = path.join(cwd, CONFIG_FILE_NAME);
  try {
    fs.writeFileSync(file, starterConfig(RULES, schemaReference(cwd)), { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${CONFIG_FILE_NAME}: ${code === 'EEXIST' ? 'already exists; edit it, or remove it to start again' : `cannot write: ${code ?? (err as Error).message}`}`);
  }
  process.stdout.write(`wrote ${CONFIG_FILE_NAME}: every rule at its default level; edit it to change rules, include/exclude globs, audit logging and the register path\n`);
  return 0;
}

/** `merge`: one SARIF log from the shards' logs. */
function merge(options: CliOptions, cwd: string): number {
  const logs = options.paths.map((file) => ({ file, log: readSarif(path.resolve(cwd, file)) }));
  writeOutput(JSON.stringify(mergeSarif(logs), null, 2) + '\n', options, cwd);
  return 0;
}

function writeOutput(text: string, options: CliOptions, cwd: string): void {
  if (!options.output) {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(cwd, options.output);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  } catch (err) {
    throw new UsageError(`cannot write ${options.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

const FORMATTERS: Record<Format, (report: Report, color: boolean) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  gitlab: formatGitlab,
  junit: formatJunit,
  markdown: formatMarkdown,
  html: formatHtml,
};

/** The config file for this scan: `--config`, else the nearest one above the first path. */
function configFor(options: CliOptions, cwd: string): ConfigFile | undefined {
  if (options.config) return loadConfigFile(path.resolve(cwd, options.config), options.config, RULES);
  const found = findConfigFile(path.resolve(cwd, options.paths[0]));
  return found ? loadConfigFile(found, displayPath(cwd, found), RULES) : undefined;
}

async function lint(options: CliOptions, cwd: string): Promise<number> {
  const started = process.hrtime.bigint();
  const now = new Date();
  const configFile = configFor(options, cwd);
  // `--rule ID=LEVEL` changes the level only: options the config file gives the rule still apply.
  const config: UserConfig = { ...configFile?.user, rules: withLevels(configFile?.user.rules, options.rules) };
  // Read before the scan, so that a bad baseline fails fast; one about to be created need not exist yet.
  const baselineFile = options.baseline ? path.resolve(cwd, options.baseline) : undefined;
  const baseline = baselineFile && (!options.updateBaseline || fs.existsSync(baselineFile)) ? readBaseline(baselineFile, cwd, options.baseline) : undefined;

  // Start the workers now when the scan is likely to need them (a folder, more than one core): they
  // load their modules while the files are discovered and read. A run that turns out small closes them.
  const parallel = options.jobs ?? cores();
  const pool = parallel > 1 && options.paths.some((p) => isDirectory(path.resolve(cwd, p))) ? new WorkerPool(parallel - 1) : undefined;
  try {
    return await scan(options, cwd, { started, now, configFile, config, baselineFile, baseline, pool });
  } finally {
    await pool?.close();
  }
}

/** `evidence`: the compliance evidence pack, written to the `-o` folder. */
async function evidence(options: CliOptions, cwd: string): Promise<number> {
  const now = new Date();
  const configFile = configFor(options, cwd);
  const config: UserConfig = { ...configFile?.user, rules: withLevels(configFile?.user.rules, options.rules) };
  const register = loadRegister(configFile, cwd);
  const parallel = options.jobs ?? cores();
  const pool = parallel > 1 && options.paths.some((p) => isDirectory(path.resolve(cwd, p))) ? new WorkerPool(parallel - 1) : undefined;
  try {
    const { folder, pack } = await writeEvidence({ options, cwd, now, configFile, config, register, pool });
    const { totals } = pack.exceptions;
    process.stderr.write(
      `${TOOL_NAME}: wrote the evidence pack to ${displayPath(cwd, folder)}/: ${totals.records} documented exception${totals.records === 1 ? '' : 's'}, ` +
        `${pack.coverage.findings.open} open finding${pack.coverage.findings.open === 1 ? '' : 's'}, ${pack.coverage.totals.files} files checked\n`,
    );
    return 0;
  } finally {
    await pool?.close();
  }
}

interface ScanContext {
  started: bigint;
  now: Date;
  configFile: ConfigFile | undefined;
  config: UserConfig;
  baselineFile: string | undefined;
  baseline: ReturnType<typeof readBaseline> | undefined;
  pool: WorkerPool | undefined;
}

async function scan(options: CliOptions, cwd: string, { started, now, configFile, config, baselineFile, baseline, pool }: ScanContext): Promise<number> {
  const filter = configFile ? { accept: configFileFilter(configFile), reason: `excluded by ${displayPath(cwd, configFile.file)}` } : undefined;
  let discovered: Discovered;
  let contents: Map<string, Uint8Array> | undefined;
  const base = reportBase(options, cwd);
  if (options.stdin) {
    // The text on standard input, as the file --stdin-filename names: skipped when a folder scan would skip that file.
    const file = path.resolve(cwd, options.stdinFilename!);
    const why = whyNotScanned(file, { root: configFile?.dir ?? base.dir, includeTests: options.includeTests, filter });
    const bytes = fs.readFileSync(0);
    discovered = why ? { files: [], skipped: [{ path: options.stdinFilename!, reason: why }], folders: [] } : { files: [file], skipped: [], folders: [] };
    contents = new Map([[file, bytes]]);
  } else {
    discovered = await discover(options.paths, cwd, { includeTests: options.includeTests, filter });
    if (discovered.files.length === 0 && options.errorOnUnmatchedPattern) throw new UsageError(`nothing to scan: ${whyEmpty(discovered)} (--no-error-on-unmatched-pattern accepts an empty scan)`);
  }
  let files = discovered.files;
  if (options.shard) files = files.filter((f) => inShard(displayPath(cwd, f), options.shard!));
  let changes: ChangeSet | undefined;
  if (options.changedSince) {
    const changeSet = (changes = changesSince(options.changedSince, cwd));
    files = files.filter((f) => changesOf(changeSet, f) !== undefined);
  }
  const register = loadRegister(configFile, cwd);
  const cache = options.cache && !options.stdin ? ResultCache.open(path.resolve(cwd, options.cacheLocation ?? path.join(configFile?.dir ?? cwd, CACHE_DIRECTORY))) : undefined;
  const run = await runAnalysis({ files, projectFiles: discovered.files, root: cwd, config, register, prefilter: options.prefilter, jobs: options.jobs, now, cache, pool, contents });

  let reports = run.reports;
  let activeBaseline = baseline;
  if (options.updateBaseline) {
    const analysed = new Set(files.map((f) => displayPath(cwd, f)));
    const entries = updatedBaseline(baseline?.entries ?? [], reports, analysed);
    writeBaseline(baselineFile!, cwd, entries, options.baseline);
    process.stderr.write(`${TOOL_NAME}: wrote ${options.baseline} (${entries.length} finding${entries.length === 1 ? '' : 's'})\n`);
    activeBaseline = { file: options.baseline!, entries };
  }
  // Baseline before the diff filter: an entry is matched in its own file first, so a copy of a
  // baselined line added elsewhere cannot take the entry of an unchanged original.
  let baselined = 0;
  if (activeBaseline) {
    const applied = applyBaseline(reports, activeBaseline);
    reports = applied.files;
    const changeSet = changes;
    baselined = changeSet ? applied.hidden.filter((h) => findingChanged(changesOf(changeSet, path.resolve(cwd, h.path)), h.finding)).length : applied.hidden.length;
  }
  if (changes) reports = onChangedLines(reports, changes, cwd);
  // --quiet shows errors only; the others are counted, so the summary can say they are there.
  const hidden = { warnings: 0, infos: 0 };
  if (options.quiet) {
    reports = reports.map((r) => {
      for (const f of r.findings) {
        if (f.severity === 'warning') hidden.warnings++;
        else if (f.severity === 'info') hidden.infos++;
      }
      return { ...r, findings: r.findings.filter((f) => f.severity === 'error') };
    });
  }
  reports = reports.filter((r) => r.findings.length > 0 || r.suppressed.length > 0 || r.notices.length > 0 || r.exceptions.length > 0);

  const report: Report = {
    root: cwd,
    files: reports,
    skipped: discovered.skipped,
    rules: RULES,
    summary: { ...summarise(reports, run.filesAnalysed, run.lines, baselined), ...(options.quiet ? { hidden } : {}) },
    now,
    scope: {
      paths: options.paths,
      config: configFile ? displayPath(cwd, configFile.file) : undefined,
      changedSince: options.changedSince,
      baseline: options.baseline,
      shard: options.shard ? `${options.shard.index}/${options.shard.count}` : undefined,
    },
    links: { base: options.linkBase, from: options.output ? path.dirname(path.resolve(cwd, options.output)) : cwd },
    base,
  };
  writeOutput(FORMATTERS[options.format](report, options.color && !options.output), options, cwd);
  // The same scan in more formats (--report): each to its file, links relative to where it is written.
  for (const extra of options.reports) {
    const from = path.dirname(path.resolve(cwd, extra.file));
    writeOutput(FORMATTERS[extra.format]({ ...report, links: { ...report.links, from } }, false), { ...options, output: extra.file }, cwd);
  }
  if (options.stats) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const cached = cache ? `, ${run.cached} from the cache${cache.discarded ? ` (stored cache ignored: ${cache.discarded})` : ''}` : '';
    process.stderr.write(
      `${TOOL_NAME} stats: ${run.filesAnalysed} files (${run.filesParsed} parsed${cached}), ${run.lines} lines in ${seconds.toFixed(3)} s: ` +
        `${Math.round(run.filesAnalysed / seconds)} files/s, ${Math.round(run.lines / seconds)} lines/s, peak RSS ${peakMb.toFixed(0)} MB\n`,
    );
  }
  // An internal error is a bug in ehi-lint: the other files were analysed, but the run is not clean (exit 2, as ESLint).
  const internal = reports.flatMap((r) => r.notices.filter((n) => n.code === 'internal').map((n) => ({ path: r.path, notice: n })));
  for (const { path: file, notice } of internal) {
    process.stderr.write(`${TOOL_NAME}: internal error in ${file}: ${notice.message}\n${options.debug && notice.stack ? `${notice.stack}\n` : ''}`);
  }
  if (internal.length > 0) return 2;
  const { errors } = report.summary;
  // Warnings hidden by --quiet still count against --max-warnings (as in ESLint).
  const warnings = report.summary.warnings + hidden.warnings;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`${TOOL_NAME} found ${warnings} warning${warnings === 1 ? '' : 's'}; the maximum is ${options.maxWarnings}\n`);
    return 1;
  }
  if (errors > 0) return 1;
  return 0;
}

/** Why a scan found nothing to analyse, for each path given. */
function whyEmpty(discovered: Discovered): string {
  const reasons: string[] = discovered.skipped.map((s) => `${s.path}: ${s.reason}`);
  for (const { path: folder, tally } of discovered.folders) {
    const left = [
      tally.gitignored > 0 ? `${tally.gitignored} ignored by .gitignore` : '',
      tally.excluded > 0 ? `${tally.excluded} excluded by the config file` : '',
      tally.tests > 0 ? `${tally.tests} test code (--include-tests scans it)` : '',
      tally.skippedFolders > 0 ? `${tally.skippedFolders} dependency or build folder${tally.skippedFolders === 1 ? '' : 's'}` : '',
    ].filter((x) => x);
    if (left.length > 0) reasons.push(`all files matched by ${folder} are ignored (${left.join(', ')}${tally.unsupported > 0 ? `; ${tally.unsupported} of types ehi-lint does not read` : ''})`);
    else if (tally.unsupported > 0) reasons.push(`${folder} holds no file ehi-lint reads (${tally.unsupported} of other types; it reads ${READ_EXTENSIONS})`);
    else reasons.push(`${folder} is empty`);
  }
  return reasons.join('; ');
}

/** Only the findings on changed lines (every file here changed: only those were analysed). */
function onChangedLines(reports: FileAnalysis[], changes: ChangeSet, root: string): FileAnalysis[] {
  return reports.map((r) => {
    const fileChanges = changesOf(changes, path.resolve(root, r.path));
    return {
      ...r,
      findings: r.findings.filter((f) => findingChanged(fileChanges, f)),
      suppressed: r.suppressed.filter((f) => findingChanged(fileChanges, f)),
    };
  });
}

/** The exception register: the config's `register` path, else `ehi-exceptions.yaml` beside the config (or in the scan root). */
function loadRegister(configFile: ConfigFile | undefined, root: string): { dir: string; entries: RegisterEntry[]; file?: string } {
  const file = configFile?.register ?? path.join(root, DEFAULT_REGISTER_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (configFile?.registerConfigured) {
      throw new ConfigError(`${displayPath(root, configFile.file)}: register "${displayPath(root, file)}" cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return { dir: path.dirname(file), entries: [] };
  }
  const register = parseRegister(displayPath(root, file), text);
  if (register.tooDeep) throw new ConfigError(`${displayPath(root, file)}: ${register.tooDeep}`);
  return { dir: path.dirname(file), entries: register.entries, file: path.resolve(file) };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      // One line; the stack only when asked for.
      const debug = process.argv.includes('--debug');
      process.stderr.write(`${TOOL_NAME}: internal error: ${String(err?.message ?? err).split('\n')[0]}${debug ? '' : ' (run with --debug for the stack)'}\n${debug && err?.stack ? `${err.stack}\n` : ''}`);
      process.exitCode = 2;
    },
  );
}
