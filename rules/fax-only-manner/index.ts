/**
 * The `fax-only-manner` rule: release, exchange and records-request paths whose only delivery
 * manners are fax, mail, paper or pickup. Documented in `meta.docs` (docs/rules/fax-only-manner.md);
 * what counts as a paper or an electronic manner is in `manners.ts` beside it.
 */
import type { CodeModel } from '../../server/src/core/code-model';
import { descendants, entriesBelow, scalarString, stringList as configStringList } from '../../server/src/core/formats/tree';
import type { IrNode } from '../../server/src/core/ir';
import { walk } from '../../server/src/core/ir';
import { defineRule } from '../../server/src/core/rule';
import {
  CAPABILITY_WORDS,
  isDeliveryName,
  isElectronicManner,
  isNonElectronicManner,
  isUnambiguousNonElectronic,
  nonElectronicOnly,
  REQUESTER_WORDS,
} from './manners';
import { isRejection } from '../../server/src/analysis/responses';
import { calleeName, dotted, identifierWords, listElements, memberName, stringList, stringValue } from '../../server/src/analysis/values';

const LAWFUL =
  'Fax, mail and paper are not alternative manners under the Manner exception (45 CFR 171.301); this is lawful only if an electronic manner was offered and refused (Manner) or providing one is infeasible and the requestor gets a written reason within 10 business days (Infeasibility, 171.204), documented.';

