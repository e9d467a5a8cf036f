/**
 * From user configuration (CLI flags, `ehi-lint.config.json`, editor settings) to the settings the
 * engine runs with. One place, so every face resolves rules and severities the same way.
 */
import { AnalysisSettings, DEFAULT_MAX_BYTES, EnabledRule } from '../core/engine';
import type { RegisterEntry } from '../core/annotations/register';
import type { Rule, Severity } from '../core/rule';
import { optionProblems, optionValues } from '../core/rule-options';

export type RuleLevel = Severity | 'off';

/** A rule's setting: a level, or a level and the rule's options (`meta.options`). */
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>];

export interface UserConfig {
  /** Rule id → level, or [level, options]. */
  rules?: Record<string, RuleSetting>;
  /** Regular expression (case-insensitive) matched against a call's callee text to recognise audit logging. */
  auditPattern?: string;
  maxFileBytes?: number;
}

export const DEFAULT_AUDIT_PATTERN = 'audit';

export class ConfigError extends Error {}

export function isRuleLevel(value: unknown): value is RuleLevel {
  return value === 'off' || value === 'error' || value === 'warning' || value === 'info';
}

/**
 * Rule settings with some levels replaced (command-line flags over the config file, editor settings
 * over it): a rule set to `[level, options]` keeps its options under the new level.
 */
export function withLevels(rules: UserConfig['rules'], levels: Readonly<Record<string, RuleLevel>>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = { ...rules };
  for (const [id, level] of Object.entries(levels)) {
    const current = out[id];
    out[id] = Array.isArray(current) ? [level, current[1]] : level;
  }
  return out;
}

/**
 * The engine's settings from a user configuration, for the rules the face passes (the registry, or
 * a subset in tests). Each enabled rule gets its options checked against its `meta.options` and
 * completed with the defaults.
 */
export function resolveSettings(all: readonly Rule[], config: UserConfig, extra: { now?: Date; prefilter?: boolean; register?: RegisterEntry[] } = {}): AnalysisSettings {
  const known = new Set(all.map((r) => r.meta.id));
  const enabled: EnabledRule[] = [];
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) throw new ConfigError(`unknown rule "${id}"`);
  }
  for (const rule of all) {
    const setting = config.rules?.[rule.meta.id];
    const [level, options] = Array.isArray(setting) ? setting : [setting ?? rule.meta.severity, {}];
    if (!isRuleLevel(level)) throw new ConfigError(`rule "${rule.meta.id}": level must be off, info, warning or error (got ${JSON.stringify(level)})`);
    const problem = optionProblems(rule.meta.options, options ?? {})[0];
    if (problem) throw new ConfigError(`rule "${rule.meta.id}": ${problem.message}`);
    if (level !== 'off') enabled.push({ rule, severity: level, options: optionValues(rule.meta.options, options ?? {}) });
  }
  const auditPattern = config.auditPattern ?? DEFAULT_AUDIT_PATTERN;
  try {
    new RegExp(auditPattern, 'i');
  } catch (err) {
    throw new ConfigError(`auditPattern is not a valid regular expression: ${(err as Error).message}`);
  }
  return {
    rules: enabled,
    options: { auditPattern },
    now: extra.now ?? new Date(),
    maxBytes: config.maxFileBytes ?? DEFAULT_MAX_BYTES,
    prefilter: extra.prefilter ?? true,
    register: extra.register ?? [],
  };
}
