/**
 * Per-rule options: a rule declares them with a schema and defaults; the settings check a user's
 * options against it (unknown keys included) and hand every enabled rule its values, defaults filled in.
 */
import * as assert from 'node:assert/strict';
import { RULES } from '../../rules';
import { defineRule } from '../../server/src/core/rule';
import { optionProblems, OptionsSchema, optionValues } from '../../server/src/core/rule-options';
import { ConfigError, resolveSettings, withLevels } from '../../server/src/settings/settings';
import { withConfigFile, DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { parseConfigText } from '../../server/src/settings/config-file';

const SCHEMA = {
  limit: { type: 'integer', description: 'A whole number.', default: 10, minimum: 1, maximum: 100 },
  ratio: { type: 'number', description: 'A fraction.', default: 0.5, maximum: 1 },
  mode: { type: 'string', description: 'One of two words.', default: 'fast', enum: ['fast', 'thorough'] },
  strict: { type: 'boolean', description: 'On or off.', default: false },
} as const satisfies OptionsSchema;

const THROTTLE = RULES.find((r) => r.meta.id === 'unjustified-throttle')!;

describe('rule options', () => {
  it('accepts values of the declared types within bounds, and fills in the defaults', () => {
    assert.deepEqual(optionProblems(SCHEMA, { limit: 100, ratio: -2, mode: 'thorough', strict: true }), []);
    assert.deepEqual(optionValues(SCHEMA, { limit: 3 }), { limit: 3, ratio: 0.5, mode: 'fast', strict: false });
    assert.deepEqual(optionValues(undefined, {}), {});
  });

  it('rejects unknown keys, wrong types and values out of bounds, naming the option', () => {
    const problems = optionProblems(SCHEMA, { limit: 0, ratio: 1.5, mode: 'slow', strict: 'yes', extra: 1 });
    assert.deepEqual(problems, [
      { option: 'limit', at: 'value', message: 'option limit must be a whole number, from 1 to 100 (got 0)' },
      { option: 'ratio', at: 'value', message: 'option ratio must be a number, at most 1 (got 1.5)' },
      { option: 'mode', at: 'value', message: 'option mode must be one of "fast", "thorough" (got "slow")' },
      { option: 'strict', at: 'value', message: 'option strict must be true or false (got "yes")' },
      { option: 'extra', at: 'key', message: 'unknown option "extra" (expected limit, ratio, mode, strict)' },
    ]);
    assert.deepEqual(optionProblems(SCHEMA, { limit: 2.5 }).map((p) => p.message), ['option limit must be a whole number, from 1 to 100 (got 2.5)']);
    assert.deepEqual(optionProblems(undefined, { any: 1 }).map((p) => p.message), ['unknown option "any" (this rule has no options)']);
  });

  it('a rule whose default breaks its own schema does not load', () => {
    const meta = { ...THROTTLE.meta, id: 'broken-default', options: { limit: { type: 'integer', description: 'x', default: 0, minimum: 1 } } } as const;
    assert.throws(() => defineRule({ meta }), /rule broken-default: the default of option limit must be a whole number, at least 1 \(got 0\)/);
  });

  it('the settings hand each enabled rule its options, checked, with defaults', () => {
    const byId = (settings: ReturnType<typeof resolveSettings>) => new Map(settings.rules.map((r) => [r.rule.meta.id, r.options]));
    assert.deepEqual(byId(resolveSettings(RULES, {})).get('unjustified-throttle'), { retryAfterSeconds: 60 });
    assert.deepEqual(byId(resolveSettings(RULES, { rules: { 'unjustified-throttle': ['error', { retryAfterSeconds: 600 }] } })).get('unjustified-throttle'), { retryAfterSeconds: 600 });
    assert.deepEqual(byId(resolveSettings(RULES, {})).get('access-fee'), {});
    assert.throws(() => resolveSettings(RULES, { rules: { 'unjustified-throttle': ['warning', { retryAfterSeconds: 0 }] } }), (err) => {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.message, 'rule "unjustified-throttle": option retryAfterSeconds must be a whole number, at least 1 (got 0)');
      return true;
    });
    assert.throws(() => resolveSettings(RULES, { rules: { 'access-fee': ['warning', { amount: 1 }] } }), /rule "access-fee": unknown option "amount" \(this rule has no options\)/);
  });

  it('a level set over [level, options] keeps the options (flags over the file, editor settings over the file)', () => {
    assert.deepEqual(withLevels({ 'unjustified-throttle': ['warning', { retryAfterSeconds: 600 }], 'access-fee': 'info' }, { 'unjustified-throttle': 'error', 'access-fee': 'off', 'release-delay': 'info' }), {
      'unjustified-throttle': ['error', { retryAfterSeconds: 600 }],
      'access-fee': 'off',
      'release-delay': 'info',
    });
    const file = parseConfigText('{ "rules": { "unjustified-throttle": ["warning", { "retryAfterSeconds": 600 }] } }', '/project/ehi-lint.config.json', 'ehi-lint.config.json', RULES);
    const { user } = withConfigFile({ ...DEFAULT_SETTINGS, rules: { 'unjustified-throttle': 'error' } }, file);
    const throttle = resolveSettings(RULES, user).rules.find((r) => r.rule.meta.id === 'unjustified-throttle')!;
    assert.equal(throttle.severity, 'error', 'the editor level wins');
    assert.deepEqual(throttle.options, { retryAfterSeconds: 600 }, 'the file options reach the rule in the language server');
  });
});