export default defineRule({
  meta: {
    id: 'fax-only-manner',
    title: 'Fax, mail or paper as the only delivery manner',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties'],
    exceptions: ['manner', 'infeasibility'],
triggers: [
      'fax',
      'facsimile',
      'paper',
      'postal',
      'usps',
      'us_mail',
      'us-mail',
      'usmail',
      'snail',
      'pickup',
      'pick_up',
      'pick-up',
      'in_person',
      'in-person',
      'inperson',
      'walk-in',
      'walk_in',
      'walkin',
      'courier',
      'hardcopy',
      'hard_copy',
      'hard-copy',
      "print'",
      'print"',
      'printed',
      'printout',
      'printandmail',
      'print_and_mail',
      'delivery',
      'manner',
    ],
    messages: {
      channelList: '{where} offers only {manners} for delivering EHI: no electronic manner. ' + LAWFUL,
      channelEnum: '`{name}` lists only {manners} as delivery manners: no electronic manner. ' + LAWFUL,
      requesterBranch: 'Every request matching `{condition}` is sent by {manner}, whatever manner was asked for. ' + LAWFUL,
      rejectsElectronic: 'Requests are refused unless they ask for {manner}: every electronic manner is rejected. ' + LAWFUL,
    },
    docs: {
      summary:
        'Flags release, exchange and records-request paths whose only delivery manners are fax, mail, paper or in-person pickup: channel lists and enums of only those, branches that send a whole class of requester to fax, and handlers that reject every electronic manner.',
      why:
        'Sharing EHI in the manner requested is the default; when the actor cannot, the Manner exception (45 CFR 171.301) requires an alternative in a fixed order: certified health IT, a published content and transport standard, or a machine-readable format. Fax, mail and paper are none of these, so a fax-only or paper-only path for a requestor who asked for an electronic manner that the actor could provide is the classic interference with access, exchange or use (171.103).',
      fix:
        'Offer an electronic manner on the same path (FHIR API, Direct secure messaging, portal download, a C-CDA or FHIR Bundle file) and keep fax as one option or as the fallback when the requestor has no electronic address. If the restriction is deliberate, document the Manner or Infeasibility exception in an `ehi-exception` annotation.',
      notFlagged: [
        'Fax offered as one manner among electronic ones (`["fhir", "direct", "fax"]`).',
        'Fax as the fallback when no electronic address exists (`if (!recipient.directAddress) sendFax(...)`) or when the requestor asked for fax.',
        'A lone `mail` or `letter`: it may mean email; it counts only beside another paper manner.',
        'Defaults and preferences (`defaultDeliveryMethod: fax`): other manners may still be offered.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged: "const RELEASE_CHANNELS = ['fax', 'mail'];",
          fixed: "const RELEASE_CHANNELS = ['fhir-api', 'direct', 'portal', 'fax', 'mail'];",
        },
        {
          language: 'java',
          flagged: 'if (request.getRequesterType() == RequesterType.PROVIDER) {\n  faxService.send(request, records);\n}',
          fixed: 'if (recipient.getDirectAddress() == null) {\n  faxService.send(request, records);\n} else {\n  directClient.send(recipient.getDirectAddress(), records);\n}',
        },
      ],
    },
    version: 1,
  },

  code(ctx) {
    const { code } = ctx;
    const reportList = (where: string, list: IrNode, name: string): void => {
      const values = stringList(code, list);
      if (!values || !nonElectronicOnly(values) || !isDeliveryName(name)) return;
      ctx.report({ at: list, messageId: 'channelList', data: { where, manners: describe(values) } });
    };
    return {
      variable(node) {
        if (node.value && node.value.kind !== 'name') reportList(`\`${node.name}\``, node.value, node.name);
      },
      object(node) {
        for (const p of node.properties) if (p.value.kind !== 'name') reportList(`\`${p.key}\``, p.value, p.key);
      },
      assign(node) {
        const name = node.target.kind === 'member' ? node.target.property : node.target.kind === 'name' ? node.target.name : undefined;
        if (name && node.value.kind !== 'name') reportList(`\`${name}\``, node.value, name);
      },
      call(node) {
        for (const a of node.args) if (a.name && a.value.kind !== 'name') reportList(`\`${a.name}\``, a.value, a.name);
      },
      enum(node) {
        if (!isDeliveryName(node.name)) return;
        const values = node.members.map((m) => stringValue(code, m.value) ?? m.name);
        if (nonElectronicOnly(values)) ctx.report({ at: node, messageId: 'channelEnum', data: { name: node.name, manners: describe(values) } });
      },
      if(node) {
        const branch = requesterBranch(code, node.test, node.consequent);
        if (branch) {
          ctx.report({ at: node, messageId: 'requesterBranch', data: { condition: code.textOf(node.test).slice(0, 80).replace(/\s+/g, ' '), manner: branch } });
          return;
        }
        const manner = rejectsOtherManners(code, node.test);
        if (manner && isRejection(code, node.consequent)) ctx.report({ at: node, messageId: 'rejectsElectronic', data: { manner } });
      },
      switch(node) {
        if (!mentionsRequester(code, node.discriminant)) return;
        for (const c of node.cases) {
          if (c.tests.length === 0) continue;
          const manner = c.body.map((s) => paperDelivery(code, s)).find((m) => m);
          if (manner) {
            const condition = `${code.textOf(node.discriminant)} == ${c.tests.map((t) => code.textOf(t)).join(' | ')}`;
            ctx.report({ at: c, messageId: 'requesterBranch', data: { condition: condition.slice(0, 80), manner } });
          }
        }
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      for (const node of descendants(root)) {
        const entry = node.entry;
        if (!entry || !isDeliveryName(entry.key)) continue;
        if (node.kind === 'seq' || (node.kind === 'scalar' && typeof node.value === 'string' && node.value.includes(','))) {
          const values = configStringList(node);
          if (values && nonElectronicOnly(values)) ctx.report({ at: entry, messageId: 'channelList', data: { where: `\`${entry.key}\``, manners: describe(values) } });
        } else if (node.kind === 'scalar') {
          const value = scalarString(node);
          if (value && isUnambiguousNonElectronic(value) && !/default|fallback|prefer|backup|secondary/i.test(entry.key)) {
            ctx.report({ at: entry, messageId: 'channelList', data: { where: `\`${entry.key}\``, manners: describe([value]) } });
          }
        }
      }
      // XML written as repeated elements: <deliveryMethods><method>fax</method><method>mail</method></deliveryMethods>
      for (const e of entriesBelow(root)) {
        if (!isDeliveryName(e.key) || e.value.kind !== 'map') continue;
        const seq = e.value.entries.length === 1 ? e.value.entries[0].value : undefined;
        const values = seq ? configStringList(seq) : undefined;
        if (values && nonElectronicOnly(values)) ctx.report({ at: e, messageId: 'channelList', data: { where: `\`${e.key}\``, manners: describe(values) } });
      }
    }
  },
});

