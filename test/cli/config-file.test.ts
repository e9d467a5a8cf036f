/**
 * `ehi-lint.config.json`: discovery, every setting, the errors for a broken file (exit 2, one line
 * naming file, line, column and problem), `--init`, and the JSON Schema that editors use.
 */
import * as assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../rules';
import { CONFIG_FILE_NAME, configFileFilter, findConfigFile, parseConfigText, SCHEMA_FILE, SCHEMA_URL } from '../../server/src/settings/config-file';
import { ConfigError } from '../../server/src/settings/settings';
import { expectedSchema } from '../../scripts/gen-schema';
import { REPO, runCli, tempDir, write } from '../helpers/cli';

const THROTTLED = `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const limiter = rateLimit({ windowMs: 60_000, max: 30 });
app.get('/fhir/r4/Patient/:id', limiter, (req, res) => res.json({}));
`;

/** An EHI route that tells clients to come back in two minutes. */
const RETRY_AFTER_120 = `import express from 'express';
const app = express();
app.get('/fhir/r4/Patient/:id', (req, res) => {
  res.set('Retry-After', '120');
  res.status(503).end();
});
`;

function schemaValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, SCHEMA_FILE), 'utf8')));
}

function parse(text: string) {
  return parseConfigText(text, '/project/ehi-lint.config.json', 'ehi-lint.config.json', RULES);
}

function parseError(text: string): string {
  try {
    parse(text);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.message;
  }
  return assert.fail('expected a ConfigError');
}

/** Configs the loader rejects, with its message; the schema must reject them too. */
const BROKEN: [string, string][] = [
  ['{ "rules": { "unjustified-throttle": "warn" } }', 'ehi-lint.config.json:1:38: rules.unjustified-throttle: level must be off, info, warning or error (got "warn")'],
  ['{\n  "rules": {\n    "no-such-rule": "off"\n  }\n}', 'ehi-lint.config.json:3:5: unknown rule "no-such-rule" (see ehi-lint --list-rules)'],
  ['{ "rule": {} }', 'ehi-lint.config.json:1:3: unknown setting "rule" (expected $schema, rules, include, exclude, audit, register, maxFileBytes)'],
  ['{ "include": "src/**" }', 'ehi-lint.config.json:1:14: include must be an array of glob patterns (got a string)'],
  ['{ "exclude": [42] }', 'ehi-lint.config.json:1:15: exclude item must be a string (got a number)'],
  ['{ "audit": { "pattern": 3 } }', 'ehi-lint.config.json:1:25: audit.pattern must be a string (got a number)'],
  ['{ "audit": { "templates": { "cobol": "AUDIT." } } }', 'ehi-lint.config.json:1:29: audit.templates: unknown language "cobol" (expected typescript, javascript, java, csharp, python, mirth)'],
  ['{ "audit": { "when": "always" } }', 'ehi-lint.config.json:1:14: unknown setting "audit.when" (expected pattern, templates)'],
  ['{ "register": "" }', 'ehi-lint.config.json:1:15: register must be a path to the exception register (YAML), relative to this file'],
  ['{ "maxFileBytes": -1 }', 'ehi-lint.config.json:1:19: maxFileBytes must be a positive whole number of bytes (got -1)'],
  ['{ "rules": { "unjustified-throttle": ["error", "fast"] } }', 'ehi-lint.config.json:1:48: rules.unjustified-throttle: the second item must be an object of rule options (got a string)'],
  ['{ "rules": { "unjustified-throttle": ["error", { "retryAfter": 600 }] } }', 'ehi-lint.config.json:1:50: rules.unjustified-throttle: unknown option "retryAfter" (expected retryAfterSeconds)'],
  ['{ "rules": { "unjustified-throttle": ["error", { "retryAfterSeconds": "600" }] } }', 'ehi-lint.config.json:1:71: rules.unjustified-throttle: option retryAfterSeconds must be a whole number, at least 1 (got "600")'],
  ['{ "rules": { "unjustified-throttle": ["error", { "retryAfterSeconds": 0 }] } }', 'ehi-lint.config.json:1:71: rules.unjustified-throttle: option retryAfterSeconds must be a whole number, at least 1 (got 0)'],
  ['{ "rules": { "unjustified-throttle": ["error", { "retryAfterSeconds": 1.5 }] } }', 'ehi-lint.config.json:1:71: rules.unjustified-throttle: option retryAfterSeconds must be a whole number, at least 1 (got 1.5)'],
  ['{ "rules": { "data-class-filter": ["info", { "extra": true }] } }', 'ehi-lint.config.json:1:46: rules.data-class-filter: unknown option "extra" (this rule has no options)'],
  ['[]', 'ehi-lint.config.json:1:1: must be a JSON object, not an array'],
];

