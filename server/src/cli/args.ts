/**
 * Command-line arguments. Hand-written so every mistake gets one clear line naming the option.
 */
import { isRuleLevel, RuleLevel } from '../settings/settings';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  command: 'lint' | 'lsp' | 'help' | 'version' | 'list-rules' | 'init' | 'merge' | 'evidence';
  paths: string[];
  format: Format;
  output?: string;
  maxWarnings?: number;
  rules: Record<string, RuleLevel>;
  /** Worker threads; default: one per core. */
  jobs?: number;
  /** Parse every file even without trigger words (for checking the prefilter). */
  prefilter: boolean;
  /** Print timing and peak memory to stderr. */
  stats: boolean;
  /** Print the stack of an internal error. */
  debug: boolean;
  /** Only error-level findings. */
  quiet: boolean;
  /** Also scan test folders and files. */
  includeTests: boolean;
  color: boolean;
  /** `lsp --stdio` and friends. */
  lspTransport?: string;
  /** `--config FILE`: the config file, instead of the nearest `ehi-lint.config.json`. */
  config?: string;
  /** `--changed-since REF`: report only findings on lines changed since REF. */
  changedSince?: string;
  /** `--baseline FILE`: hide the findings recorded there. */
  baseline?: string;
  /** `--update-baseline`: write the current findings to the baseline file. */
  updateBaseline: boolean;
  /** `--cache`: reuse results of unchanged files. */
  cache: boolean;
  cacheLocation?: string;
  /** `--shard K/N`: analyse the K-th of N deterministic parts of the files. */
  shard?: Shard;
  /** Prefix of links to source lines in markdown/html reports. */
  linkBase?: string;
  /** `--base-dir DIR`: what SARIF, github and gitlab paths are relative to (default: the repository root). */
  baseDir?: string;
  /** `--category NAME`: GitHub code scanning's category (SARIF `automationDetails.id`). */
  category?: string;
  /** `--stdin`: lint the text on standard input as the file `stdinFilename`. */
  stdin: boolean;
  stdinFilename?: string;
  /** `--report FORMAT=FILE` (repeatable): more reports of the same scan, each written to its file. */
  reports: { format: Format; file: string }[];
  /** Exit 2 when nothing is scanned (`--no-error-on-unmatched-pattern` turns it off). */
  errorOnUnmatchedPattern: boolean;
}

/** Colour unless told otherwise: FORCE_COLOR (not 0/false) forces it, FORCE_COLOR=0 or NO_COLOR turns it off, else a terminal gets it. */
export function defaultColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false', 'no', 'off'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

export interface Shard {
  index: number;
  count: number;
}

export class UsageError extends Error {}

export const HELP = `Usage: ehi-lint [options] [paths...]
       ehi-lint evidence [options] [paths...] [-o <folder>]
       ehi-lint lsp --stdio

Finds information-blocking practices (45 CFR Part 171) in EHR integration code and
FHIR/API configuration. Paths are files or folders (default: .); folders are searched
recursively, honouring .gitignore and skipping node_modules, build output, test code
and files of other types.

Options:
  -f, --format <name>      stylish (default), json, sarif, github (workflow annotations),
                           gitlab (Code Quality), junit, markdown or html (compliance report)
  -o, --output <file>      write the report to a file instead of standard output
      --report <format>=<file>
                           also write the same scan in another format to <file>
                           (repeatable; for CI: SARIF, annotations and a summary from one scan)
  -c, --config <file>      use this config file instead of the nearest ehi-lint.config.json
      --init               write a starter ehi-lint.config.json in the current folder
      --changed-since <ref>
                           report only findings on lines added or changed since <ref> (git)
      --baseline <file>    hide the findings recorded in this baseline file
      --update-baseline    write the current findings to the --baseline file
      --cache              reuse the results of unchanged files (.ehi-lint-cache/)
      --cache-location <dir>
                           where the cache lives
      --shard <k>/<n>      analyse the k-th of n parts of the files (for CI matrices)
      --link-base <url>    link findings in markdown/html reports to <url>/<path>#L<line>
      --base-dir <dir>     write sarif, github and gitlab paths relative to <dir>
                           (default: the git repository's root, else the current folder)
      --category <name>    the code-scanning category in SARIF (default: ehi-lint)
      --stdin              lint the text on standard input (needs --stdin-filename)
      --stdin-filename <path>
                           the file the text on standard input is: its extension picks
                           the language, and its place the config file and ignores
      --no-error-on-unmatched-pattern
                           exit 0, not 2, when nothing is left to scan
      --max-warnings <n>   exit with 1 when there are more than n warnings (n ≥ 0)
      --rule <id>=<level>  set a rule to off, info, warning or error (repeatable)
  -q, --quiet              report errors only (the summary says how many others are hidden)
      --include-tests      also scan test code (test folders, *.test.ts, *Tests.cs, test_*.py, ...)
  -j, --jobs <n>           worker threads (default: one per core)
      --no-prefilter       parse every file, even those without a rule's trigger words
      --stats              print files/s, lines/s and peak memory to stderr
      --color, --no-color  force or turn off colours (default: on for a terminal;
                           FORCE_COLOR=1 or FORCE_COLOR=0 and NO_COLOR are honoured)
      --debug              print the stack trace of an internal error
      --list-rules         list the rules with their languages and default severity
  -h, --help               show this help
  -v, --version            print the version

Commands:
  lsp --stdio              run the language server over standard input/output
  merge <a.sarif> <b.sarif>...  [-o out.sarif]
                           join the SARIF files of sharded runs into one
  evidence [paths...] [-o <folder>]
                           write the compliance evidence pack (default folder: evidence/):
                           index.html, exceptions.html, exceptions.json, coverage.json and
                           findings.sarif; takes --config, --rule, --include-tests, --jobs,
                           --link-base and --no-prefilter

Exit codes: 0 no error-level findings (and warnings within --max-warnings),
            1 findings, 2 usage or configuration error.
`;

