/**
 * Language-server latency: time from `textDocument/didChange` to the `publishDiagnostics` for that
 * version, on a generated 5,000-line TypeScript file with findings and annotations in it. Reported
 * as median and p95 over sequential edits, once with no quiet time (the cost of analysing and
 * publishing) and once with the default quiet time (what a user waits for after their last key).
 *
 *   npm run bench:lsp            (uses the bundled server, dist/server.js)
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createProtocolConnection, PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';

const ROOT = path.resolve(__dirname, '..', '..');
const LINES = 5000;
const EDITS = Number(process.env.EHI_BENCH_EDITS ?? 40);

/** A deterministic Express service: route handlers, some throttled, some documented, with filler logic. */
export function generateTypeScript(lines: number): string {
  const out = [
    "import express from 'express';",
    "import rateLimit from 'express-rate-limit';",
    "import { auditLog } from './audit';",
    '',
    'const app = express();',
    'const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });',
    '',
  ];
  let i = 0;
  while (out.length < lines - 12) {
    const resource = ['Patient', 'Observation', 'Condition', 'Encounter', 'Procedure', 'Immunization'][i % 6];
    switch (i % 5) {
      case 0:
        out.push(`app.get('/fhir/r4/${resource}/${i}', fhirLimiter, read${resource});`);
        break;
      case 1:
        out.push(
          `app.get('/fhir/r4/${resource}/${i}/history', async (req, res) => {`,
          `  auditLog.record({ event: 'ehi-exception', rule: 'unjustified-throttle', exception: 'health-it-performance' });`,
          '  // ehi-exception: health-it-performance',
          `  //   reason: History index ${i} is rebuilt nightly`,
          '  //   kind: unplanned-maintenance',
          '  //   max-duration: PT2H',
          '  //   owner: fhir-platform-team',
          '  //   review-by: 2099-06-30',
          '  await sleep(250);',
          `  res.json(await history('${resource}', req.params));`,
          '});',
        );
        break;
      default:
        out.push(
          `export function summarise${i}(items: { id: string; value: number }[]): Record<string, number> {`,
          '  const totals: Record<string, number> = {};',
          '  for (const item of items) {',
          '    if (item.value > 0) totals[item.id] = (totals[item.id] ?? 0) + item.value;',
          "    else totals[item.id] = Math.max(totals[item.id] ?? 0, 0);",
          '  }',
          `  return totals; // block ${i}`,
          '}',
        );
    }
    out.push('');
    i++;
  }
  while (out.length < lines) out.push(`// end of generated file, line ${out.length + 1}`);
  return out.join('\n') + '\n';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(serverMain: string, debounceMs: number, text: string): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehi-lint-bench-'));
  const file = path.join(dir, 'service.ts');
  fs.writeFileSync(file, text);
  const child = spawn(process.execPath, [serverMain, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<number, (at: bigint) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const at = process.hrtime.bigint();
    if (p.version !== undefined) waiting.get(p.version)?.(at);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const uri = pathToFileURL(file).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } } },
  });
  await connection.sendNotification('initialized', {});
  const published = (version: number) => new Promise<bigint>((resolve) => waiting.set(version, resolve));
  const first = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
  await first;
  const lines = text.split('\n');
  const samples: number[] = [];
  for (let version = 2; version < EDITS + 2; version++) {
    // Type one character into a line in the middle of the file, as a user would.
    const line = Math.floor(lines.length / 2) + (version % 20);
    const character = lines[line].length;
    const done = published(version);
    const sent = process.hrtime.bigint();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ' ' }],
    });
    lines[line] += ' ';
    samples.push(Number((await done) - sent) / 1e6);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
  return samples;
}

async function main(): Promise<void> {
  const bundled = path.join(ROOT, 'dist', 'server.js');
  const serverMain = fs.existsSync(bundled) ? bundled : path.join(ROOT, 'out', 'server', 'src', 'lsp', 'main.js');
  const text = generateTypeScript(LINES);
  console.log(`ehi-lint language server: didChange → publishDiagnostics on a ${text.split('\n').length - 1}-line TypeScript file (${Math.round(text.length / 1024)} KiB), ${EDITS} sequential one-character edits, ${path.relative(ROOT, serverMain)}, Node ${process.version}, ${os.cpus().length} cores`);
  for (const debounce of [0, DEFAULT_SETTINGS.debounceMs]) {
    const samples = (await measure(serverMain, debounce, text)).sort((a, b) => a - b);
    const label = debounce === 0 ? 'no quiet time (analysis + protocol)' : `default quiet time of ${debounce} ms`;
    console.log(`  ${label.padEnd(38)} median ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, min ${samples[0].toFixed(1)} ms, max ${samples[samples.length - 1].toFixed(1)} ms`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
