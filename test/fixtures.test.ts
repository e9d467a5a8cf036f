/**
 * The fixture runner: every file under `test-fixtures/<rule-id>/` is analysed with every rule at
 * its default severity; each `ruleid:` expectation must be met on its line, nothing else may be
 * reported, and every rule must have positive and negative cases in every language it declares.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../rules';
import { ProjectIndex } from '../server/src/analysis/project';
import { analyzeTextDetailed, DetailedAnalysis, FileAnalysis } from '../server/src/core/engine';
import { parseFile } from '../server/src/core/files';
import { resolveSettings } from '../server/src/settings/settings';
import { LineIndex } from '../server/src/core/text';
import { Expectation, readExpectations } from './fixture-expectations';
import { loadRegisterFor, registerAccessFor } from './helpers/register';
import { LanguageId, languageIdForPath } from '../server/src/core/language';


export const FIXTURES = path.resolve(__dirname, '..', '..', 'test-fixtures');
/** Fixtures are judged as of this date (annotation `review-by` dates are written around it). */
export const FIXTURE_NOW = new Date('2026-06-01T12:00:00Z');
/** Folders of `test-fixtures/` that hold other fixtures than a rule's (quick-fix inputs and their expected results). */
export const NON_RULE_FOLDERS = ['quick-fixes'];

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (languageIdForPath(full)) out.push(full);
  }
  return out;
}

export interface FixtureResult {
  analysis: FileAnalysis;
  /** With the annotations read and the parse, for the quick-fixes in the snapshots. */
  detail: DetailedAnalysis;
  text: string;
  expectations: Expectation[];
  language: LanguageId;
}

const projects = new Map<string, ProjectIndex>();

/**
 * The project a fixture belongs to, for value flow between files: its rule's folder. Cases that span
 * files (a constant imported from another module, a setting in `application.yml`) sit in a
 * sub-folder of their own, so that names do not meet across cases.
 */
export function fixtureProject(file: string): ProjectIndex {
  const ruleDir = path.join(FIXTURES, path.relative(FIXTURES, file).split(path.sep)[0]);
  let project = projects.get(ruleDir);
  if (!project) {
    project = new ProjectIndex({ root: FIXTURES, files: listFiles(ruleDir), display: (f) => path.relative(FIXTURES, f).split(path.sep).join('/') });
    projects.set(ruleDir, project);
  }
  return project;
}

export async function runFixture(file: string): Promise<FixtureResult> {
  const text = fs.readFileSync(file, 'utf8');
  const display = path.relative(FIXTURES, file).split(path.sep).join('/');
  const settings = { ...resolveSettings(RULES, {}, { now: FIXTURE_NOW, register: loadRegisterFor(file) }), registerFile: registerAccessFor(file), project: fixtureProject(file) };
  const detail = await analyzeTextDetailed(display, text, settings);
  const parsed = await parseFile(file, text);
  const expectations = readExpectations(parsed.comments, new LineIndex(text));
  return { analysis: detail.result, detail, text, expectations, language: parsed.language };
}

/** Differences between expectations and findings, as readable lines; empty when they agree. */
export function compare(result: FixtureResult): string[] {
  const problems: string[] = [];
  const found = new Map<string, string>();
  for (const f of result.analysis.findings) found.set(`${f.range.start.line}:${f.ruleId}`, f.message);
  const expected = new Set(result.expectations.filter((e) => e.kind === 'ruleid').map((e) => `${e.line}:${e.ruleId}`));
  for (const e of result.expectations) {
    const key = `${e.line}:${e.ruleId}`;
    if (e.kind === 'ruleid' && !found.has(key)) problems.push(`line ${e.line + 1}: expected ${e.ruleId}, got nothing`);
    if (e.kind === 'ok' && found.has(key) && !expected.has(key)) problems.push(`line ${e.line + 1}: ${e.ruleId} must not fire (ok:), but it reported: ${found.get(key)}`);
  }
  for (const [key, message] of found) {
    if (expected.has(key)) continue;
    const [line, ruleId] = key.split(':');
    if (result.expectations.some((e) => e.kind === 'ok' && `${e.line}:${e.ruleId}` === key)) continue;
    problems.push(`line ${Number(line) + 1}: unexpected ${ruleId}: ${message}`);
  }
  for (const n of result.analysis.notices) problems.push(`notice: ${n.message}`);
  for (const e of result.expectations) if (!RULES.some((r) => r.meta.id === e.ruleId)) problems.push(`line ${e.line + 1}: unknown rule id ${e.ruleId} in an expectation`);
  return problems;
}

describe('rule fixtures', function () {
  this.timeout(60_000);
  const ruleDirs = fs.existsSync(FIXTURES)
    ? fs.readdirSync(FIXTURES).filter((d) => fs.statSync(path.join(FIXTURES, d)).isDirectory() && !NON_RULE_FOLDERS.includes(d))
    : [];

  it('has a fixture folder for every rule, and no folder for an unknown rule', () => {
    assert.deepEqual([...ruleDirs].sort(), RULES.map((r) => r.meta.id).sort());
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      const dir = path.join(FIXTURES, rule.meta.id);
      const files = fs.existsSync(dir) ? listFiles(dir) : [];
      const results = new Map<string, FixtureResult>();

      for (const file of files) {
        it(path.relative(dir, file), async () => {
          const result = await runFixture(file);
          results.set(file, result);
          const problems = compare(result);
          assert.equal(problems.length, 0, `${path.relative(FIXTURES, file)}:\n  ${problems.join('\n  ')}`);
        });
      }

      it(`has positive and negative cases in each of its languages (${rule.meta.languages.join(', ')})`, async () => {
        const coverage = new Map<LanguageId, { positive: number; negative: number }>();
        for (const file of files) {
          const result = results.get(file) ?? (await runFixture(file));
          const entry = coverage.get(result.language) ?? { positive: 0, negative: 0 };
          for (const e of result.expectations) {
            if (e.ruleId !== rule.meta.id) continue;
            if (e.kind === 'ruleid') entry.positive++;
            else entry.negative++;
          }
          coverage.set(result.language, entry);
        }
        const missing = rule.meta.languages.filter((l) => !coverage.get(l)?.positive || !coverage.get(l)?.negative);
        assert.deepEqual(missing, [], `languages without both a ruleid and an ok case: ${missing.join(', ')}`);
      });
    });
  }
});
