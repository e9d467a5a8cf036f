/**
 * Rule documentation rendered from the rule unit: the docs pages (docs/rules/<id>.md), SARIF help,
 * the README table and editor hovers all come from here, so they cannot drift from the rule.
 */
import { EXCEPTIONS, fieldsOf, sectionUrl } from './annotations/exceptions';
import type { Rule } from './rule';
import { rangeText } from './rule-options';
import type { LanguageId } from './language';

export const LANGUAGE_NAMES: Record<LanguageId, string> = {
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  java: 'Java',
  csharp: 'C#',
  python: 'Python',
  mirth: 'Mirth (JavaScript in channel XML)',
  json: 'JSON',
  yaml: 'YAML',
  xml: 'XML',
  properties: 'Java properties',
  nginx: 'NGINX',
};

export function languageList(rule: Rule): string {
  return rule.meta.languages.map((l) => LANGUAGE_NAMES[l]).join(', ');
}

/** The exception catalogue entry for each exception the rule accepts, with the fields an annotation needs. */
export function exceptionsMarkdown(rule: Rule): string {
  if (rule.meta.exceptions.length === 0) {
    return rule.annotations
      ? 'None: this rule checks the exception record itself, so no exception can justify what it reports.'
      : 'None: what this rule reports is a condition of certification (45 CFR 170.404), which no exception of 45 CFR Part 171 covers; fix it rather than document it.';
  }
  return rule.meta.exceptions
    .map((id) => {
      const spec = EXCEPTIONS[id];
      const fields = fieldsOf(id)
        .filter((f) => !f.optional)
        .map((f) => `\`${f.name}\`${f.requiredWhen ? ` (when \`${f.requiredWhen.field}\` is ${f.requiredWhen.values.map((v) => `\`${v}\``).join(' or ')})` : ''}`)
        .join(', ');
      return `- **${spec.title}** (\`${id}\`, [45 CFR ${spec.section}](${sectionUrl(spec.section)})): ${spec.conditions}\n  Annotation fields: ${fields}.`;
    })
    .join('\n');
}

/** The rule's options as a table (name, type with its range, default, description), and how to set them. */
export function optionsMarkdown(rule: Rule): string {
  const { id, options, severity } = rule.meta;
  const entries = Object.entries(options ?? {});
  if (entries.length === 0) return `None: \`ehi-lint.config.json\` sets only its level (\`"${id}": "${severity}"\`).`;
  const example = `{ ${entries.map(([name, spec]) => `"${name}": ${JSON.stringify(spec.default)}`).join(', ')} }`;
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const rows = entries.map(([name, spec]) => {
    const range = rangeText(spec);
    const type = spec.type === 'string' && spec.enum ? `one of ${spec.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}` : `${spec.type}${range ? `, ${range}` : ''}`;
    return `| \`${name}\` | ${cell(type)} | \`${JSON.stringify(spec.default)}\` | ${cell(spec.description)} |`;
  });
  return [
    `Set after the level in \`ehi-lint.config.json\`: \`"${id}": ["${severity}", ${example}]\` (these are the defaults). Unknown options and values out of range are configuration errors.`,
    '',
    '| Option | Type | Default | Description |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

const FENCE: Record<LanguageId, string> = {
  typescript: 'ts',
  javascript: 'js',
  java: 'java',
  csharp: 'csharp',
  python: 'python',
  mirth: 'js',
  json: 'json',
  yaml: 'yaml',
  xml: 'xml',
  properties: 'properties',
  nginx: 'nginx',
};

/** The annotation semantics every annotation rule's page states (the README says the same, with examples). */
const ANNOTATION_SEMANTICS = [
  '- Only a valid, complete, unexpired annotation documents anything. Its findings are reported as suppressed (SARIF `suppressions` of kind `inSource`, `external` for register entries), hidden in the editor and listed in the Exceptions view; `exception-unaudited` is reported separately when the documented code never calls the audit log.',
  '- An annotation that names an unknown exception or one the rule does not accept, lacks a required field, or is past its `review-by` date documents nothing: `exception-invalid`, `exception-incomplete` or `exception-expired` is reported, and the restriction’s own finding stays visible.',
  '- Scope follows the practice: an annotation documents the findings in the construct below it and those that name that construct as a place that makes them up. On a route it documents the limiter the route applies, wherever the limiter is defined; on a limiter, a constant or a configuration entry it documents every use, in the same file or in another file of the project (a constant imported from `constants.ts`, a key of `application.yml` read through `@Value`).',
  '- Every comment syntax works the same: `//`, `/* */`, `/** */`, `#` (Python, YAML, properties), `<!-- -->` (XML), and `//` or `/* */` in Mirth scripts; files without comments (JSON) use the exception register.',
].join('\n');

export function ruleMarkdown(rule: Rule): string {
  const { meta } = rule;
  const { docs } = meta;
  const examples = docs.examples
    .map(
      (e) =>
        `**${LANGUAGE_NAMES[e.language]}**: flagged\n\n\`\`\`${FENCE[e.language]}\n${e.flagged}\n\`\`\`\n\nnot flagged\n\n\`\`\`${FENCE[e.language]}\n${e.fixed}\n\`\`\``,
    )
    .join('\n\n');
  return [
    `# ${meta.id}`,
    '',
    `**${meta.title}** · default severity: ${meta.severity} · languages: ${languageList(rule)}`,
    '',
    '## What it flags',
    '',
    docs.summary,
    '',
    '## Why it may be information blocking',
    '',
    docs.why,
    '',
    '## Exceptions that could apply',
    '',
    exceptionsMarkdown(rule),
    '',
    '## How to fix or document it',
    '',
    docs.fix,
    '',
    ...(docs.covers?.length ? ['## Forms and config kinds it reads', '', docs.covers.map((c) => `- ${c}`).join('\n'), ''] : []),
    ...(rule.annotations ? ['## What an annotation documents', '', ANNOTATION_SEMANTICS, ''] : []),
    '## What it does not flag',
    '',
    docs.notFlagged.map((n) => `- ${n}`).join('\n'),
    '',
    '## Options',
    '',
    optionsMarkdown(rule),
    '',
    '## Examples',
    '',
    examples,
    '',
  ].join('\n');
}

/** A short plain-text help for terminals and SARIF `help.text`. */
export function ruleText(rule: Rule): string {
  const { docs } = rule.meta;
  const exceptions = rule.meta.exceptions.map((e) => `${EXCEPTIONS[e].title} (45 CFR ${EXCEPTIONS[e].section})`).join(', ');
  return `${docs.summary}\n\nWhy: ${docs.why}\n\nFix: ${docs.fix}${exceptions ? `\n\nExceptions that could apply: ${exceptions}.` : ''}`;
}
