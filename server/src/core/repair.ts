/**
 * Valid code the grammars trip on, masked so that it parses: C# preprocessor directives inside
 * expressions and switch sections (only the first branch of each `#if` group is kept), Java
 * type-use annotations before varargs (`String @NonNull... names`), a bare `&` in JSX text, and the
 * E4X of Mirth's Rhino scripts (`for each (var obx in msg..OBX)`). Masking
 * replaces characters with spaces and keeps every line break, so offsets, lines and columns are those
 * of the original text. The engine uses a repaired text only when it parses with fewer errors.
 */
import type { CodeLanguage, Span } from './ir';

const DIRECTIVE = /^[ \t]*#[ \t]*(if|elif|else|endif|region|endregion|pragma|define|undef|nullable|warning|error|line)\b/;

/** The text with the constructs masked, or undefined when the language has nothing to repair in it. */
export function repairedSource(language: CodeLanguage, text: string, errors: readonly Span[]): string | undefined {
  let out: string | undefined;
  if (language === 'csharp' && /^[ \t]*#/m.test(text)) out = maskPreprocessor(text);
  if (language === 'java' && /@\w+(?:\.\w+)*\s*(?:\.\.\.|\[\])/.test(text)) out = (out ?? text).replace(/@\w+(?:\.\w+)*(?=\s*(?:\.\.\.|\[\]))/g, (m) => ' '.repeat(m.length));
  if ((language === 'tsx' || language === 'javascript') && errors.length > 0) out = maskBareAmpersands(out ?? text, errors);
  return out !== undefined && out !== text ? out : undefined;
}

/**
 * Mirth scripts run on Rhino with E4X: `for each (x in list)` becomes `for      (x in list)` and the
 * descendant operator `msg..OBX` becomes the member access `msg. OBX` (same length, same meaning for
 * the analysis). Spread (`...rest`) is left alone.
 */
export function maskE4x(text: string): string | undefined {
  if (!/\bfor\s+each\s*\(|[\w\])]\.\.[A-Za-z_$]/.test(text)) return undefined;
  const out = text.replace(/\bfor(\s+)each(\s*)\(/g, (_m, a: string, b: string) => `for${a}    ${b}(`).replace(/([\w\])])\.\.(?=[A-Za-z_$])/g, (_m, c: string) => `${c}. `);
  return out !== text ? out : undefined;
}

function blank(line: string): string {
  return line.replace(/[^\r]/g, ' ');
}

/** Keeps the first branch of every `#if` group; masks the other branches and every directive line. */
function maskPreprocessor(text: string): string {
  const lines = text.split('\n');
  // Per open group: whether the current branch is kept, and whether the group's first branch was kept.
  const groups: { keeping: boolean; outerKept: boolean }[] = [];
  const kept = (): boolean => groups.every((g) => g.keeping);
  for (let i = 0; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]);
    if (m) {
      const kind = m[1];
      if (kind === 'if') groups.push({ keeping: true, outerKept: kept() });
      else if ((kind === 'elif' || kind === 'else') && groups.length > 0) groups[groups.length - 1].keeping = false;
      else if (kind === 'endif') groups.pop();
      lines[i] = blank(lines[i]);
    } else if (!kept()) lines[i] = blank(lines[i]);
  }
  return lines.join('\n');
}

/** `Registration & Validation` in JSX text: an `&` that starts no entity, near a syntax error. */
function maskBareAmpersands(text: string, errors: readonly Span[]): string {
  let out = text;
  for (const e of errors) {
    const from = text.lastIndexOf('\n', e.start) + 1;
    const lineEnd = text.indexOf('\n', e.end);
    const to = lineEnd < 0 ? text.length : lineEnd;
    const segment = out.slice(from, to).replace(/&(?!#?\w+;)(?=\s)/g, ' ');
    out = out.slice(0, from) + segment + out.slice(to);
  }
  return out;
}
