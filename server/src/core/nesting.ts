/**
 * How deep a file may nest before it is refused. Parsers, the IR lowering and the rules walk trees
 * recursively; a file nested deeper than the stack allows (tens of thousands of `[`, mappings or
 * parentheses, as fuzzers and generated files write) would end in a `RangeError` or, when V8 has
 * to compile a regular expression near the stack's end, abort the process. Each parser entry point
 * measures the nesting without recursion first and refuses the file with one clear notice.
 *
 * The limits are measured: every kind of input nested to its limit is analysed with half the
 * default stack (test/robustness/nesting.test.ts), far deeper than real configuration or code nests.
 */

/** Configuration (JSON, YAML, XML, properties keys, the register, the config file): levels of maps and lists. */
export const MAX_CONFIG_NESTING = 200;

/** Code: levels of the syntax tree (every nested expression, statement and block is one). */
export const MAX_CODE_NESTING = 500;

/** A file nested deeper than the analysis reads. */
export class NestingError extends Error {
  constructor(readonly limit: number) {
    super(`nesting deeper than ${limit} levels; not analysed`);
    this.name = 'NestingError';
  }
}

export function isNestingError(err: unknown): err is NestingError {
  return err instanceof NestingError;
}

/**
 * The work tree-sitter may spend on a file, in calls of its progress callback (one per batch of
 * parser operations; counted rather than timed, so that a file gets the same analysis every run).
 * Valid code takes about 9 calls per KB and a file of syntax errors about 21, but its search
 * through ambiguous syntax can grow with the square of the input: 16 KB of `<!--` after a C#
 * class takes 40,000 calls (70 s). A parse past the budget is abandoned.
 */
export function parseBudget(length: number): { calls: number; ms: number } {
  // The calls do not count all of it (Python's indentation scanner on thousands of `<!--`), so time is
  // capped too, far above what valid code needs (about 1 s per MB): only such input can vary between runs.
  return { calls: 2000 + Math.ceil((30 * length) / 1024), ms: 5000 + (4 * length) / 1000 };
}

/** A file the parser could not get through within its budget. */
export class SyntaxBudgetError extends Error {
  constructor() {
    super('syntax too ambiguous or broken to parse in linear time; not analysed');
    this.name = 'SyntaxBudgetError';
  }
}

/**
 * The deepest nesting of `[` and `{` in JSON or JSONC text, without recursion, or the offset of the
 * first bracket past `limit`. Strings and comments are skipped; unbalanced closers are ignored (a
 * syntax error says so), so a broken file still measures.
 */
export function jsonNesting(text: string, limit = Infinity): { depth: number; overAt?: number } {
  let depth = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) max = depth;
      if (depth > limit) return { depth, overAt: i };
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    } else if (c === 0x22 /* " */) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22 || d === 0x0a) break;
        else i++;
      }
    } else if (c === 0x2f /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        const end = text.indexOf('\n', i + 2);
        i = end < 0 ? n : end;
      } else if (next === 0x2a /* * */) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 1;
      }
    }
  }
  return { depth: max };
}

/** Throws a {@link NestingError} when `depth` is over `limit`. */
export function checkNesting(depth: number, limit: number): void {
  if (depth > limit) throw new NestingError(limit);
}
