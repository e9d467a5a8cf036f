/**
 * `npm run bench:large`: analysis time and peak memory on single-line files of 1, 5 and 10 MB of
 * every kind the core reads, and how the time grows: 10 MB must take at most 12 times as long as
 * 1 MB (linear, with room for noise), however the file is written. Each measurement runs in a
 * fresh process, so memory and caches do not carry over.
 *
 *   npm run bench:large [-- --sizes 1,5,10 --kind json]
 */
import { spawnSync } from 'child_process';
import { RULES } from '../rules';
import { analyzeText } from '../server/src/core/engine';
import { resolveSettings } from '../server/src/settings/settings';

const MB = 1024 * 1024;
export const MAX_GROWTH = 12;

/** Repeats `unit(i)` until the text is `bytes` long, between `head` and `tail`: one line. */
function fill(bytes: number, head: string, unit: (i: number) => string, sep: string, tail: string): string {
  const parts: string[] = [head];
  let length = head.length + tail.length;
  for (let i = 0; length < bytes; i++) {
    const piece = (i > 0 ? sep : '') + unit(i);
    parts.push(piece);
    length += piece.length;
  }
  parts.push(tail);
  return parts.join('');
}

const TYPES = ['Patient', 'Observation', 'DocumentReference', 'Condition', 'MedicationRequest'];

/** One single-line file per kind, with the words the rules look for, so that every rule runs. */
export const KINDS: Record<string, { file: string; make(bytes: number): string }> = {
  typescript: {
    file: 'src/routes.ts',
    make: (n) =>
      fill(n, "import rateLimit from 'express-rate-limit'; const routes = [", (i) => `{ path: '/fhir/r4/${TYPES[i % 5]}/${i}', limiter: rateLimit({ windowMs: 60000, max: ${i % 90} }), note: 'fax ' + 'x${i}' }`, ', ', '];'),
  },
  javascript: {
    file: 'src/routes.js',
    make: (n) => fill(n, 'const app = express(); ', (i) => `app.get('/fhir/r4/${TYPES[i % 5]}/${i}', (req, res) => res.status(403).send('Denied per policy ${i}'));`, ' ', ''),
  },
  java: {
    file: 'src/Routes.java',
    make: (n) => fill(n, 'class Routes { String[] paths = {', (i) => `"/fhir/r4/${TYPES[i % 5]}/" + ${i} + "/$export"`, ', ', '}; }'),
  },
  csharp: {
    file: 'src/Routes.cs',
    make: (n) => fill(n, 'class Routes { void M() { var limits = new[] {', (i) => `new RateLimit { Path = "/fhir/r4/${TYPES[i % 5]}", PermitLimit = ${i % 90} }`, ', ', '}; } }'),
  },
  python: {
    file: 'src/routes.py',
    make: (n) => fill(n, 'ROUTES = [', (i) => `{"path": "/fhir/r4/${TYPES[i % 5]}/${i}", "rate_limit": "${i % 90}/minute", "fax": f"x{${i}}"}`, ', ', ']'),
  },
  json: {
    file: 'config/capability.json',
    make: (n) => fill(n, '{"resourceType":"CapabilityStatement","rest":[{"mode":"server","resource":[', (i) => `{"type":"${TYPES[i % 5]}","interaction":[{"code":"read"},{"code":"search-type"}],"note":"fax ${i}"}`, ',', ']}]}'),
  },
  yaml: {
    file: 'config/application.yaml',
    make: (n) => fill(n, '{hapi: {fhir: {bulk_export_enabled: false, supported_resource_types: [', (i) => `${TYPES[i % 5]}${i}`, ', ', ']}}, rateLimit: {max: 30}}'),
  },
  xml: {
    file: 'config/CapabilityStatement.xml',
    make: (n) => fill(n, '<CapabilityStatement xmlns="http://hl7.org/fhir"><rest><mode value="server"/>', (i) => `<resource><type value="${TYPES[i % 5]}"/><interaction><code value="read"/></interaction></resource>`, '', '</rest></CapabilityStatement>'),
  },
  mirth: {
    file: 'channels/lab-channel.xml',
    make: (n) =>
      fill(n, '<channel><name>Lab</name><sourceConnector><transformer><steps><step><script>', (i) => `if (msg['OBX'][${i}]['OBX.11'].toString() == 'P') { logger.info('fax ${i}'); }`, ' ', '</script></step></steps></transformer></sourceConnector></channel>'),
  },
  properties: {
    file: 'config/application.properties',
    make: (n) => fill(n, 'hapi.fhir.supported_resource_types=', (i) => `${TYPES[i % 5]}${i}`, ',', ''),
  },
  register: {
    file: 'ehi-exceptions.yaml',
    make: (n) => fill(n, '[', (i) => `{file: config/app${i}.json, at: /a/${i}, exception: privacy, reason: "At the patient's request ${i}", sub-exception: individual-request, owner: him}`, ', ', ']'),
  },
};

