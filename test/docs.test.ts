import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../rules';
import { ARCHITECTURE_FILE, architectureWithModules, expectedDocs, leadingSentence, readmeWithTable, ROOT } from '../scripts/gen-docs';
import { EXCEPTIONS } from '../server/src/core/annotations/exceptions';
import { ruleMarkdown } from '../server/src/core/docs';
import { analyzeText } from '../server/src/core/engine';
import { resolveSettings } from '../server/src/settings/settings';
import { FIXTURE_NOW } from './fixtures.test';
import { exampleSnippets } from './helpers/examples';

describe('rule documentation', () => {
  it('docs/rules/*.md match the rule units (run `npm run docs` after changing a rule)', () => {
    for (const [file, text] of expectedDocs(RULES)) {
      const full = path.join(ROOT, file);
      assert.ok(fs.existsSync(full), `${file} is missing`);
      assert.equal(fs.readFileSync(full, 'utf8'), text, `${file} is out of date`);
    }
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).sort();
    assert.deepEqual(pages, RULES.map((r) => `${r.meta.id}.md`).sort(), 'a page without a rule, or a rule without a page');
  });

  it('the README rule table matches the rules', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.equal(readme, readmeWithTable(readme, RULES));
  });

  it('docs/architecture.md lists every layer and every module with its doc comment (run `npm run docs` after adding or moving one)', () => {
    const text = fs.readFileSync(path.join(ROOT, ARCHITECTURE_FILE), 'utf8');
    assert.equal(text, architectureWithModules(text));
  });

  it('docs/architecture.md names only paths that exist', () => {
    const text = fs.readFileSync(path.join(ROOT, ARCHITECTURE_FILE), 'utf8');
    const named = [...text.matchAll(/`((?:server|client|rules|test|test-fixtures|scripts|schemas|docs|bench)\/[^`\s<*]*)`/g)].map((m) => m[1]);
    assert.ok(named.length > 20, `found only ${named.length} paths`);
    assert.deepEqual(named.filter((p) => !fs.existsSync(path.join(ROOT, p))), []);
  });

  it('takes the first sentence of a leading doc comment, not a full stop in code or an example after it', () => {
    assert.equal(leadingSentence('/**\n * Reads `a.b` files, e.g. JSON. More.\n */\nx'), 'Reads `a.b` files, e.g. JSON.');
    assert.equal(leadingSentence('/**\n * The grammar:\n *\n *   // a. b\n */'), 'The grammar:');
    assert.equal(leadingSentence('/** One line, no stop */'), 'One line, no stop');
    assert.equal(leadingSentence('import x from "y";\n/** Not leading. */'), undefined);
  });

  for (const rule of RULES) {
    it(`${rule.meta.id}: the docs name the exceptions that could make it lawful, and are complete`, () => {
      // Messages stay one short sentence (test/messages.test.ts); the exceptions that could apply are
      // named where there is room: the rule's page, the hover and the SARIF help.
      const help = ruleMarkdown(rule);
      for (const e of rule.meta.exceptions) assert.ok(help.includes(EXCEPTIONS[e].title), `the help does not name the ${EXCEPTIONS[e].title} exception`);
      const titles = rule.meta.exceptions.map((e) => EXCEPTIONS[e].title);
      const { docs } = rule.meta;
      // Messages say what was found and where; which exception could apply is the docs' business.
      if (rule.meta.exceptions.length > 0) {
        assert.ok(titles.some((t) => `${docs.why} ${docs.fix}`.includes(t)) || /exception/i.test(`${docs.why} ${docs.fix}`), 'the docs do not say which exception could apply');
      }
      assert.ok(docs.summary.length > 40 && docs.why.includes('171.') && docs.fix.length > 20, 'summary, why (citing 45 CFR 171) and fix');
      assert.ok(docs.notFlagged.length > 0, 'says what it deliberately does not flag');
      assert.ok(docs.examples.length > 0, 'has an example');
    });
  }
});

describe('rule documentation examples', function () {
  this.timeout(60_000);
  // As of the fixtures' date, so that the examples' review-by dates are in the future.
  const settings = resolveSettings(RULES, {}, { now: FIXTURE_NOW });

  for (const snippet of exampleSnippets(RULES)) {
    const id = snippet.rule.meta.id;
    const claim = snippet.kind === 'flagged' ? `is flagged by ${id}` : `leaves no open ${id} finding (documented ones are suppressed)`;
    it(`${id}: the ${snippet.label} parses as ${snippet.language} and ${claim}`, async () => {
      const result = await analyzeText(snippet.file, snippet.text, settings);
      assert.equal(result.language, snippet.language, `${snippet.file} is read as ${result.language}`);
      assert.deepEqual(result.notices.map((n) => n.message), [], 'a documentation example must be code that parses');
      const own = result.findings.filter((f) => f.ruleId === id).map((f) => `line ${f.range.start.line + 1}: ${f.message}`);
      if (snippet.kind === 'flagged') {
        const others = result.findings.map((f) => `${f.ruleId} on line ${f.range.start.line + 1}`);
        assert.ok(own.length > 0, `no ${id} finding in:\n${snippet.text}\n(other findings: ${others.join(', ') || 'none'})`);
      } else assert.deepEqual(own, [], `still flagged:\n${snippet.text}`);
    });
  }
});