export function parseArgs(argv: string[], knownRules: readonly string[]): CliOptions {
  const options: CliOptions = {
    command: 'lint',
    paths: [],
    format: 'stylish',
    rules: {},
    prefilter: true,
    stats: false,
    debug: false,
    quiet: false,
    includeTests: false,
    color: defaultColor(process.env, process.stdout.isTTY === true),
    updateBaseline: false,
    cache: false,
    stdin: false,
    reports: [],
    errorOnUnmatchedPattern: true,
  };
  let i = 0;
  if (argv[0] === 'lsp') {
    options.command = 'lsp';
    const transport = argv[1];
    if (!transport || !['--stdio', '--node-ipc'].includes(transport) && !transport.startsWith('--socket=') && !transport.startsWith('--pipe=')) {
      throw new UsageError('lsp needs a transport: ehi-lint lsp --stdio');
    }
    options.lspTransport = transport;
    return options;
  }
  if (argv[0] === 'merge' || argv[0] === 'evidence') {
    options.command = argv[0];
    i = 1;
  }
  const value = (name: string): string => {
    const v = argv[++i];
    if (v === undefined || (v.startsWith('-') && v.length > 1)) throw new UsageError(`option ${name} needs a value`);
    return v;
  };
  for (; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const take = (name: string): string => (inline !== undefined ? inline : value(name));
    switch (flag) {
      case '-h':
      case '--help':
        options.command = 'help';
        break;
      case '-v':
      case '--version':
        options.command = 'version';
        break;
      case '--list-rules':
        options.command = 'list-rules';
        break;
      case '-f':
      case '--format': {
        const f = take(flag);
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format "${f}" (expected ${FORMATS.join(', ')})`);
        options.format = f as Format;
        break;
      }
      case '-o':
      case '--output':
        options.output = take(flag);
        break;
      case '-c':
      case '--config':
        options.config = take(flag);
        break;
      case '--init':
        options.command = 'init';
        break;
      case '--changed-since': {
        const ref = take(flag);
        if (ref.trim() === '') throw new UsageError('--changed-since needs a git revision, for example --changed-since origin/main');
        options.changedSince = ref;
        break;
      }
      case '--baseline':
        options.baseline = take(flag);
        break;
      case '--update-baseline':
        options.updateBaseline = true;
        break;
      case '--cache':
        options.cache = true;
        break;
      case '--cache-location':
        options.cacheLocation = take(flag);
        options.cache = true;
        break;
      case '--shard': {
        const raw = take(flag);
        const m = /^(\d+)\/(\d+)$/.exec(raw);
        const index = m ? Number(m[1]) : 0;
        const count = m ? Number(m[2]) : 0;
        if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes <k>/<n> with 1 ≤ k ≤ n, for example --shard 2/3 (got "${raw}")`);
        options.shard = { index, count };
        break;
      }
      case '--base-dir':
        options.baseDir = take(flag);
        break;
      case '--category': {
        const raw = take(flag);
        if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/.test(raw)) throw new UsageError(`--category takes letters, digits and . _ : / - (got "${raw}")`);
        options.category = raw.replace(/\/+$/, '');
        break;
      }
      case '--report': {
        const raw = take(flag);
        const m = /^([a-z]+)=(.+)$/.exec(raw);
        if (!m || !(FORMATS as readonly string[]).includes(m[1])) throw new UsageError(`--report takes <format>=<file> with a format of ${FORMATS.join(', ')} (got "${raw}")`);
        options.reports.push({ format: m[1] as Format, file: m[2] });
        break;
      }
      case '--stdin':
        options.stdin = true;
        break;
      case '--stdin-filename':
        options.stdinFilename = take(flag);
        break;
      case '--no-error-on-unmatched-pattern':
        options.errorOnUnmatchedPattern = false;
        break;
      case '--link-base':
        options.linkBase = take(flag).replace(/\/+$/, '');
        break;
      case '--max-warnings': {
        // Taken as it is, so that a negative number gets its own message rather than "needs a value".
        const raw = inline ?? argv[++i];
        if (raw === undefined || raw === '') throw new UsageError('option --max-warnings needs a value: the number of warnings allowed, 0 or more');
        if (/^-\d+$/.test(raw)) throw new UsageError(`--max-warnings must be 0 or more (got ${raw}); use 0 to fail on any warning`);
        if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings needs a whole number, 0 or more (got "${raw}")`);
        options.maxWarnings = Number(raw);
        break;
      }
      case '--rule': {
        const raw = take(flag);
        const m = /^([a-z][a-z0-9-]*)=(\w+)$/.exec(raw);
        if (!m) throw new UsageError(`--rule takes <id>=<level>, for example --rule unjustified-throttle=error (got "${raw}")`);
        if (!knownRules.includes(m[1])) throw new UsageError(`unknown rule "${m[1]}" (see ehi-lint --list-rules)`);
        if (!isRuleLevel(m[2])) throw new UsageError(`--rule ${m[1]}: level must be off, info, warning or error (got "${m[2]}")`);
        options.rules[m[1]] = m[2];
        break;
      }
      case '-j':
      case '--jobs': {
        const raw = take(flag);
        if (!/^[1-9]\d*$/.test(raw)) throw new UsageError(`--jobs needs a positive whole number (got "${raw}")`);
        options.jobs = Number(raw);
        break;
      }
      case '-q':
      case '--quiet':
        options.quiet = true;
        break;
      case '--include-tests':
        options.includeTests = true;
        break;
      case '--no-prefilter':
        options.prefilter = false;
        break;
      case '--stats':
        options.stats = true;
        break;
      case '--debug':
        options.debug = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      case '--color':
        options.color = true;
        break;
      case '--':
        options.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option "${arg}" (see ehi-lint --help)`);
        options.paths.push(arg);
    }
  }
  if (options.command === 'merge') {
    if (options.paths.length === 0) throw new UsageError('merge needs the SARIF files to join: ehi-lint merge a.sarif b.sarif ... [-o out.sarif]');
    return options;
  }
  if (options.command === 'evidence') {
    const unsupported = [
      ['--changed-since', options.changedSince],
      ['--baseline', options.baseline],
      ['--shard', options.shard],
      ['--cache', options.cache || undefined],
    ].find(([, v]) => v !== undefined);
    if (unsupported) throw new UsageError(`evidence describes the whole scan: ${unsupported[0]} does not apply`);
    options.output ??= 'evidence';
  }
  if (options.updateBaseline && !options.baseline) throw new UsageError('--update-baseline needs --baseline <file> to say where the baseline goes');
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename names the text read with --stdin; add --stdin');
  if (options.stdin) {
    if (options.stdinFilename === undefined || options.stdinFilename.trim() === '') throw new UsageError('--stdin needs --stdin-filename <path>: the path decides the language, the config file and the ignores');
    if (options.paths.length > 0) throw new UsageError(`--stdin lints standard input only; remove the paths (${options.paths.join(' ')})`);
    if (options.updateBaseline || options.shard || options.changedSince || options.cache) throw new UsageError('--stdin cannot be combined with --update-baseline, --shard, --changed-since or --cache');
    // The named file stands for the scan's path: the config file and the repository are found from it.
    options.paths.push(options.stdinFilename);
    return options;
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}
