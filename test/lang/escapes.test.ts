import * as assert from 'node:assert/strict';
import {
  CSHARP_ESCAPES,
  decodeBraces,
  decodeEscapes,
  EscapeDialect,
  JAVA_ESCAPES,
  JAVASCRIPT_ESCAPES,
  PYTHON_BYTES_ESCAPES,
  PYTHON_ESCAPES,
} from '../../server/src/core/lang/escapes';

const DIALECTS: [string, EscapeDialect][] = [
  ['JavaScript', JAVASCRIPT_ESCAPES],
  ['Java', JAVA_ESCAPES],
  ['C#', CSHARP_ESCAPES],
  ['Python', PYTHON_ESCAPES],
  ['Python bytes', PYTHON_BYTES_ESCAPES],
];

/** The decoded body in each dialect, in the order of `DIALECTS`. */
function decodedIn(body: string): string[] {
  return DIALECTS.map(([, dialect]) => decodeEscapes(body, dialect));
}

describe('string escape decoding', () => {
  it('leaves a body without backslashes alone, and keeps a trailing backslash in every dialect', () => {
    for (const [, dialect] of DIALECTS) {
      assert.equal(decodeEscapes('no escapes {{here}}', dialect), 'no escapes {{here}}');
      assert.equal(decodeEscapes('end\\', dialect), 'end\\');
      assert.equal(decodeEscapes('\\', dialect), '\\');
      assert.equal(decodeEscapes('a\\nb\\tc', dialect), 'a\nb\tc');
    }
  });

  it('knows each language’s own single-letter escapes', () => {
    // In the order of DIALECTS: JavaScript, Java, C#, Python, Python bytes.
    assert.deepEqual(decodedIn('\\v'), ['\v', 'v', '\v', '\v', '\v']);
    assert.deepEqual(decodedIn('\\s'), ['s', ' ', 's', '\\s', '\\s']);
    assert.deepEqual(decodedIn('\\a'), ['a', 'a', '\x07', '\x07', '\x07']);
    assert.deepEqual(decodedIn('\\e'), ['e', 'e', '\x1b', '\\e', '\\e']);
    assert.deepEqual(decodedIn('\\b\\f\\r'), ['\b\f\r', '\b\f\r', '\b\f\r', '\b\f\r', '\b\f\r']);
  });

  it('drops the backslash of an unknown escape in JavaScript, Java and C#, and keeps it in Python', () => {
    assert.deepEqual(decodedIn('\\q\\"\\\'\\\\'), ['q"\'\\', 'q"\'\\', 'q"\'\\', '\\q"\'\\', '\\q"\'\\']);
    assert.deepEqual(decodedIn('\\N{EM DASH}'), ['N{EM DASH}', 'N{EM DASH}', 'N{EM DASH}', '\\N{EM DASH}', '\\N{EM DASH}']);
    assert.deepEqual(decodedIn('\\😀'), ['\uD83D\uDE00', '\uD83D\uDE00', '\uD83D\uDE00', '\\\uD83D\uDE00', '\\\uD83D\uDE00']);
  });

  it('reads \\x with two digits in JavaScript and Python, one to four in C#, and not at all in Java', () => {
    assert.deepEqual(decodedIn('\\x41'), ['A', 'x41', 'A', 'A', 'A']);
    assert.deepEqual(decodedIn('\\x4'), ['x4', 'x4', '\x04', '\\x4', '\\x4']);
    assert.deepEqual(decodedIn('\\x00411'), ['\0' + '411', 'x00411', 'A1', '\0' + '411', '\0' + '411']);
    assert.deepEqual(decodedIn('\\xZZ'), ['xZZ', 'xZZ', 'xZZ', '\\xZZ', '\\xZZ']);
  });

  it('reads \\u with four digits; braces only in JavaScript, repeated u only in Java, none in Python bytes', () => {
    assert.deepEqual(decodedIn('\\u00e9'), ['é', 'é', 'é', 'é', '\\u00e9']);
    assert.deepEqual(decodedIn('\\u00e'), ['u00e', 'u00e', 'u00e', '\\u00e', '\\u00e']);
    assert.deepEqual(decodedIn('\\u{1F600}'), ['😀', 'u{1F600}', 'u{1F600}', '\\u{1F600}', '\\u{1F600}']);
    assert.deepEqual(decodedIn('\\uuu0041'), ['uuu0041', 'A', 'uuu0041', '\\uuu0041', '\\uuu0041']);
    assert.equal(decodeEscapes('\\u{1F600', JAVASCRIPT_ESCAPES), 'u{1F600');
    assert.equal(decodeEscapes('\\u{1234567}', JAVASCRIPT_ESCAPES), 'u{1234567}');
    assert.equal(decodeEscapes('\\uD83D\\uDE00', JAVASCRIPT_ESCAPES), '😀');
  });

  it('reads \\U with eight digits in C# and Python; past U+10FFFF, C# gives U+FFFD and Python keeps the escape', () => {
    assert.deepEqual(decodedIn('\\U0001F600'), ['U0001F600', 'U0001F600', '😀', '😀', '\\U0001F600']);
    assert.deepEqual(decodedIn('\\U00110000'), ['U00110000', 'U00110000', '\ufffd', '\\U00110000', '\\U00110000']);
    assert.deepEqual(decodedIn('\\U0041'), ['U0041', 'U0041', 'U0041', '\\U0041', '\\U0041']);
  });

  it('reads octal up to \\377 in Java and up to three digits in Python; JavaScript and C# know only \\0', () => {
    assert.deepEqual(decodedIn('\\101'), ['101', 'A', '101', 'A', 'A']);
    assert.deepEqual(decodedIn('\\0'), ['\0', '\0', '\0', '\0', '\0']);
    assert.deepEqual(decodedIn('\\01'), ['\0' + '1', '\x01', '\0' + '1', '\x01', '\x01']);
    assert.deepEqual(decodedIn('\\377'), ['377', '\xff', '377', '\xff', '\xff']);
    assert.deepEqual(decodedIn('\\400'), ['400', ' 0', '400', '\u0100', '\u0100']);
    assert.deepEqual(decodedIn('\\7777'), ['7777', '?77', '7777', '\u01ff7', '\u01ff7']);
    assert.deepEqual(decodedIn('\\8'), ['8', '8', '8', '\\8', '\\8']);
  });

  it('joins lines at \\ + LF everywhere but C#; Java and Python also at CR and CRLF', () => {
    assert.deepEqual(decodedIn('a\\\nb'), ['ab', 'ab', 'a\nb', 'ab', 'ab']);
    assert.deepEqual(decodedIn('a\\\r\nb'), ['a\r\nb', 'ab', 'a\r\nb', 'ab', 'ab']);
    assert.deepEqual(decodedIn('a\\\rb'), ['a\rb', 'ab', 'a\rb', 'ab', 'ab']);
  });

  it('collapses doubled braces of interpolated strings', () => {
    assert.equal(decodeBraces('{{x}} {y} }}{{'), '{x} {y} }{');
    assert.equal(decodeBraces('{{{'), '{{');
    assert.equal(decodeBraces('no braces'), 'no braces');
  });
});