interface Measurement {
  ms: number;
  rssMb: number;
  findings: number;
  notices: string[];
}

/** In this process: one file of `kind`, `mb` MB long. */
async function measureHere(kind: string, mb: number): Promise<Measurement> {
  const spec = KINDS[kind];
  const settings = { ...resolveSettings(RULES, {}, { now: new Date('2026-06-01T12:00:00Z') }), maxBytes: 64 * MB };
  // Grammars and rules are loaded before the clock starts.
  await analyzeText(spec.file, spec.make(2000), settings);
  const text = spec.make(mb * MB);
  const started = process.hrtime.bigint();
  const result = await analyzeText(spec.file, text, settings);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, rssMb: process.resourceUsage().maxRSS / 1024, findings: result.findings.length, notices: result.notices.map((n) => `${n.code}: ${n.message}`) };
}

function measure(kind: string, mb: number): Measurement {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--one', kind, String(mb)], { encoding: 'utf8', timeout: 15 * 60_000 });
  if (r.status !== 0) throw new Error(`${kind} ${mb} MB: ${r.error?.message ?? r.signal ?? r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout) as Measurement;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--one') {
    process.stdout.write(JSON.stringify(await measureHere(argv[1], Number(argv[2]))));
    return 0;
  }
  let sizes = [1, 5, 10];
  let kinds = Object.keys(KINDS);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') sizes = argv[++i].split(',').map(Number);
    else if (argv[i] === '--kind') kinds = argv[++i].split(',');
    else throw new Error(`unknown option ${argv[i]} (--sizes 1,5,10, --kind K[,K])`);
  }
  for (const k of kinds) if (!KINDS[k]) throw new Error(`unknown kind ${k}; kinds: ${Object.keys(KINDS).join(', ')}`);
  process.stdout.write(`single-line files; time to analyse (peak RSS); growth = ${sizes.at(-1)} MB time / ${sizes[0]} MB time, at most ${MAX_GROWTH}\n\n`);
  process.stdout.write(`${'kind'.padEnd(11)}${sizes.map((s) => `${s} MB`.padStart(20)).join('')}  growth  findings\n`);
  let failed = 0;
  for (const kind of kinds) {
    const row = sizes.map((mb) => measure(kind, mb));
    const growth = row[row.length - 1].ms / Math.max(1, row[0].ms);
    const ok = growth <= MAX_GROWTH;
    if (!ok) failed++;
    const cells = row.map((m) => `${(m.ms / 1000).toFixed(2)} s (${Math.round(m.rssMb)} MB)`.padStart(20)).join('');
    process.stdout.write(`${kind.padEnd(11)}${cells}  ${growth.toFixed(1).padStart(5)}${ok ? ' ' : '!'}  ${row.map((m) => m.findings).join('/')}${row.some((m) => m.notices.length) ? `  notices: ${[...new Set(row.flatMap((m) => m.notices))].join('; ').slice(0, 200)}` : ''}\n`);
  }
  process.stdout.write(failed > 0 ? `\n${failed} kind(s) grow faster than ${MAX_GROWTH}x\n` : '\nevery kind grows linearly\n');
  return failed > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(`bench:large: ${err.message}\n`);
      process.exitCode = 2;
    },
  );
}
