/**
 * The rule registry. Rule ids are public API: a rule is never renamed and an id is never reused.
 * Adding a rule: one unit in this folder, fixtures in `test-fixtures/<rule-id>/`, and a line here.
 */
import type { Rule } from '../server/src/core/rule';
import dataClassFilter from './data-class-filter';
import hipaaBlanketReason from './hipaa-blanket-reason';
import faxOnlyManner from './fax-only-manner';
import unjustifiedThrottle from './unjustified-throttle';
import undocumentedDenial from './undocumented-denial';

export const RULES: readonly Rule[] = [faxOnlyManner, dataClassFilter, unjustifiedThrottle, undocumentedDenial, hipaaBlanketReason];

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
