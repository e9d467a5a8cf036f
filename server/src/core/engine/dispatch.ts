/**
 * Running the rules over a parsed file: one walk over each code unit's IR calls every rule's visitor
 * for the node kinds it asked for; config rules read the config tree; annotation rules read the
 * annotations and pending findings. Every rule reports through the same reporter, and a rule that
 * fails leaves a notice instead of stopping the others.
 */
import { CodeModel } from '../code-model';
import { ParsedFile } from '../files';
import type { IrKind, IrNode, Span } from '../ir';
import { walk } from '../ir';
import { LanguageId } from '../language';
import { AnnotationContext, CodeVisitor, formatMessage, PendingFinding, Report, Severity } from '../rule';
import { ruleApplies } from './prefilter';
import type { AnalysisSettings, EnabledRule, FileAnalysis } from './types';

export interface RawFinding extends PendingFinding {
  message: string;
  severity: Severity;
}

/** The `report` a rule is given: a message from its templates, spans mapped to the file's offsets. */
export function reporterFor(r: EnabledRule, pending: RawFinding[], toFile: (offset: number) => number = (o) => o): (report: Report) => void {
  return (report) => {
    const template = r.rule.meta.messages[report.messageId];
    if (template === undefined) throw new Error(`rule ${r.rule.meta.id} has no message "${report.messageId}"`);
    pending.push({
      ruleId: r.rule.meta.id,
      severity: r.severity,
      message: formatMessage(template, report.data),
      at: mapSpan(report.at, toFile),
      related: (report.related ?? []).map((rel) => ('at' in rel ? { at: mapSpan(rel.at, toFile), message: rel.message } : rel)),
      excluded: report.excluded ?? [],
      documentedBy: [],
    });
  };
}

/** Runs a rule's action; a rule that throws leaves a notice on the file, and the other rules still run. */
export function guardFor(result: FileAnalysis): (r: EnabledRule, action: () => void) => void {
  return (r, action) => {
    try {
      action();
    } catch (err) {
      result.notices.push({ code: 'internal', message: `rule ${r.rule.meta.id} failed on this file: ${(err as Error).message}`, stack: (err as Error).stack });
    }
  };
}

/** Runs the rules of the pending findings before their annotations are applied (code and config visitors). */
export function runRules(
  rules: EnabledRule[],
  candidates: ReadonlySet<EnabledRule>,
  parsed: ParsedFile,
  path: string,
  text: string,
  settings: AnalysisSettings,
  result: FileAnalysis,
): RawFinding[] {
  const pending: RawFinding[] = [];
  const triggered = (r: EnabledRule): boolean => candidates.has(r);
  const guard = guardFor(result);

  for (const unit of parsed.codeUnits) {
    const visitors: { rule: EnabledRule; visitor: CodeVisitor }[] = [];
    for (const r of rules) {
      if (!r.rule.code || !ruleApplies(r.rule, unit.model.language) || !triggered(r)) continue;
      guard(r, () => {
        const visitor = r.rule.code!({
          file: { path, language: unit.model.language, text: unit.model.text },
          options: settings.options,
          ruleOptions: r.options,
          code: unit.model,
          report: reporterFor(r, pending, unit.toFile),
        });
        visitors.push({ rule: r, visitor });
      });
    }
    if (visitors.length > 0) dispatch(unit.model, visitors, guard);
  }
  if (parsed.config) {
    const configLanguage: LanguageId = parsed.language === 'mirth' ? 'xml' : parsed.language;
    for (const r of rules) {
      if (!r.rule.config || !ruleApplies(r.rule, configLanguage) || !triggered(r)) continue;
      guard(r, () =>
        r.rule.config!({
          file: { path, language: configLanguage, text },
          options: settings.options,
          ruleOptions: r.options,
          config: parsed.config!,
          xml: parsed.xml,
          report: reporterFor(r, pending),
        }),
      );
    }
  }
  return pending;
}

/** One walk over the IR, calling every rule's visitor for each node kind it asked for. */
function dispatch(model: CodeModel, visitors: { rule: EnabledRule; visitor: CodeVisitor }[], guard: (r: EnabledRule, action: () => void) => void): void {
  const byKind = new Map<IrKind, { rule: EnabledRule; fn: (node: IrNode) => void }[]>();
  for (const { rule, visitor } of visitors) {
    for (const [kind, fn] of Object.entries(visitor)) {
      if (kind === 'end' || typeof fn !== 'function') continue;
      const list = byKind.get(kind as IrKind) ?? [];
      list.push({ rule, fn: fn as (node: IrNode) => void });
      byKind.set(kind as IrKind, list);
    }
  }
  walk(model.root, (node) => {
    const handlers = byKind.get(node.kind);
    if (handlers) for (const h of handlers) guard(h.rule, () => h.fn(node));
  });
  for (const { rule, visitor } of visitors) if (visitor.end) guard(rule, () => visitor.end!());
}

function mapSpan(span: Span, toFile: (o: number) => number): Span {
  const start = toFile(span.start);
  const end = span.end > span.start ? toFile(span.end - 1) + 1 : start;
  return { start, end };
}

/** Runs the annotation rules, after annotations are matched to the pending findings they document. */
export function runAnnotationRules(rules: EnabledRule[], pending: RawFinding[], result: FileAnalysis, context: Omit<AnnotationContext, 'report' | 'ruleOptions'>): void {
  const guard = guardFor(result);
  for (const r of rules) {
    if (!r.rule.annotations) continue;
    guard(r, () => r.rule.annotations!({ ...context, ruleOptions: r.options, report: reporterFor(r, pending) }));
  }
}
