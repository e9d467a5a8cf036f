/** Reading a file's bytes and decoding them, or the analysis that says why it is not read (unreadable, too large, not text). */
import * as fs from 'fs';
import { LanguageId, languageIdForPath } from '../language';
import { decodeSource } from '../text';
import type { AnalysisSettings, FileAnalysis, NoticeCode } from './types';

/** The bytes of a file, or the analysis that says why it cannot be read (unreadable, over the size limit). */
export function readSource(file: string, settings: AnalysisSettings, displayPath = file): Buffer | FileAnalysis {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > settings.maxBytes) return skipped(displayPath, 'too-large', `not analysed: ${formatBytes(size)} is over the ${formatBytes(settings.maxBytes)} limit`);
    return fs.readFileSync(fd);
  } catch (err) {
    return skipped(displayPath, 'unreadable', `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The text of a file's bytes, or the analysis that says why it is not read (too large, not text). */
export function decodeOrSkip(path: string, bytes: Uint8Array, settings: AnalysisSettings): string | FileAnalysis {
  if (bytes.length > settings.maxBytes) return skipped(path, 'too-large', `not analysed: ${formatBytes(bytes.length)} is over the ${formatBytes(settings.maxBytes)} limit`);
  const decoded = decodeSource(bytes);
  return decoded.ok ? decoded.text : skipped(path, decoded.reason, `not analysed: ${decoded.message}`);
}

export function emptyResult(path: string, language: LanguageId | undefined, text: string): FileAnalysis {
  return { path, language, findings: [], suppressed: [], exceptions: [], notices: [], lines: countLines(text), parsed: false };
}

export function skipped(path: string, code: NoticeCode, message: string): FileAnalysis {
  return { path, language: languageIdForPath(path), findings: [], suppressed: [], exceptions: [], notices: [{ code, message }], lines: 0, parsed: false };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

export function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
