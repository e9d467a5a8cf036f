/**
 * Deciding cheaply, from the text alone, which rules may fire on a file (their trigger words) and
 * which function bodies may matter to them, so that the rest is neither parsed for them nor lowered.
 */
import { ANNOTATION_MARKER } from '../annotations/parse';
import { BodyFilter } from '../files';
import { LanguageId } from '../language';
import { Rule } from '../rule';
import type { AnalysisSettings, EnabledRule } from './types';

/** Rules that may fire on a file of this language (XML may be a Mirth export) and whose trigger words occur in the text. */
export function applicableRules(settings: AnalysisSettings, language: LanguageId, text: string): EnabledRule[] {
  const languages: LanguageId[] = language === 'xml' ? ['xml', 'mirth'] : [language];
  return settings.rules.filter((r) => languages.some((l) => r.rule.meta.languages.includes(l)) && (!settings.prefilter || mayFire(r.rule, text)));
}

/** The file-level prefilter: one word of `triggers`, and one of `triggersAlso` when the rule has that list. */
function mayFire(rule: Rule, text: string): boolean {
  if (!triggerPattern(rule).test(text)) return false;
  const also = rule.meta.triggersAlso;
  return !also || wordsPattern(also, alsoPatterns, rule).test(text);
}

const triggerPatterns = new WeakMap<Rule, RegExp>();

const alsoPatterns = new WeakMap<Rule, RegExp>();

/** One case-insensitive pattern per rule: a single scan of the text instead of one per trigger word. */
export function triggerPattern(rule: Rule): RegExp {
  return wordsPattern(rule.meta.triggers, triggerPatterns, rule);
}

function wordsPattern(list: readonly string[], cache: WeakMap<Rule, RegExp>, rule: Rule): RegExp {
  let pattern = cache.get(rule);
  if (!pattern) {
    const words = list.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = words.length > 0 ? new RegExp(words.join('|'), 'i') : /(?!)/;
    cache.set(rule, pattern);
  }
  return pattern;
}

/**
 * Kept so routes and path checks resolve: registrations with a literal path (`app.get('/fhir', ...)`,
 * `app.MapGet("/fhir", ...)`) and path literals that look like EHI paths (`uri.startsWith("/fhir/")`).
 */
const ROUTE_REGISTRATION = /\.(?:get|post|put|patch|delete|del|all|use|route|Map\w*)\s*\(\s*['"`@$]|['"`]\^?\/[^'"`\n]*(?:fhir|patient|record|export|result|chart|portal|ehi)/i;

/**
 * Which function bodies may matter: those whose text contains a trigger word of a rule that may
 * fire, an annotation, an audit call, or a route registration. Other bodies are not copied out of
 * the parser, which is most of a large file.
 */
export function bodyFilterFor(candidates: readonly EnabledRule[], auditPattern: string): BodyFilter {
  const sources = [...candidates.map((r) => triggerPattern(r.rule).source), ANNOTATION_MARKER, auditPattern, ROUTE_REGISTRATION.source].filter((s) => s.length > 0);
  const interesting = new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gi');
  return (text) => {
    const offsets: number[] = [];
    interesting.lastIndex = 0;
    for (let m = interesting.exec(text); m; m = interesting.exec(text)) {
      offsets.push(m.index);
      if (m[0].length === 0) interesting.lastIndex++;
    }
    return (start, end) => {
      let low = 0;
      let high = offsets.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (offsets[mid] < start) low = mid + 1;
        else high = mid;
      }
      return low < offsets.length && offsets[low] < end;
    };
  };
}

export function ruleApplies(rule: Rule, language: LanguageId): boolean {
  return rule.meta.languages.includes(language);
}
