/** Text changes as offsets into one file's text; the protocol layer turns them into ranges. */

export interface TextChange {
  start: number;
  end: number;
  text: string;
  /** The same change as a snippet with tab-stops, for clients that apply snippet edits. */
  snippet?: string;
}

/** Applies changes (non-overlapping) to a text: what a client does with the returned edit. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, c.start) + c.text + out.slice(c.end);
  return out;
}

/** Escapes literal text for a snippet (`$`, `}` and `\` are syntax there). */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Builds a text and its snippet twin piece by piece, numbering tab-stops. */
export class SnippetBuilder {
  private plain = '';
  private snippet = '';
  private stop = 1;

  text(value: string): this {
    this.plain += value;
    this.snippet += snippetText(value);
    return this;
  }

  /** Text only the snippet gets (a space before a tab-stop, which plain text would leave trailing). */
  snippetOnly(value: string): this {
    this.snippet += snippetText(value);
    return this;
  }

  /** A tab-stop with a default (the plain text gets the default too). */
  placeholder(defaultValue = ''): this {
    this.plain += defaultValue;
    this.snippet += defaultValue === '' ? `\${${this.stop++}}` : `\${${this.stop++}:${snippetText(defaultValue)}}`;
    return this;
  }

  /** A tab-stop offering a choice; the plain text leaves it empty so nothing is chosen for the user. */
  choice(values: readonly string[]): this {
    this.snippet += `\${${this.stop++}|${values.map((v) => v.replace(/[\\|,$}]/g, (c) => `\\${c}`)).join(',')}|}`;
    return this;
  }

  build(): { text: string; snippet: string } {
    return { text: this.plain, snippet: this.snippet };
  }
}

/** The date a year after `now`, as YYYY-MM-DD (the default next review). */
export function oneYearFrom(now: Date): string {
  const next = new Date(now.getFullYear() + 1, now.getMonth(), now.getDate());
  const y = next.getFullYear();
  const m = String(next.getMonth() + 1).padStart(2, '0');
  const d = String(next.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Leading whitespace of a line. */
export function indentationOf(lineText: string): string {
  return /^[ \t]*/.exec(lineText)![0];
}

/** One indentation step in the style of the text around (tabs, or the narrowest space step seen). */
export function indentUnit(text: string): string {
  if (/^\t/m.test(text)) return '\t';
  let smallest = 8;
  for (const m of text.matchAll(/^( +)\S/gm)) if (m[1].length < smallest) smallest = m[1].length;
  return ' '.repeat(smallest >= 2 && smallest <= 8 ? smallest : 2);
}
