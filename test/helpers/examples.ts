/**
 * The snippets of each rule's `meta.docs.examples`, as files to analyse. Names are neutral (no test
 * folder or test suffix, no SMART or CapabilityStatement file name), so that what the snippet says
 * is judged rather than where it would live.
 */
import type { LanguageId } from '../../server/src/core/language';
import type { Rule } from '../../server/src/core/rule';

const EXAMPLE_FILE: Record<LanguageId, string> = {
  typescript: 'src/example.ts',
  javascript: 'src/example.js',
  java: 'src/Example.java',
  csharp: 'src/Example.cs',
  python: 'src/example.py',
  mirth: 'channels/example-channel.xml',
  json: 'config/example.json',
  yaml: 'config/example.yaml',
  xml: 'config/example.xml',
  properties: 'config/example.properties',
  nginx: 'config/nginx.conf',
};

export interface ExampleSnippet {
  rule: Rule;
  /** `flagged` must produce a finding of the rule; `fixed` must leave none open. */
  kind: 'flagged' | 'fixed';
  language: LanguageId;
  file: string;
  text: string;
  /** For test titles: `TypeScript example 1, flagged`. */
  label: string;
}

export function exampleSnippets(rules: readonly Rule[]): ExampleSnippet[] {
  return rules.flatMap((rule) =>
    rule.meta.docs.examples.flatMap((example, index) =>
      (['flagged', 'fixed'] as const).map((kind) => ({
        rule,
        kind,
        language: example.language,
        file: EXAMPLE_FILE[example.language],
        text: example[kind],
        label: `${example.language} example ${index + 1}, ${kind}`,
      })),
    ),
  );
}
