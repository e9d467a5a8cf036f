/**
 * Code hosts map report paths onto repository files: SARIF, `github` and `gitlab` output name files
 * relative to the repository root (or `--base-dir`), whatever the working folder, and SARIF carries
 * what GitHub code scanning reads (provenance, category, precision, line hashes, related links)
 * without leaking the machine's absolute paths or the remote's credentials.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { publicRemoteUrl, readRepository } from '../../server/src/cli/repository';
import { commitAll, git, gitRepo, runCli, tempDir, write } from '../helpers/cli';
import { assertValidSarif } from '../helpers/sarif-schema';

const ROUTES = `import rateLimit from 'express-rate-limit';
const fhirLimiter = rateLimit({ windowMs: 60_000, max: 30 });
app.get('/fhir/r4/Patient/:id', fhirLimiter, readPatient);
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Sarif = any;

describe('repository-relative paths and code-scanning fields', function () {
  this.timeout(60_000);
  let repo: string;
  before(() => {
    repo = gitRepo('repo-paths');
    write(repo, { 'services/api/routes.ts': ROUTES, 'README.md': 'x' });
    git(repo, 'remote', 'add', 'origin', 'https://ci-bot:s3cret-token@github.com/acme/ehr.git');
    commitAll(repo, 'first');
  });

  const uris = (log: Sarif): string[] => log.runs[0].results.map((r: Sarif) => `${r.locations[0].physicalLocation.artifactLocation.uriBaseId}:${r.locations[0].physicalLocation.artifactLocation.uri}`);

  it('SARIF gives the same repo-relative URIs from the root, a subfolder and outside the repository', () => {
    const fromRoot = runCli(['-f', 'sarif'], { cwd: repo });
    const fromSub = runCli(['-f', 'sarif', 'api'], { cwd: path.join(repo, 'services') });
    const fromOutside = runCli(['-f', 'sarif', path.basename(repo)], { cwd: path.dirname(repo) });
    const logs = [fromRoot, fromSub, fromOutside].map((r) => {
      assert.equal(r.status, 0, r.stderr);
      assert.ok(!r.stdout.includes(repo), 'no absolute path in the log');
      return assertValidSarif(r.stdout);
    });
    assert.deepEqual(uris(logs[0]), ['SRCROOT:services/api/routes.ts']);
    assert.deepEqual(uris(logs[1]), uris(logs[0]));
    assert.deepEqual(uris(logs[2]), uris(logs[0]));
    assert.equal(logs[0].runs[0].originalUriBaseIds.SRCROOT.uri, undefined);
  });

  it('github and gitlab name files relative to the repository root too', () => {
    for (const cwd of [repo, path.join(repo, 'services', 'api')]) {
      const github = runCli(['-f', 'github'], { cwd }).stdout;
      assert.match(github, /^::warning file=services\/api\/routes\.ts,line=3,/m, github);
      const gitlab = JSON.parse(runCli(['-f', 'gitlab'], { cwd }).stdout);
      assert.deepEqual(gitlab.map((i: Sarif) => i.location.path), ['services/api/routes.ts']);
    }
  });

  it('--base-dir names the folder paths are relative to', () => {
    const log = assertValidSarif(runCli(['-f', 'sarif', '--base-dir', 'services'], { cwd: repo }).stdout);
    assert.deepEqual(uris(log), ['SRCROOT:api/routes.ts']);
    assert.equal(log.runs[0].versionControlProvenance, undefined, 'SRCROOT is not the repository root, so it is not mapped to the repository');
    assert.equal(runCli(['-f', 'sarif', '--base-dir', 'nowhere'], { cwd: repo }).status, 2);
  });

  it('SARIF carries provenance, category, precision, problem.severity, line hashes and related-location links', () => {
    const log = assertValidSarif(runCli(['-f', 'sarif', '--category', 'ehi-lint-api'], { cwd: path.join(repo, 'services') }).stdout);
    const run = log.runs[0];
    const head = git(repo, 'rev-parse', 'HEAD').trim();
    assert.deepEqual(run.versionControlProvenance, [{ repositoryUri: 'https://github.com/acme/ehr.git', revisionId: head, branch: 'main', mappedTo: { uriBaseId: 'SRCROOT' } }]);
    assert.equal(run.automationDetails.id, 'ehi-lint-api/');
    for (const rule of run.tool.driver.rules) {
      assert.ok(['very-high', 'high', 'medium', 'low'].includes(rule.properties.precision), rule.id);
      assert.ok(['error', 'warning', 'recommendation'].includes(rule.properties['problem.severity']), rule.id);
    }
    const [result] = run.results;
    assert.match(result.partialFingerprints.primaryLocationLineHash, /^[0-9a-f]+:\d+$/);
    assert.ok(result.relatedLocations.length > 0);
    for (const related of result.relatedLocations) assert.ok(result.message.text.includes(`](${related.id})`), result.message.text);
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'services/api/routes.ts');
  });

  it('reads HEAD through packed refs, detached heads and linked worktrees, without running git', () => {
    git(repo, 'pack-refs', '--all');
    const head = git(repo, 'rev-parse', 'HEAD').trim();
    assert.deepEqual(readRepository(path.join(repo, 'services')), { root: repo, commit: head, branch: 'main', remote: 'https://github.com/acme/ehr.git' });
    const worktree = path.join(tempDir('repo-paths-wt'), 'wt');
    git(repo, 'worktree', 'add', '-q', '--detach', worktree);
    assert.deepEqual(readRepository(worktree), { root: worktree, commit: head, remote: 'https://github.com/acme/ehr.git' });
    assert.equal(readRepository(path.dirname(repo)), undefined);
    assert.equal(publicRemoteUrl('git@github.com:acme/ehr.git'), 'ssh://github.com/acme/ehr.git');
    assert.equal(publicRemoteUrl('file:///srv/git/ehr.git'), undefined);
    assert.ok(fs.existsSync(path.join(worktree, '.git')));
  });
});
