/**
 * Backslash escapes in string literals, decoded by one scanner for every language. The languages
 * differ only in the table they hand it (an `EscapeDialect`): which letters stand for a character,
 * which hex and octal forms exist, which line breaks a backslash joins, and what an escape the
 * language does not know becomes.
 */

/** A hex escape such as `\x41`, `\u0041`, `\U0001F600` or `\u{1F600}`, named by its letter. */
export interface HexForm {
  /** Fewest and most digits; digits are read greedily up to `max`. */
  min: number;
  max: number;
  /** The digits sit in braces (`\u{…}`). */
  braced?: boolean;
  /** The letter may be written more than once (Java's `\uuu0041`). */
  repeatable?: boolean;
}

export interface EscapeDialect {
  /** Letters that stand for one character (`n` → line feed). */
  simple: Readonly<Record<string, string>>;
  /** Line breaks that a backslash removes, joining the lines; longer ones first (`\r\n` before `\r`). */
  continuations: readonly string[];
  /** Hex forms by letter, tried in order. */
  hex: Readonly<Record<string, readonly HexForm[]>>;
  /**
   * What a hex value past U+10FFFF gives: U+FFFD, or the escape as written. Unset means U+FFFD too
   * (JavaScript's six-digit `\u{…}`, a syntax error there): no escape makes the decoding throw.
   */
  beyondUnicode?: 'replacement-character' | 'literal';
  /** Octal escapes: up to three digits, as many as keep the value at or under this. */
  octalMax?: number;
  /** An escape the language does not define, or a malformed hex one: the backslash is dropped, or kept. */
  unknown: 'drop-backslash' | 'keep-backslash';
}

const HEX2: readonly HexForm[] = [{ min: 2, max: 2 }];
const HEX4: readonly HexForm[] = [{ min: 4, max: 4 }];
const HEX8: readonly HexForm[] = [{ min: 8, max: 8 }];

/** As the lowering has always read JavaScript: `\0` is NUL whatever follows, and only `\` + LF joins lines. */
export const JAVASCRIPT_ESCAPES: EscapeDialect = {
  simple: { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' },
  continuations: ['\n'],
  hex: { x: HEX2, u: [{ min: 1, max: 6, braced: true }, ...HEX4] },
  unknown: 'drop-backslash',
};

/** JLS 3.10.7, with the `\u` escapes (JLS 3.3) read here too since the lowering sees the source unprocessed. */
export const JAVA_ESCAPES: EscapeDialect = {
  simple: { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', s: ' ' },
  continuations: ['\r\n', '\n', '\r'],
  hex: { u: [{ min: 4, max: 4, repeatable: true }] },
  octalMax: 0o377,
  unknown: 'drop-backslash',
};

/** C# has no line continuation and no octal; `\x` takes one to four digits. */
export const CSHARP_ESCAPES: EscapeDialect = {
  simple: { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' },
  continuations: [],
  hex: { x: [{ min: 1, max: 4 }], u: HEX4, U: HEX8 },
  beyondUnicode: 'replacement-character',
  unknown: 'drop-backslash',
};

/**
 * Python str literals. Unknown escapes keep their backslash, as Python does, so the quotes and the
 * backslash itself must be listed; `\N{name}` is one of them, since names are not looked up.
 */
export const PYTHON_ESCAPES: EscapeDialect = {
  simple: { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' },
  continuations: ['\r\n', '\n', '\r'],
  hex: { x: HEX2, u: HEX4, U: HEX8 },
  beyondUnicode: 'literal',
  octalMax: 0o777,
  unknown: 'keep-backslash',
};

/** Python bytes literals: no `\u` or `\U`. */
export const PYTHON_BYTES_ESCAPES: EscapeDialect = { ...PYTHON_ESCAPES, hex: { x: HEX2 } };

/** Decodes the backslash escapes of a literal body; a backslash ending the body stays as written. */
export function decodeEscapes(body: string, dialect: EscapeDialect): string {
  let i = body.indexOf('\\');
  if (i < 0) return body;
  let out = '';
  let from = 0;
  while (i >= 0 && i < body.length - 1) {
    out += body.slice(from, i);
    const escape = escapeAt(body, i + 1, dialect);
    if (escape) {
      out += escape.text;
      from = i + 1 + escape.length;
    } else if (dialect.unknown === 'drop-backslash') {
      out += body[i + 1];
      from = i + 2;
    } else {
      out += '\\';
      from = i + 1;
    }
    i = body.indexOf('\\', from);
  }
  return out + body.slice(from);
}

/** The escape whose letter is at `at` (just after a backslash), with how many characters it spans from there. */
function escapeAt(body: string, at: number, dialect: EscapeDialect): { text: string; length: number } | undefined {
  const letter = body[at];
  const simple = dialect.simple[letter];
  if (simple !== undefined) return { text: simple, length: 1 };
  for (const lineBreak of dialect.continuations) {
    if (body.startsWith(lineBreak, at)) return { text: '', length: lineBreak.length };
  }
  for (const form of dialect.hex[letter] ?? []) {
    const escape = hexEscape(body, at, form, dialect);
    if (escape) return escape;
  }
  if (dialect.octalMax !== undefined && isOctal(body.charCodeAt(at))) {
    let value = 0;
    let end = at;
    while (end < at + 3 && isOctal(body.charCodeAt(end))) {
      const next = value * 8 + body.charCodeAt(end) - 48;
      if (next > dialect.octalMax) break;
      value = next;
      end++;
    }
    return { text: String.fromCharCode(value), length: end - at };
  }
  return undefined;
}

function hexEscape(body: string, at: number, form: HexForm, dialect: EscapeDialect): { text: string; length: number } | undefined {
  let start = at + 1;
  if (form.repeatable) while (body[start] === body[at]) start++;
  if (form.braced && body[start++] !== '{') return undefined;
  let end = start;
  while (end < start + form.max && isHex(body.charCodeAt(end))) end++;
  if (end - start < form.min || (form.braced && body[end] !== '}')) return undefined;
  const code = parseInt(body.slice(start, end), 16);
  const length = end + (form.braced ? 1 : 0) - at;
  if (code <= 0x10ffff) return { text: String.fromCodePoint(code), length };
  return dialect.beyondUnicode === 'literal' ? undefined : { text: '\ufffd', length };
}

/** `{{` and `}}` in an interpolated string (C#, Python f-strings) each stand for one brace. */
export function decodeBraces(body: string): string {
  if (body.includes('{{')) body = body.replaceAll('{{', '{');
  if (body.includes('}}')) body = body.replaceAll('}}', '}');
  return body;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}
