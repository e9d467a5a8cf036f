/** Fingerprints that stay the same when unrelated lines move: the rule, the text of the construct's line and of the construct, and its occurrence number. */
import { createHash } from 'crypto';
import { PendingFinding } from '../rule';
import { LineIndex } from '../text';

export function fingerprint(p: PendingFinding, text: string, lines: LineIndex, occurrences: Map<string, number>): string {
  const line = lines.positionAt(p.at.start).line;
  const snippet = text.slice(p.at.start, Math.min(p.at.end, p.at.start + 160)).replace(/\s+/g, ' ').trim();
  const base = `${p.ruleId}\0${lines.lineText(line).replace(/\s+/g, ' ').trim()}\0${snippet}`;
  const n = occurrences.get(base) ?? 0;
  occurrences.set(base, n + 1);
  return `${createHash('sha256').update(base).digest('hex').slice(0, 32)}:${n}`;
}
