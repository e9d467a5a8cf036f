/** Fingerprints that stay the same when unrelated lines move: the rule, the text of the construct's line and of the construct, and its occurrence number. */
import { createHash, Hash } from 'crypto';
import { PendingFinding } from '../rule';
import { LineIndex } from '../text';

/**
 * The fingerprints of one file's findings. A fingerprint is the SHA-256 of
 * `rule \0 line text (whitespace collapsed) \0 construct text (first 160 characters, collapsed)`
 * and the number of earlier findings with the same three. Each line is normalised and hashed once
 * (the hash state is copied per finding), so a file of one 10 MB line with thousands of findings
 * costs one pass over the line, not one per finding.
 */
export class Fingerprinter {
  private readonly occurrences = new Map<string, number>();
  private readonly lineStates = new Map<string, { state: Hash; key: string }>();

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  of(p: PendingFinding): string {
    const line = this.lines.positionAt(p.at.start).line;
    const snippet = collapse(this.text.slice(p.at.start, Math.min(p.at.end, p.at.start + 160)));
    const prefix = this.prefix(p.ruleId, line);
    const key = `${prefix.key}\0${snippet}`;
    const n = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, n + 1);
    return `${prefix.state.copy().update(snippet).digest('hex').slice(0, 32)}:${n}`;
  }

  /** The hash state after `rule \0 line \0`, and a short key standing for that text. */
  private prefix(ruleId: string, line: number): { state: Hash; key: string } {
    const id = `${ruleId}\0${line}`;
    let entry = this.lineStates.get(id);
    if (!entry) {
      const lineText = collapse(this.lines.lineText(line));
      const state = createHash('sha256').update(`${ruleId}\0`).update(lineText).update('\0');
      // Lines with the same text share occurrence numbers: the key is the line's own digest.
      entry = { state, key: `${ruleId}\0${createHash('sha256').update(lineText).digest('base64')}` };
      this.lineStates.set(id, entry);
    }
    return entry;
  }
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
