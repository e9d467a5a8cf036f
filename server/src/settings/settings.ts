/**
 * From user configuration (CLI flags, `ehi-lint.config.json`, editor settings) to the settings the
 * engine runs with. One place, so every face resolves rules and severities the same way.
 */
import { AnalysisSettings, DEFAULT_MAX_BYTES, EnabledRule } from '../core/engine';
import type { RegisterEntry } from '../core/annotations/register';
import type { Rule, Severity } from '../core/rule';

export type RuleLevel = Severity | 'off';

export interface UserConfig {
  /** Rule id → level, or [level, options]. */
  rules?: Record<string, RuleLevel | [RuleLevel, Record<string, unknown>]>;
  /** Regular expression (case-insensitive) matched against a call's callee text to recognise audit logging. */
  auditPattern?: string;
  maxFileBytes?: number;
}

export const DEFAULT_AUDIT_PATTERN = 'audit';

export class ConfigError extends Error {}

export function isRuleLevel(value: unknown): value is RuleLevel {
  return value === 'off' || value === 'error' || value === 'warning' || value === 'info';
}

/** The engine's settings from a user configuration, for the rules the face passes (the registry, or a subset in tests). */
export function resolveSettings(all: readonly Rule[], config: UserConfig, extra: { now?: Date; prefilter?: boolean; register?: RegisterEntry[] } = {}): AnalysisSettings {
  const known = new Set(all.map((r) => r.meta.id));
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  const enabled: EnabledRule[] = [];
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) throw new ConfigError(`unknown rule "${id}"`);
  }
  for (const rule of all) {
    const setting = config.rules?.[rule.meta.id];
    const [level, options] = Array.isArray(setting) ? setting : [setting ?? rule.meta.severity, {}];
    if (!isRuleLevel(level)) throw new ConfigError(`rule "${rule.meta.id}": level must be off, info, warning or error (got ${JSON.stringify(level)})`);
    ruleOptions[rule.meta.id] = options ?? {};
    if (level !== 'off') enabled.push({ rule, severity: level });
  }
  const auditPattern = config.auditPattern ?? DEFAULT_AUDIT_PATTERN;
  try {
    new RegExp(auditPattern, 'i');
  } catch (err) {
    throw new ConfigError(`auditPattern is not a valid regular expression: ${(err as Error).message}`);
  }
  return {
    rules: enabled,
    options: { auditPattern, rules: ruleOptions },
    now: extra.now ?? new Date(),
    maxBytes: config.maxFileBytes ?? DEFAULT_MAX_BYTES,
    prefilter: extra.prefilter ?? true,
    register: extra.register ?? [],
  };
}
