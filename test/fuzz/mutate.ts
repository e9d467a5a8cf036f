/**
 * Mutations of a seed's bytes, as fast-check arbitraries: byte flips, truncation, splicing in part
 * of another seed, deep nesting, very long lines, invalid UTF-8, NUL bytes, byte-order marks, mixed
 * line endings and hostile annotation comments. Positions are fractions of the input's length, so
 * one mutation applies to any seed and shrinks well.
 */
import fc from 'fast-check';
import { EXCEPTION_IDS } from '../../server/src/core/annotations/exceptions';

export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; from: number; length: number; at: number }
  | { op: 'splice'; other: number; from: number; length: number; at: number }
  | { op: 'nest'; at: number; open: string; close: string; depth: number; closed: boolean }
  | { op: 'long-line'; at: number; chunk: string; times: number }
  | { op: 'bytes'; at: number; bytes: number[] }
  | { op: 'bom'; bom: 'utf8' | 'utf16le' | 'utf16be' }
  | { op: 'line-endings'; choices: number[] }
  | { op: 'annotation'; at: number; style: number; text: string };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const NESTING: [string, string][] = [
  ['[', ']'],
  ['{', '}'],
  ['(', ')'],
  ['f(', ')'],
  ['{"a":', '}'],
  ['<a>', '</a>'],
  ['- ', ''],
  ['a:\n ', ''],
  ['if (x) {', '}'],
  ['x = [', ']'],
  ['"', '"'],
  ['/*', '*/'],
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['${', '}'],
  ['`', '`'],
  ['"""', '"""'],
  [' + "fhir"', ''],
];

const CHUNKS = ['a', 'fhir ', '/fhir/r4/Patient/$export ', '"x": 1, ', 'x = f(x) + ', '[1, ', '{', '- a: b ', '<a b="c"/>', '\\', '#', '\t', 'é€😀', '\ud800'];

/** Annotation fields and values that push the annotation reader: unknown names, malformed dates, comment closers, huge and odd values. */
const FIELD_NAMES = ['reason', 'owner', 'review-by', 'risk', 'harm', 'basis', 'law', 'sub-exception', 'approved-by', 'ticket', 'rule', 'condition', 'x', '', 'reason reason', 'rev1ew-by'];
const FIELD_VALUES = [
  'Results are held for clinician review before release',
  '',
  '2027-06-01',
  '2020-13-45',
  '9999-12-31',
  '0000-00-00',
  'TODO',
  '*/ x = 1; /*',
  '--> <a>',
  '"""',
  '\u2028\u2029',
  'é€😀\ud800',
  '${injected}',
  'x'.repeat(5000),
  ': : : :',
  'individual-request',
  'unjustified-throttle',
];

const annotationText = fc
  .record({
    id: fc.oneof(fc.constantFrom(...EXCEPTION_IDS), fc.constantFrom('', 'not-an-exception', 'ehi-exception:', 'privacy privacy', 'PRIVACY'), fc.string({ maxLength: 20 })),
    fields: fc.array(fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.oneof(fc.constantFrom(...FIELD_VALUES), fc.string({ maxLength: 40 }))), { maxLength: 8 }),
    header: fc.constantFrom('ehi-exception:', 'ehi-exception :', 'EHI-EXCEPTION:', 'ehi-exception', 'ehi-exception: ehi-exception:'),
  })
  .map(({ id, fields, header }) => ({ header: `${header} ${id}`, fields: fields.map(([n, v]) => `${n}: ${v}`) }));

export function mutationArb(seedCount: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fraction, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fraction }),
    fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ op: fc.constant('duplicate' as const), from: fraction, length: fc.integer({ min: 1, max: 400 }), at: fraction }),
    fc.record({ op: fc.constant('splice' as const), other: fc.nat({ max: seedCount - 1 }), from: fraction, length: fc.integer({ min: 1, max: 600 }), at: fraction }),
    fc
      .record({ at: fraction, pair: fc.constantFrom(...NESTING), depth: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 150, max: 700 }), fc.integer({ min: 1000, max: 20000 })), closed: fc.boolean() })
      .map(({ at, pair, depth, closed }) => ({ op: 'nest' as const, at, open: pair[0], close: pair[1], depth, closed })),
    fc.record({ op: fc.constant('long-line' as const), at: fraction, chunk: fc.constantFrom(...CHUNKS), times: fc.oneof(fc.integer({ min: 100, max: 2000 }), fc.integer({ min: 10000, max: 40000 })) }),
    fc.record({ op: fc.constant('bytes' as const), at: fraction, bytes: fc.array(fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0, 0x0d, 0x0a, 0x1b, 0x7f)), { minLength: 1, maxLength: 8 }) }),
    fc.record({ op: fc.constant('bom' as const), bom: fc.constantFrom('utf8' as const, 'utf16le' as const, 'utf16be' as const) }),
    fc.record({ op: fc.constant('line-endings' as const), choices: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 16 }) }),
    fc.record({ op: fc.constant('annotation' as const), at: fraction, style: fc.nat({ max: 5 }), text: annotationText.map((a) => JSON.stringify(a)) }),
  );
}

