/**
 * Per-rule options: how a rule declares them (one JSON Schema per option, with its default), how a
 * user's options are checked against that declaration, and the values the rule is handed. Only the
 * schema keywords options need are allowed, so the settings (which report a bad option at its line
 * and column), the generated config schema and the docs page cannot disagree about what is valid.
 */

interface OptionBase {
  /** One sentence for the docs page and the editor's hover in `ehi-lint.config.json`. */
  description: string;
}

export interface NumberOption extends OptionBase {
  type: 'integer' | 'number';
  default: number;
  minimum?: number;
  maximum?: number;
}

export interface StringOption extends OptionBase {
  type: 'string';
  default: string;
  enum?: readonly string[];
}

export interface BooleanOption extends OptionBase {
  type: 'boolean';
  default: boolean;
}

/** One option: a JSON Schema (draft-04) of a scalar, with its default. */
export type OptionSchema = NumberOption | StringOption | BooleanOption;

/** A rule's options by name. */
export type OptionsSchema = Readonly<Record<string, OptionSchema>>;

/** The values a rule is handed, typed from its schema: every option, set or defaulted. */
export type OptionValues<S extends OptionsSchema = OptionsSchema> = { readonly [K in keyof S]: S[K]['default'] };

/** A problem with a user's options: an unknown key (`at: 'key'`) or a value its schema rejects. */
export interface OptionProblem {
  option: string;
  at: 'key' | 'value';
  message: string;
}

/** The allowed range of a number option in words ("at least 1", "from 0 to 10"), or undefined when it has none. */
export function rangeText(schema: OptionSchema): string | undefined {
  if (schema.type !== 'integer' && schema.type !== 'number') return undefined;
  const { minimum, maximum } = schema;
  if (minimum !== undefined && maximum !== undefined) return `from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return `at least ${minimum}`;
  return maximum !== undefined ? `at most ${maximum}` : undefined;
}

/** What is wrong with one option value, as the rest of a sentence ("must be …"), or undefined when it is valid. */
export function optionValueProblem(schema: OptionSchema, value: unknown): string | undefined {
  const got = ` (got ${JSON.stringify(value) ?? String(value)})`;
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const range = rangeText(schema);
      const expected = `must be ${schema.type === 'integer' ? 'a whole number' : 'a number'}${range ? `, ${range}` : ''}`;
      if (typeof value !== 'number' || !Number.isFinite(value) || (schema.type === 'integer' && !Number.isInteger(value))) return expected + got;
      const outside = (schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum);
      return outside ? expected + got : undefined;
    }
    case 'string':
      if (typeof value !== 'string') return `must be a string${got}`;
      return schema.enum && !schema.enum.includes(value) ? `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}${got}` : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false${got}`;
  }
}

/** Everything wrong with a user's options for a rule with this schema; empty when they are valid. Unknown keys are problems. */
export function optionProblems(schema: OptionsSchema | undefined, options: Readonly<Record<string, unknown>>): OptionProblem[] {
  const names = Object.keys(schema ?? {});
  const problems: OptionProblem[] = [];
  for (const [option, value] of Object.entries(options)) {
    const spec = schema?.[option];
    if (!spec) {
      problems.push({ option, at: 'key', message: `unknown option "${option}" (${names.length > 0 ? `expected ${names.join(', ')}` : 'this rule has no options'})` });
      continue;
    }
    const problem = optionValueProblem(spec, value);
    if (problem) problems.push({ option, at: 'value', message: `option ${option} ${problem}` });
  }
  return problems;
}

/** The values a rule is handed: the user's options (already checked), and the default of each option not set. */
export function optionValues(schema: OptionsSchema | undefined, options: Readonly<Record<string, unknown>>): OptionValues {
  return Object.fromEntries(Object.entries(schema ?? {}).map(([name, spec]) => [name, (options[name] as OptionSchema['default'] | undefined) ?? spec.default]));
}

/** The JSON Schema of a rule's options object, as the config schema offers it to editors (completion, hover, validation). */
export function optionsJsonSchema(schema: OptionsSchema | undefined): object {
  const names = Object.keys(schema ?? {});
  return {
    type: 'object',
    description: names.length > 0 ? `Options for this rule: ${names.join(', ')}.` : 'This rule has no options.',
    properties: { ...schema },
    additionalProperties: false,
  };
}
