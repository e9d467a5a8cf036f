/**
 * Turning bytes into text the analysis can trust, and offsets into line/column positions.
 */

/** Zero-based line and UTF-16 column, as the Language Server Protocol counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Maps offsets to positions with a binary search over line starts. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset inside a line break (between CR and LF) is the end of its line.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low] };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[position.line] + position.character, this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    while (end > this.lineStarts[line] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: 'binary' | 'encoding'; message: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true });

/** Text in a legacy single-byte encoding: every byte sequence decodes. Windows-1252 is ISO-8859-1 with printable 0x80–0x9F. */
const WINDOWS_1252 = new TextDecoder('windows-1252');

/**
 * Decodes a file's bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; text
 * that is not valid UTF-8 is read as Windows-1252 (curly quotes in a .NET licence header, Java
 * `.properties` in ISO-8859-1), so it is analysed with its lines and columns right. Only binary
 * files are refused: a NUL byte, or mostly control bytes, in the first 8 KiB.
 */
export function decodeSource(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode(UTF16LE, bytes.subarray(2), 'UTF-16LE');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return tryDecode(UTF16BE, bytes.subarray(2), 'UTF-16BE');
  const sniff = bytes.subarray(0, 8192);
  if (sniff.includes(0)) return { ok: false, reason: 'binary', message: 'binary file (contains NUL bytes)' };
  if (mostlyControlBytes(sniff)) return { ok: false, reason: 'binary', message: 'binary file (mostly control bytes)' };
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const utf8 = tryDecode(UTF8, body, 'UTF-8');
  return utf8.ok ? utf8 : { ok: true, text: WINDOWS_1252.decode(body) };
}

function mostlyControlBytes(sniff: Uint8Array): boolean {
  let control = 0;
  for (const b of sniff) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  return control > 16 && control * 10 > sniff.length;
}

function tryDecode(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array, name: string): DecodeResult {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: 'encoding', message: `not valid ${name} text` };
  }
}
