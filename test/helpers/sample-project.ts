/**
 * A small project with every kind of result a report shows: open findings of each rule, exceptions
 * documented in comments and in the register (one due for review within 30 days, one past its
 * review date), a file with a syntax error and a binary file. Review dates are relative to `now`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export function isoDay(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function writeSampleProject(dir: string, now = new Date()): void {
  const files: Record<string, string | Buffer> = {
    'src/routes.ts': `import express from 'express';
import rateLimit from 'express-rate-limit';
import { readPatient, searchObservations, everything, auditLog } from './fhir-store';

const app = express();
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });

app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);

app.get('/fhir/r4/Observation', async (req, res) => {
  auditLog.record({ event: 'ehi-exception', rule: 'unjustified-throttle', exception: 'health-it-performance' });
  // ehi-exception: health-it-performance
  //   reason: Observation search is paused while the nightly reindex runs
  //   kind: planned-maintenance
  //   max-duration: PT30M
  //   agreement: SLA-2026-04 section 3
  //   owner: fhir-platform-team
  //   review-by: ${isoDay(now, 12)}
  await new Promise((resolve) => setTimeout(resolve, 1500));
  res.json(await searchObservations(req.query));
});

app.get('/fhir/r4/Patient/:id/$everything', async (req, res) => {
  auditLog.record({ event: 'ehi-exception', rule: 'unjustified-throttle', exception: 'security' });
  // ehi-exception: security
  //   reason: Bulk $everything is slowed for a client under investigation for scraping
  //   risk: credential-stuffing scrapers exhaust the record service
  //   basis: policy
  //   owner: security-office
  //   review-by: ${isoDay(now, 200)}
  await new Promise((resolve) => setTimeout(resolve, 5000));
  res.json(await everything(req.params.id));
});

app.get('/fhir/r4/Condition', async (req, res) => {
  // ehi-exception: security
  //   reason: Temporary slowdown while a vulnerability was patched
  //   risk: an injection flaw in the Condition search
  //   basis: policy
  //   owner: security-office
  //   review-by: ${isoDay(now, -5)}
  await new Promise((resolve) => setTimeout(resolve, 2500));
  res.json([]);
});
`,
    'src/release_of_information.py': `from .transports import send_fax

RELEASE_CHANNELS = ["fax", "mail"]


def deliver(request):
    return send_fax(request.fax_number, request.document)
`,
    'config/portal-settings.json': JSON.stringify({ releaseOfInformation: { deliveryMethods: ['fax', 'mail'], turnaroundDays: 10 } }, null, 2) + '\n',
    'src/broken.ts': `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const limiter = rateLimit({ windowMs: 1000, max: 1 });
app.get('/fhir/r4/Encounter', limiter, (req, res) => res.json([]);
function (((
`,
    'assets/export.json': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]),
    'ehi-exceptions.yaml': `- file: config/portal-settings.json
  at: /releaseOfInformation/deliveryMethods
  rule: fax-only-manner
  exception: manner
  reason: Patients asked for paper copies; electronic release is offered through the portal
  requested: paper copy by mail
  alternative: certified-health-it
  owner: him-department
  review-by: ${isoDay(now, 25)}
`,
  };
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
}

/** The remote the sample repository names: with credentials, which no report may repeat. */
export const SAMPLE_REMOTE = 'https://ci-bot:s3cret-token@github.com/acme/ehr-integrations.git';

/**
 * The sample project as a git repository with history: a first commit with everything, a second that
 * renews the security exception's reason, and `SAMPLE_REMOTE` as `origin`. Commit dates are fixed
 * (2026-01-05 and 2026-03-02), so the history the evidence pack reads is the same on every run.
 */
export function writeSampleRepository(dir: string, now = new Date()): void {
  writeSampleProject(dir, now);
  const run = (args: string[], date?: string): void => {
    const env = { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
    const r = spawnSync('git', ['-c', 'user.name=Compliance Engineer', '-c', 'user.email=ce@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  };
  run(['init', '-q', '-b', 'main']);
  run(['add', '-A']);
  run(['commit', '-q', '-m', 'Document the FHIR throttles and the paper-copy exception'], '2026-01-05T10:00:00Z');
  const routes = path.join(dir, 'src/routes.ts');
  fs.writeFileSync(routes, fs.readFileSync(routes, 'utf8').replace('is slowed for a client under investigation for scraping', 'is slowed for clients flagged by the scraping detector'));
  run(['commit', '-q', '-am', 'Renew the scraping exception after the SEC-88 review'], '2026-03-02T09:30:00Z');
  run(['remote', 'add', 'origin', SAMPLE_REMOTE]);
}