export interface FuzzCase {
  seed: number;
  mutations: Mutation[];
}

export function caseArb(seedIndexes: readonly number[], seedCount: number): fc.Arbitrary<FuzzCase> {
  return fc.record({ seed: fc.constantFrom(...seedIndexes), mutations: fc.array(mutationArb(seedCount), { minLength: 1, maxLength: 3 }) });
}

const pos = (length: number, f: number): number => Math.min(length, Math.floor(f * (length + 1)));

/** Comment syntaxes an annotation can be written in (the fuzzer puts any of them in any file). */
function comment(style: number, header: string, fields: string[], indent: string): string {
  switch (style) {
    case 0:
      return [header, ...fields.map((f) => `  ${f}`)].map((l) => `${indent}// ${l}\n`).join('');
    case 1:
      return [header, ...fields.map((f) => `  ${f}`)].map((l) => `${indent}# ${l}\n`).join('');
    case 2:
      return `${indent}/* ${header}\n${fields.map((f) => `${indent}   ${f}\n`).join('')}${indent}*/\n`;
    case 3:
      return `${indent}/** ${header}\n${fields.map((f) => `${indent} * ${f}\n`).join('')}${indent} */\n`;
    case 4:
      return `${indent}<!-- ${header}\n${fields.map((f) => `${indent}     ${f}\n`).join('')}${indent}-->\n`;
    default:
      // A register entry.
      return `- file: ${fields[0]?.split(': ')[1] ?? 'a.json'}\n  at: /a\n  exception: ${header.split(' ').pop()}\n${fields.map((f) => `  ${f}\n`).join('')}`;
  }
}

/** The bytes a case makes from its seed. */
export function applyMutations(bytes: Buffer, mutations: readonly Mutation[], seedBytes: (i: number) => Buffer): Buffer {
  let b = bytes;
  for (const m of mutations) b = applyOne(b, m, seedBytes);
  return b;
}

function insert(b: Buffer, at: number, piece: Buffer | string): Buffer {
  const p = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
  return Buffer.concat([b.subarray(0, at), p, b.subarray(at)]);
}

function applyOne(b: Buffer, m: Mutation, seedBytes: (i: number) => Buffer): Buffer {
  switch (m.op) {
    case 'flip': {
      if (b.length === 0) return b;
      const at = Math.min(b.length - 1, pos(b.length, m.at));
      const out = Buffer.from(b);
      out[at] ^= 1 << m.bit;
      return out;
    }
    case 'truncate':
      return b.subarray(0, pos(b.length, m.at));
    case 'delete': {
      const at = pos(b.length, m.at);
      return Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    }
    case 'duplicate': {
      const from = pos(b.length, m.from);
      return insert(b, pos(b.length, m.at), b.subarray(from, from + m.length));
    }
    case 'splice': {
      const other = seedBytes(m.other);
      const from = pos(other.length, m.from);
      return insert(b, pos(b.length, m.at), other.subarray(from, from + m.length));
    }
    case 'nest': {
      const at = pos(b.length, m.at);
      const piece = m.open.repeat(m.depth) + (m.closed ? m.close.repeat(m.depth) : '');
      return insert(b, at, piece);
    }
    case 'long-line': {
      // Joins the text around the insertion into one very long line.
      return insert(b, pos(b.length, m.at), m.chunk.repeat(m.times));
    }
    case 'bytes':
      return insert(b, pos(b.length, m.at), Buffer.from(m.bytes));
    case 'bom': {
      const text = b.toString('utf8');
      if (m.bom === 'utf8') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
      const le = Buffer.from(text, 'utf16le');
      if (m.bom === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'line-endings': {
      const endings = ['\n', '\r\n', '\r'];
      let i = 0;
      const text = b.toString('latin1').replace(/\r\n|\n|\r/g, () => endings[m.choices[i++ % m.choices.length]]);
      return Buffer.from(text, 'latin1');
    }
    case 'annotation': {
      const { header, fields } = JSON.parse(m.text) as { header: string; fields: string[] };
      // At the start of a line, indented like it.
      let at = pos(b.length, m.at);
      while (at > 0 && b[at - 1] !== 0x0a) at--;
      let indentEnd = at;
      while (indentEnd < b.length && (b[indentEnd] === 0x20 || b[indentEnd] === 0x09)) indentEnd++;
      return insert(b, at, comment(m.style, header, fields, b.subarray(at, indentEnd).toString('latin1')));
    }
  }
}
