/**
 * Message length: every finding's message, rendered over all fixture findings, is one short
 * sentence of at most 160 characters (aim: about 100). What the exception requires and the CFR
 * detail belong to the rule's documentation, hover and SARIF help, not to the one-line outputs
 * (stylish, `::warning`, the Problems panel). Rules whose messages are still being shortened are
 * listed in PENDING_LONG_MESSAGES; remove a rule from it once its messages fit.
 */
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { RULES } from '../rules';
import { FIXTURES, listFiles, NON_RULE_FOLDERS, runFixture } from './fixtures.test';

export const MAX_MESSAGE_LENGTH = 160;

/** Rules whose rendered messages still exceed the limit (their authors are shortening them). */
export const PENDING_LONG_MESSAGES: readonly string[] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

describe('message length', function () {
  this.timeout(300_000);
  const byRule = new Map<string, { message: string; where: string }[]>();

  before(async () => {
    for (const rule of RULES) byRule.set(rule.meta.id, []);
    const folders = RULES.map((r) => r.meta.id).filter((id) => !NON_RULE_FOLDERS.includes(id));
    for (const folder of folders) {
      for (const file of listFiles(path.join(FIXTURES, folder))) {
        const { analysis } = await runFixture(file);
        for (const f of [...analysis.findings, ...analysis.suppressed]) {
          byRule.get(f.ruleId)?.push({ message: f.message, where: `${analysis.path}:${f.range.start.line + 1}` });
        }
      }
    }
  });

  it(`every rule message is at most ${MAX_MESSAGE_LENGTH} characters (rules in PENDING_LONG_MESSAGES excepted)`, () => {
    const all = [...byRule.values()].flat().map((m) => m.message.length);
    assert.ok(all.length > 100, `only ${all.length} fixture findings`);
    const line = (id: string, lengths: number[]): string => `  ${id.padEnd(24)} ${String(lengths.length).padStart(4)} messages, median ${String(median(lengths)).padStart(3)}, max ${String(Math.max(...lengths)).padStart(3)}${PENDING_LONG_MESSAGES.includes(id) ? '  (pending)' : ''}`;
    const report = [`message length over ${all.length} fixture findings: median ${median(all)}, max ${Math.max(...all)}`];
    for (const [id, messages] of byRule) if (messages.length > 0) report.push(line(id, messages.map((m) => m.message.length)));
    console.log(report.join("\n"));
    // EHI_DUMP_MESSAGES=<rule-id prefix> prints that rule's messages over 120 characters, for shortening them.
    if (process.env.EHI_DUMP_MESSAGES) for (const [id, ms] of byRule) for (const m of ms) if (id.startsWith(process.env.EHI_DUMP_MESSAGES) && m.message.length > 120) console.log(`DUMP ${m.message.length} ${id}: ${m.message}`);

    const tooLong: string[] = [];
    const stale: string[] = [];
    for (const [id, messages] of byRule) {
      const over = messages.filter((m) => m.message.length > MAX_MESSAGE_LENGTH);
      if (PENDING_LONG_MESSAGES.includes(id)) {
        if (over.length === 0) stale.push(id);
        continue;
      }
      for (const m of over) tooLong.push(`${id} at ${m.where} (${m.message.length} characters): ${m.message}`);
    }
    if (stale.length > 0) console.log(`  note: ${stale.join(', ')} now fit${stale.length === 1 ? 's' : ''}: remove from PENDING_LONG_MESSAGES in test/messages.test.ts`);
    assert.deepEqual(tooLong, [], `messages over ${MAX_MESSAGE_LENGTH} characters: one short sentence saying what was found and where; the exception detail goes to the docs`);
  });

  it('PENDING_LONG_MESSAGES names only rules that exist', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(PENDING_LONG_MESSAGES.filter((id) => !ids.includes(id)), []);
  });
});
