/**
 * Hover: on a finding, what the rule means, why it may be blocking and which exceptions could
 * apply with what each requires; on an annotation, the exception's conditions and which fields are
 * present, missing or the team's own.
 */
import { ruleById } from '../../../rules';
import type { Annotation } from '../core/annotations/types';
import type { DetailedAnalysis, Finding } from '../core/engine';
import { EXCEPTIONS, ExceptionId, fieldsOf, FieldSpec, isExceptionId, requiredFields, sectionUrl } from '../core/annotations/exceptions';
import { ruleDocsUrl } from '../core/meta';
import type { LineIndex, Range } from '../core/text';

export interface HoverContent {
  markdown: string;
  range: Range;
}

export function hoverAt(detail: DetailedAnalysis, lines: LineIndex, offset: number): HoverContent | undefined {
  const annotation = detail.annotations.find((a) => contains(a.span, offset));
  if (annotation) return { markdown: annotationMarkdown(annotation), range: lines.rangeOf(annotation.span.start, annotation.span.end) };
  const finding = [...detail.result.findings, ...detail.result.suppressed].find((f) => contains({ start: f.start, end: f.end }, offset));
  if (finding) return { markdown: findingMarkdown(finding), range: finding.range };
  return undefined;
}

function contains(span: { start: number; end: number }, offset: number): boolean {
  return span.start <= offset && offset <= Math.max(span.end, span.start + 1);
}

export function findingMarkdown(finding: Finding): string {
  const rule = ruleById(finding.ruleId);
  const parts: string[] = [];
  parts.push(`**${rule?.meta.title ?? finding.ruleId}** · \`${finding.ruleId}\` · [documentation](${ruleDocsUrl(finding.ruleId)})`);
  if (finding.suppression) {
    const s = finding.suppression;
    const where = s.location.range ? `the annotation at line ${s.location.range.start.line + 1}` : `the register entry in \`${s.location.file}\``;
    parts.push(`Documented as a **${EXCEPTIONS[s.exception].title}** exception by ${where}${s.owner ? `, owned by ${s.owner}` : ''}${s.reviewBy ? `, to be reviewed by ${s.reviewBy}` : ''}: ${s.justification}`);
  }
  if (rule) {
    parts.push(`**What it flags.** ${rule.meta.docs.summary}`);
    parts.push(`**Why it may be blocking.** ${rule.meta.docs.why}`);
  }
  if (finding.exceptions.length > 0) {
    parts.push('**Exceptions that could apply**, if their conditions are met and documented:');
    parts.push(finding.exceptions.map((id) => exceptionBullet(id)).join('\n'));
  }
  if (rule) parts.push(`**How to fix or document it.** ${rule.meta.docs.fix}`);
  return parts.join('\n\n');
}

function exceptionBullet(id: ExceptionId): string {
  const spec = EXCEPTIONS[id];
  const fields = requiredFields(id, new Map())
    .map((f) => `\`${f.name}\``)
    .join(', ');
  const conditional = fieldsOf(id).filter((f) => f.requiredWhen);
  const extra = conditional.map((f) => ` \`${f.name}\` when \`${f.requiredWhen!.field}\` is ${f.requiredWhen!.values.map((v) => `\`${v}\``).join(' or ')}.`).join('');
  return `- **${spec.title}** (\`${id}\`, [45 CFR ${spec.section}](${sectionUrl(spec.section)})): ${spec.conditions} Requires ${fields}.${extra}`;
}

export function annotationMarkdown(annotation: Annotation): string {
  const parts: string[] = [];
  const id = annotation.exceptionId;
  if (!isExceptionId(id)) {
    parts.push(`**Exception annotation** · unknown exception \`${id || '(none)'}\``);
  } else {
    const spec = EXCEPTIONS[id];
    parts.push(`**${spec.title} exception** · \`${id}\` · [45 CFR ${spec.section}](${sectionUrl(spec.section)})`);
    parts.push(spec.conditions);
    const present = new Map(annotation.fields.filter((f) => f.value !== '').map((f) => [f.name, f.value]));
    const required = new Set(requiredFields(id, present).map((f) => f.name));
    const rows = fieldsOf(id).map((f) => fieldRow(f, present.get(f.name), required.has(f.name)));
    const known = new Set(fieldsOf(id).map((f) => f.name));
    for (const f of annotation.fields) if (!known.has(f.name)) rows.push(`| · | \`${f.name}\` | ${cell(f.value)} | the team’s own field |`);
    parts.push(['| | field | value | |', '|---|---|---|---|', ...rows].join('\n'));
  }
  if (annotation.problems.length > 0) {
    parts.push(`**Documents nothing until fixed:**\n${annotation.problems.map((p) => `- ${p.message}`).join('\n')}`);
  } else {
    parts.push('Complete and current: the findings it stands over are documented.');
  }
  return parts.join('\n\n');
}

function fieldRow(field: FieldSpec, value: string | undefined, required: boolean): string {
  const mark = value !== undefined ? '✓' : required ? '✗' : '·';
  const when = field.requiredWhen ? `required when \`${field.requiredWhen.field}\` is ${field.requiredWhen.values.join(' or ')}` : field.optional ? 'optional' : 'required';
  const allowed = field.kind.type === 'enum' ? ` (${field.kind.values.join(', ')})` : field.kind.type === 'date' ? ' (YYYY-MM-DD)' : field.kind.type === 'duration' ? ' (ISO 8601 duration)' : '';
  return `| ${mark} | \`${field.name}\` | ${value === undefined ? (required ? '**missing**' : '') : cell(value)} | ${field.description}${allowed}; ${when} |`;
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|');
}