describe('ehi-lint.config.json', function () {
  this.timeout(60_000);

  it('reads every setting', () => {
    const config = parse(`{
      // comments and trailing commas are allowed
      "$schema": "${SCHEMA_URL}",
      "rules": { "unjustified-throttle": ["error", { "retryAfterSeconds": 300 }], "fax-only-manner": "off", "data-class-filter": ["info"] },
      "include": ["src/**", "./config/*.yaml"],
      "exclude": ["**/generated/**"],
      "audit": { "pattern": "auditTrail|recordAccess", "templates": { "typescript": "audit.record({rule})", "python": "audit.record({rule!r})" } },
      "register": "compliance/register.yaml",
      "maxFileBytes": 100000,
    }`);
    assert.deepEqual(config.user, {
      rules: { 'unjustified-throttle': ['error', { retryAfterSeconds: 300 }], 'fax-only-manner': 'off', 'data-class-filter': ['info', {}] },
      auditPattern: 'auditTrail|recordAccess',
      maxFileBytes: 100000,
    });
    assert.deepEqual(config.include, ['src/**', 'config/*.yaml']);
    assert.deepEqual(config.exclude, ['**/generated/**']);
    assert.deepEqual(config.auditTemplates, { typescript: 'audit.record({rule})', python: 'audit.record({rule!r})' });
    assert.equal(config.register, path.resolve('/project/compliance/register.yaml'));
    assert.equal(config.registerConfigured, true);
    const accept = configFileFilter(config);
    assert.equal(accept('/project/src/a.ts'), true);
    assert.equal(accept('/project/src/generated/a.ts'), false);
    assert.equal(accept('/project/config/app.yaml'), true);
    assert.equal(accept('/project/test/a.ts'), false);
    assert.equal(accept('/elsewhere/a.ts'), true, 'files outside the config folder are not filtered');
  });

  it('reports a broken file with file, line, column and the problem', () => {
    for (const [text, message] of BROKEN) assert.equal(parseError(text), message, text);
    assert.equal(parseError('{ "rules": { "a": 1 }, }x'), 'ehi-lint.config.json:1:25: invalid JSON: unexpected character');
    assert.match(parseError('{\n  "rules": {\n    "unjustified-throttle": "off"\n  \n'), /^ehi-lint\.config\.json:5:1: invalid JSON: a closing \} was expected$/);
    assert.equal(parseError('{ "include": [], "include": ["a"] }'), 'ehi-lint.config.json:1:18: "include" is set twice');
    assert.equal(parseError('x'), 'ehi-lint.config.json:1:1: invalid JSON: unexpected character');
    assert.equal(parseError('// nothing yet\n'), 'ehi-lint.config.json:1:1: the file is empty; it must hold a JSON object (run `ehi-lint --init` for a starter)');
    assert.equal(parseError(''), 'ehi-lint.config.json:1:1: the file is empty; it must hold a JSON object (run `ehi-lint --init` for a starter)');
    assert.match(parseError('{ "audit": { "pattern": "(" } }'), /^ehi-lint\.config\.json:1:25: audit\.pattern is not a valid regular expression: /);
  });

  it('the shipped JSON Schema is up to date, and rejects what the loader rejects', () => {
    assert.equal(fs.readFileSync(path.join(REPO, SCHEMA_FILE), 'utf8'), expectedSchema(), `${SCHEMA_FILE} is out of date: run npm run docs`);
    const validate = schemaValidator();
    for (const [text] of BROKEN) assert.equal(validate(JSON.parse(text)), false, `the schema accepts ${text}`);
    const rules = (JSON.parse(expectedSchema()) as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties;
    assert.deepEqual(Object.keys(rules), RULES.map((r) => r.meta.id), 'every rule is offered for completion');
    for (const options of [{}, { retryAfterSeconds: 600 }]) {
      assert.equal(validate({ rules: { 'unjustified-throttle': ['warning', options] } }), true, `the schema rejects ${JSON.stringify(options)}`);
    }
    const throttle = rules['unjustified-throttle'] as { oneOf: [unknown, { items: [unknown, { properties: Record<string, { default: unknown; description: string }> }] }] };
    const offered = throttle.oneOf[1].items[1].properties.retryAfterSeconds;
    assert.equal(offered.default, 60, 'the editor completes an option with its default');
    assert.ok(offered.description.length > 20, 'and explains it on hover');
  });

  it('package.json contributes the schema to VS Code for ehi-lint.config.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const entry = (pkg.contributes?.jsonValidation ?? []).find((v: { fileMatch: string }) => v.fileMatch === CONFIG_FILE_NAME);
    assert.ok(entry, 'a jsonValidation entry for ehi-lint.config.json');
    assert.ok(fs.existsSync(path.join(REPO, entry.url)), `${entry.url} exists`);
  });

  it('--init writes a starter that loads, follows the schema and references it; it never overwrites', () => {
    const dir = tempDir('init');
    const first = runCli(['--init'], { cwd: dir });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^wrote ehi-lint\.config\.json/);
    const text = fs.readFileSync(path.join(dir, CONFIG_FILE_NAME), 'utf8');
    const json = JSON.parse(text);
    assert.equal(json.$schema, SCHEMA_URL);
    assert.ok(schemaValidator()(json), 'the starter follows the schema');
    assert.deepEqual(parseConfigText(text, path.join(dir, CONFIG_FILE_NAME), CONFIG_FILE_NAME, RULES).user.rules, Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.severity])));
    const again = runCli(['--init'], { cwd: dir });
    assert.equal(again.status, 2);
    assert.equal(again.stderr, 'ehi-lint: ehi-lint.config.json: already exists; edit it, or remove it to start again\n');

    // In a project with ehi-lint installed, the reference is the installed copy of the schema.
    const project = tempDir('init-local');
    write(project, { [`node_modules/ehi-lint/${SCHEMA_FILE}`]: '{}' });
    assert.equal(runCli(['--init'], { cwd: project }).status, 0);
    assert.equal(JSON.parse(fs.readFileSync(path.join(project, CONFIG_FILE_NAME), 'utf8')).$schema, `./node_modules/ehi-lint/${SCHEMA_FILE}`);
  });

  it('is found by walking up from the scanned path, stopping at the repository root', () => {
    const dir = tempDir('find');
    write(dir, { '.git/HEAD': 'ref: refs/heads/main\n', [CONFIG_FILE_NAME]: '{}', 'packages/api/src/routes.ts': THROTTLED });
    assert.equal(findConfigFile(path.join(dir, 'packages/api/src/routes.ts')), path.join(dir, CONFIG_FILE_NAME));
    assert.equal(findConfigFile(path.join(dir, 'packages/api')), path.join(dir, CONFIG_FILE_NAME));
    write(dir, { [`packages/api/${CONFIG_FILE_NAME}`]: '{}' });
    assert.equal(findConfigFile(path.join(dir, 'packages/api/src')), path.join(dir, 'packages/api', CONFIG_FILE_NAME));
    const nested = path.join(dir, 'vendor-repo');
    write(nested, { '.git/HEAD': 'ref: refs/heads/main\n', 'a.ts': '' });
    assert.equal(findConfigFile(path.join(nested, 'a.ts')), undefined, 'not above the repository root');
  });

  it('applies rule levels (flags win), include/exclude globs and the register path in a scan', () => {
    const dir = tempDir('apply');
    write(dir, {
      [CONFIG_FILE_NAME]: JSON.stringify({ rules: { 'unjustified-throttle': 'error' }, exclude: ['src/generated/**'], register: 'compliance/exceptions.yaml' }),
      'src/routes.ts': THROTTLED,
      'src/generated/routes.ts': THROTTLED,
      'compliance/exceptions.yaml': `- file: ../src/routes.ts\n  line: 5\n  exception: security\n  reason: Scripted scrapers of patient search\n  risk: scraping\n  basis: policy\n  owner: security-office\n  review-by: 2999-01-01\n`,
    });
    const json = (args: string[]) => JSON.parse(runCli(['-f', 'json', ...args], { cwd: dir }).stdout);
    const documented = json(['src']);
    assert.deepEqual(documented.files.map((f: { path: string }) => f.path), ['src/routes.ts'], 'generated code excluded');
    assert.equal(documented.files[0].findings.length, 0);
    assert.equal(documented.files[0].suppressed.length, 1, 'documented by the configured register');

    fs.rmSync(path.join(dir, 'compliance'), { recursive: true });
    const missing = runCli(['src'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'ehi-lint: ehi-lint.config.json: register "compliance/exceptions.yaml" cannot be read: ENOENT\n');

    write(dir, { [CONFIG_FILE_NAME]: JSON.stringify({ rules: { 'unjustified-throttle': 'error' }, exclude: ['src/generated/**'] }) });
    const strict = runCli(['src'], { cwd: dir });
    assert.equal(strict.status, 1, 'error-level finding from the config');
    assert.match(strict.stdout, /error/);
    assert.equal(runCli(['--rule', 'unjustified-throttle=warning', 'src'], { cwd: dir }).status, 0, '--rule overrides the config');
    assert.match(runCli(['src/generated/routes.ts'], { cwd: dir }).stderr, /nothing to scan: src\/generated\/routes\.ts: excluded by ehi-lint\.config\.json/);
    const named = json(['src/generated/routes.ts', '--no-error-on-unmatched-pattern']);
    assert.deepEqual(named.skipped, [{ path: 'src/generated/routes.ts', reason: 'excluded by ehi-lint.config.json' }]);
  });

  it('hands a rule its options from the file, defaults otherwise; --rule changes the level and keeps them', () => {
    const dir = tempDir('options');
    write(dir, { 'src/routes.ts': RETRY_AFTER_120 });
    const retryAfter = (args: string[] = []) =>
      (JSON.parse(runCli(['-f', 'json', ...args, 'src'], { cwd: dir }).stdout).files[0]?.findings ?? []).filter((f: { message: string }) => f.message.startsWith('Retry-After')).map((f: { severity: string }) => f.severity);
    assert.deepEqual(retryAfter(), ['warning'], 'by default a Retry-After of 60 s or more is flagged');
    write(dir, { [CONFIG_FILE_NAME]: JSON.stringify({ rules: { 'unjustified-throttle': ['warning', { retryAfterSeconds: 600 }] } }) });
    assert.deepEqual(retryAfter(), [], 'the file raises the threshold above 120 s');
    assert.deepEqual(retryAfter(['--rule', 'unjustified-throttle=error']), [], '--rule keeps the options');
    write(dir, { [CONFIG_FILE_NAME]: JSON.stringify({ rules: { 'unjustified-throttle': ['warning', { retryAfterSeconds: 100 }] } }) });
    assert.deepEqual(retryAfter(['--rule', 'unjustified-throttle=error']), ['error']);
    write(dir, { [CONFIG_FILE_NAME]: '{\n  "rules": {\n    "unjustified-throttle": ["warning", { "retryAfterSeconds": -1 }]\n  }\n}\n' });
    const broken = runCli(['src'], { cwd: dir });
    assert.equal(broken.status, 2);
    assert.equal(broken.stderr, 'ehi-lint: ehi-lint.config.json:3:64: rules.unjustified-throttle: option retryAfterSeconds must be a whole number, at least 1 (got -1)\n');
  });

  it('a broken config or a missing --config file: exit 2 and one line on stderr', () => {
    const dir = tempDir('broken');
    write(dir, { [CONFIG_FILE_NAME]: '{\n  "rules": { "unjustified-throttle": "loud" }\n}\n', 'a.ts': THROTTLED });
    const broken = runCli(['.'], { cwd: dir });
    assert.equal(broken.status, 2);
    assert.equal(broken.stderr, 'ehi-lint: ehi-lint.config.json:2:38: rules.unjustified-throttle: level must be off, info, warning or error (got "loud")\n');
    assert.equal(broken.stdout, '');
    const missing = runCli(['--config', 'nope.json', '.'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'ehi-lint: nope.json: no such config file\n');
    write(dir, { 'other.json': '{ "rules": { "unjustified-throttle": "off" } }' });
    const other = runCli(['--config', 'other.json', '-f', 'json', '.'], { cwd: dir });
    assert.equal(other.status, 0, other.stderr);
    assert.equal(JSON.parse(other.stdout).summary.warnings, 0, '--config replaces the nearest file');
  });
});
