/**
 * Inputs of every kind nested to a given depth, and a probe that analyses each one nested to just
 * under its kind's limit and just over it. Run as a script (`node --stack-size=N deep-inputs.js`) it
 * prints one JSON line per input: the notices each got, or the error the analysis threw.
 */
import { RULES } from '../../rules';
import { analyzeTextDetailed } from '../../server/src/core/engine';
import { MAX_CODE_NESTING, MAX_CONFIG_NESTING } from '../../server/src/core/nesting';
import { resolveSettings } from '../../server/src/settings/settings';

export interface DeepInput {
  file: string;
  form: string;
  /** Levels of the limit one repetition adds (a call is `call_expression` > `arguments`: two). */
  levelsPer: number;
  limit: number;
  make(d: number): string;
}

const code = (file: string, form: string, levelsPer: number, make: (d: number) => string): DeepInput => ({ file, form, levelsPer, limit: MAX_CODE_NESTING, make });
const config = (file: string, form: string, make: (d: number) => string): DeepInput => ({ file, form, levelsPer: 1, limit: MAX_CONFIG_NESTING, make });
const indented = (d: number, line: (i: number) => string, last: string): string =>
  Array.from({ length: d }, (_, i) => ' '.repeat(i) + line(i)).join('\n') + '\n' + ' '.repeat(d) + last + '\n';

export const DEEP_INPUTS: DeepInput[] = [
  code('deep.ts', 'arrays', 1, (d) => `x = ${'['.repeat(d)}${']'.repeat(d)};`),
  code('deep.ts', 'calls', 2, (d) => `x = ${'f('.repeat(d)}${')'.repeat(d)};`),
  code('deep.ts', 'a + b chain', 1, (d) => `x = "fhir"${' + "a"'.repeat(d)};`),
  code('deep.ts', 'functions', 2, (d) => `${'function f() {'.repeat(d)}${'}'.repeat(d)}`),
  code('deep.js', 'member chain', 2, (d) => `app${'.use()'.repeat(d)};`),
  code('deep.py', 'lists', 1, (d) => `x = ${'['.repeat(d)}${']'.repeat(d)}`),
  code('deep.py', 'calls', 2, (d) => `x = ${'f('.repeat(d)}${')'.repeat(d)}`),
  code('deep.py', 'a + b chain', 1, (d) => `x = "fhir"${' + "a"'.repeat(d)}`),
  code('deep.py', 'ifs', 2, (d) => indented(d, () => 'if x:', 'pass')),
  code('Deep.java', 'calls', 2, (d) => `class A { int x = ${'f('.repeat(d)}${')'.repeat(d)}; }`),
  code('Deep.java', 'blocks', 1, (d) => `class A { void m() { ${'{'.repeat(d)}${'}'.repeat(d)} } }`),
  code('Deep.java', 'ifs', 2, (d) => `class A { void m() { ${'if (a) {'.repeat(d)}${'}'.repeat(d)} } }`),
  code('Deep.cs', 'calls', 3, (d) => `class A { object x = ${'f('.repeat(d)}1${')'.repeat(d)}; }`),
  code('Deep.cs', 'blocks', 1, (d) => `class A { void M() { ${'{'.repeat(d)}${'}'.repeat(d)} } }`),
  code('Deep.cs', 'a + b chain', 1, (d) => `class A { string x = "fhir"${' + "a"'.repeat(d)}; }`),
  config('deep.json', 'arrays', (d) => '['.repeat(d) + ']'.repeat(d)),
  config('deep.json', 'objects', (d) => '{"fhir":'.repeat(d) + '1' + '}'.repeat(d)),
  config('deep.yaml', 'flow lists', (d) => '['.repeat(d) + ']'.repeat(d)),
  config('deep.yaml', 'block maps', (d) => indented(d, () => 'fhir:', 'x: 1')),
  config('deep.yaml', 'compact lists', (d) => '- '.repeat(d) + 'fhir\n'),
  config('ehi-exceptions.yaml', 'compact lists', (d) => '- '.repeat(d) + 'x\n'),
  config('ehi-exceptions.yaml', 'an entry field', (d) => `- file: a.json\n  exception: health-it-performance\n  reason: ${'['.repeat(d - 2)}${']'.repeat(d - 2)}\n`),
  config('deep.xml', 'elements', (d) => '<fhir>'.repeat(d) + '</fhir>'.repeat(d)),
  config('deep.properties', 'dotted key', (d) => 'fhir' + '.a'.repeat(d - 1) + '=1\n'),
  {
    file: 'channel.xml',
    form: 'Mirth script calls',
    levelsPer: 2,
    limit: MAX_CODE_NESTING,
    make: (d) => `<channel><sourceConnector><transformer><steps><step><script>x = ${'f('.repeat(d)}${')'.repeat(d)};</script></step></steps></transformer></sourceConnector></channel>`,
  },
];

export interface ProbeLine {
  file: string;
  form: string;
  depth: number;
  notices?: { code: string; message: string }[];
  threw?: string;
}

/** Analyses each input at `depth(input)` repetitions. */
export async function probe(depth: (input: DeepInput) => number): Promise<ProbeLine[]> {
  const settings = { ...resolveSettings(RULES, {}, { now: new Date('2026-06-01T12:00:00Z'), prefilter: false }), maxBytes: 1 << 30 };
  const out: ProbeLine[] = [];
  for (const input of DEEP_INPUTS) {
    const d = depth(input);
    try {
      const { result } = await analyzeTextDetailed(input.file, input.make(d), settings);
      out.push({ file: input.file, form: input.form, depth: d, notices: result.notices.map((n) => ({ code: n.code, message: n.message })) });
    } catch (err) {
      out.push({ file: input.file, form: input.form, depth: d, threw: String(err) });
    }
  }
  return out;
}

if (require.main === module) {
  const mode = process.argv[2];
  // Just under the limit (the limit counts tree levels, a repetition may add several), or far past it.
  const depth = (input: DeepInput): number => (mode === 'over' ? input.limit * 4 : Math.floor((input.limit - 8) / input.levelsPer));
  probe(depth).then(
    (lines) => {
      for (const line of lines) process.stdout.write(JSON.stringify(line) + '\n');
    },
    (err) => {
      process.stdout.write(JSON.stringify({ threw: String(err) }) + '\n');
      process.exitCode = 1;
    },
  );
}