function describe(values: string[]): string {
  const unique = [...new Set(values.map((v) => v.toLowerCase().replace(/_/g, '-')))];
  return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/** Identifier words of every name in an expression. */
function wordsIn(code: CodeModel, node: IrNode): string[] {
  const words: string[] = [];
  walk(node, (n) => {
    if (n.kind === 'name') words.push(...identifierWords(n.name));
    else if (n.kind === 'member') words.push(...identifierWords(n.property));
    else if (n.kind === 'call' && n.callee.kind !== 'member' && n.callee.kind !== 'name') words.push(...identifierWords(code.textOf(n.callee)));
  });
  return words;
}

function mentionsRequester(code: CodeModel, test: IrNode): boolean {
  const words = wordsIn(code, test);
  return words.some((w) => REQUESTER_WORDS.has(w)) && !words.some((w) => CAPABILITY_WORDS.has(w));
}

/** `if (requester.type === 'PROVIDER') { faxService.send(...) }`: the manner a whole class of requester gets. */
function requesterBranch(code: CodeModel, test: IrNode, consequent: IrNode): string | undefined {
  if (!mentionsRequester(code, test)) return undefined;
  const compared = test.kind === 'binary' && /^(===|==|is|equals)$/.test(test.operator);
  const predicate = test.kind === 'call' || (test.kind === 'member' && /^(is|has)[A-Z]/.test(test.property)) || (test.kind === 'name' && /^(is|has)[A-Z_]/.test(test.name));
  const equalsCall = test.kind === 'call' && /^(equals|equalsIgnoreCase|Equals)$/.test(calleeName(test).split('.').pop() ?? '');
  if (!compared && !predicate && !equalsCall) return undefined;
  return paperDelivery(code, consequent);
}

/** The non-electronic manner a statement delivers by: a fax/mail/print call, or setting the delivery method to one. */
function paperDelivery(code: CodeModel, node: IrNode): string | undefined {
  let manner: string | undefined;
  walk(node, (n) => {
    if (manner) return false;
    if (n.kind === 'function') return false;
    if (n.kind === 'call' && !n.isDecorator) {
      const words = identifierWords(calleeName(n).replace(/\(\)/g, ''));
      if (words.includes('fax') || words.includes('efax')) manner = 'fax';
      else if (words.includes('print') && (words.includes('mail') || words.includes('send'))) manner = 'printed mail';
      else if (words.includes('postal') || words.includes('usps')) manner = 'postal mail';
    } else if (n.kind === 'assign' || n.kind === 'variable') {
      const name = n.kind === 'assign' ? dotted(n.target).split('.').pop() ?? '' : n.name;
      const value = n.kind === 'assign' ? n.value : n.value;
      const text = stringValue(code, value) ?? memberName(value);
      if (isDeliveryName(name) && text && isUnambiguousNonElectronic(text)) manner = text.toLowerCase();
    }
  });
  return manner;
}

/** `if (req.deliveryMethod !== 'fax')` or `if (ELECTRONIC.includes(method))`: the manner a refusal insists on. */
function rejectsOtherManners(code: CodeModel, test: IrNode): string | undefined {
  if (test.kind === 'binary' && /^(!==|!=|is not)$/.test(test.operator)) {
    for (const [side, other] of [
      [test.left, test.right],
      [test.right, test.left],
    ] as const) {
      const value = stringValue(code, side) ?? memberName(side);
      if (value && isUnambiguousNonElectronic(value) && isMannerExpression(code, other)) return value.toLowerCase();
    }
  }
  if (test.kind === 'unary' && (test.operator === '!' || test.operator === 'not') && test.operand.kind === 'call') {
    const call = test.operand;
    if (/(^|\.)(equals|equalsIgnoreCase|Equals)$/.test(calleeName(call))) {
      const receiverValue = call.callee.kind === 'member' ? stringValue(code, call.callee.object) ?? memberName(call.callee.object) : undefined;
      const argValue = stringValue(code, call.args[0]?.value) ?? memberName(call.args[0]?.value);
      const manner = [receiverValue, argValue].find((v) => v && isUnambiguousNonElectronic(v));
      const other = manner === receiverValue ? call.args[0]?.value : call.callee.kind === 'member' ? call.callee.object : undefined;
      if (manner && other && isMannerExpression(code, other)) return manner.toLowerCase();
    }
  }
  // ELECTRONIC_MANNERS.includes(method) / method in ELECTRONIC_MANNERS: refusing every listed electronic manner.
  if (test.kind === 'call' && /(^|\.)(includes|contains|Contains|has)$/.test(calleeName(test)) && test.callee.kind === 'member') {
    const values = stringList(code, test.callee.object);
    const subject = test.args[0]?.value;
    if (values && values.length > 0 && values.every(isElectronicManner) && subject && isMannerExpression(code, subject, true)) return 'a non-electronic manner';
  }
  if (test.kind === 'binary' && test.operator === 'in') {
    const values = listElements(code, test.right) ? stringList(code, test.right) : undefined;
    if (values && values.length > 0 && values.every(isElectronicManner) && isMannerExpression(code, test.left, true)) return 'a non-electronic manner';
  }
  return undefined;
}

/**
 * Whether an expression reads the requested delivery manner (`req.deliveryMethod`, `request.channel`).
 * `strict`: only `delivery`/`manner` names, for tests that name no paper manner themselves.
 */
function isMannerExpression(code: CodeModel, node: IrNode, strict = false): boolean {
  const text = dotted(node) || code.textOf(node);
  const last = text.replace(/\(\)/g, '').split(/[.[\]'"]+/).filter((s) => s.length > 0).pop() ?? '';
  const words = identifierWords(last);
  const vocabulary = strict ? ['delivery', 'manner'] : ['delivery', 'manner', 'method', 'channel', 'medium', 'format', 'transport', 'mode'];
  return words.some((w) => vocabulary.includes(w)) && !isNonElectronicManner(last);
}
