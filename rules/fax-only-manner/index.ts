/**
 * The `fax-only-manner` rule: release, exchange and records-request paths whose only delivery
 * manners are fax, mail, paper or pickup. Documented in `meta.docs` (docs/rules/fax-only-manner.md);
 * what counts as a paper or an electronic manner is in `manners.ts` beside it.
 */
import type { CodeModel } from '../../server/src/core/code-model';
import { ConfigNode, descendants, entriesBelow, scalarString, stringList as configStringList } from '../../server/src/core/formats/tree';
import type { CallNode, IrNode, Span } from '../../server/src/core/ir';
import { forEachChild, walk } from '../../server/src/core/ir';
import { defineRule, distinctPlaces, RelatedPlace, relatedPlace, Report } from '../../server/src/core/rule';
import {
  CAPABILITY_WORDS,
  hasDeliveryWord,
  hasRecordsWord,
  isDeliveryName,
  isElectronicManner,
  isNonElectronicManner,
  isUnambiguousNonElectronic,
  mannerLabel,
  namesRequesterClass,
  nonElectronicOnly,
  REQUESTER_WORDS,
} from './manners';
import { isRejection } from '../../server/src/analysis/responses';
import { calleeLast, calleeName, definitionOf, dotted, identifierWords, listElements, memberName, resolve, stringList, stringValue } from '../../server/src/analysis/values';

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
      'certified',
      'first_class',
      'firstclass',
      'first-class',
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
      channelList: '{where} offers only {manners} for delivering EHI, with no documented exception',
      channelEnum: '`{name}` lists only {manners} as delivery manners, with no documented exception',
      requesterBranch: '`{condition}` gets EHI only by {manner}, with no documented exception',
      rejectsElectronic: 'Requests for an electronic manner are refused (only {manner} accepted), with no documented exception',
      paperOnly: '`{name}` releases records only by {manner}, with no documented exception',
    },
    docs: {
      summary:
        'Flags release, exchange and records-request paths whose only delivery manners are fax, mail (first-class, certified, USPS), paper or in-person pickup: lists, sets, frozensets and enums of only those (named for delivery, or made of a delivery enum’s members), DTO validation that admits only them (`@IsIn([...])`, enum types, `Literal[...]`, `z.enum([...])`, `choices=`), helper functions whose branch or `switch` case for a whole class of requesters (outside providers, payers, attorneys, facilities, post-acute care) returns or uses only them (also when the list is a constant in another file), branches that send such a class to fax or print (`faxService.send`, `channelMap.put("deliveryRoute", "FAX")`, `router.routeMessage("RightFax ...")`, `destinationSet.removeAllExcept(...)` keeping only fax destinations, a loop that faxes every copy-to provider), handlers that reject every electronic manner (`if (manner !== "fax") return 400`, `if channel not in PAPER_CHANNELS: raise`, `if (ELECTRONIC.has(method))`, `is Direct or Email or ...`), release functions whose every delivery is fax or mail, and configuration keys (JSON, YAML, XML, properties) that list only non-electronic methods (`allowed-methods: fax,mail`, `transports: [fax, postal]` under a records or referral key).',
      why:
        'Sharing EHI in the manner requested is the default; when the actor cannot, the Manner exception (45 CFR 171.301) requires an alternative in a fixed order: certified health IT, a published content and transport standard, or a machine-readable format. Fax, mail and paper are none of these, so a fax-only or paper-only path for a requestor who asked for an electronic manner that the actor could provide is the classic interference with access, exchange or use (171.103). Lawful only if an electronic manner was offered and refused (Manner) or providing one is infeasible and the requestor gets a written reason within 10 business days (Infeasibility, 171.204), documented.',
      fix:
        'Offer an electronic manner on the same path (FHIR API, Direct secure messaging, portal download, a C-CDA or FHIR Bundle file) and keep fax as one option or as the fallback when the requestor has no electronic address. If the restriction is deliberate, document the Manner or Infeasibility exception in an `ehi-exception` annotation; on a list’s definition it documents the branches of the same file that use it.',
      notFlagged: [
        'Fax offered as one manner among electronic ones (`["fhir", "direct", "fax"]`).',
        'Fax as the fallback when no electronic address exists (`if (!recipient.directAddress) sendFax(...)`, `if recipient.get("fax_number")` after Direct and FHIR attempts), after an electronic attempt fails (a `catch`), or when the requestor asked for fax.',
        'A lone `mail` or `letter`: it may mean email; it counts only beside another paper manner.',
        'Defaults and preferences (`defaultDeliveryMethod: fax`): other manners may still be offered.',
        'Functions named for one manner (`sendByFax`): the dispatcher that chooses them decides.',
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
    version: 2,
  },

  code(ctx) {
    const { code } = ctx;
    // Lists and enums are reported at the end, unless a branch or check of this file that uses them was reported.
    const definitions: { site: Span; report: Report; enumerated: boolean }[] = [];
    const consumed: Span[] = [];
    const reportUse = (at: IrNode | Span, messageId: string, data: Record<string, string>, related: RelatedPlace[]): void => {
      const unique = distinctPlaces(related);
      ctx.report(unique.length > 0 ? { at, messageId, data, related: unique } : { at, messageId, data });
      for (const r of unique) if ('at' in r) consumed.push(r.at);
    };
    const offerList = (where: string, list: IrNode, name: string, site: Span): void => {
      const manners = mannersOf(code, list);
      if (!manners || !nonElectronicOnly(manners.values) || !(isDeliveryName(name) || manners.deliveryTyped)) return;
      definitions.push({ site, report: { at: list, messageId: 'channelList', data: { where, manners: describe(manners.values) }, related: manners.related }, enumerated: false });
    };
    return {
      variable(node) {
        if (node.value && node.value.kind !== 'name') offerList(`\`${node.name}\``, node.value, node.name, node);
        const declared = declaredManners(code, node.type, node.decorators);
        if (declared && isDeliveryName(node.name) && nonElectronicOnly(declared)) {
          definitions.push({ site: node, report: { at: node, messageId: 'channelList', data: { where: `\`${node.name}\``, manners: describe(declared) } }, enumerated: false });
        }
      },
      function(fn) {
        for (const p of fn.params) {
          const declared = declaredManners(code, p.type, p.decorators);
          if (declared && isDeliveryName(p.name) && nonElectronicOnly(declared)) ctx.report({ at: p, messageId: 'channelList', data: { where: `\`${p.name}\``, manners: describe(declared) } });
        }
        const only = paperOnlyRelease(code, fn);
        if (only) reportUse(only.at, 'paperOnly', { name: fn.name ?? '', manner: only.manner }, []);
      },
      object(node) {
        // `DELIVERY_BY_REQUESTER = { patient: [...], outside_provider: ['fax', 'mail'] }`: an entry per class of requester.
        const owner = holderName(node);
        const byRequester = owner !== undefined && isDeliveryName(owner);
        for (const p of node.properties) {
          if (p.value.kind === 'name') continue;
          if (byRequester && namesRequesterClass(p.key)) offerList(`\`${owner}.${short(p.key, 30)}\``, p.value, owner, p);
          else offerList(`\`${p.key}\``, p.value, p.key, p);
        }
      },
      assign(node) {
        const name = node.target.kind === 'member' ? node.target.property : node.target.kind === 'name' ? node.target.name : undefined;
        if (name && node.value.kind !== 'name') offerList(`\`${name}\``, node.value, name, node);
      },
      call(node) {
        for (const a of node.args) if (a.name && a.value.kind !== 'name') offerList(`\`${a.name}\``, a.value, a.name, a);
        // Java `Map.of(RequesterType.PAYER, List.of(Channel.FAX), ...)` held by a delivery-named constant.
        const owner = /^(Map|ImmutableMap)\.of$/.test(calleeName(node)) ? holderName(node) : undefined;
        if (owner && isDeliveryName(owner)) {
          for (let i = 0; i + 1 < node.args.length; i += 2) {
            const key = code.textOf(node.args[i].value);
            if (namesRequesterClass(key)) offerList(`\`${owner}.${short(key, 30)}\``, node.args[i + 1].value, owner, node.args[i + 1]);
          }
        }
      },
      enum(node) {
        if (!isDeliveryName(node.name)) return;
        const values = node.members.map((m) => {
          // Java enums carry labels (`FAX("Fax to the number on the form")`): the member name is the manner then.
          const v = stringValue(code, m.value);
          return v !== undefined && (isNonElectronicManner(v) || isElectronicManner(v)) ? v : m.name;
        });
        if (nonElectronicOnly(values)) definitions.push({ site: node, report: { at: node, messageId: 'channelEnum', data: { name: node.name, manners: describe(values) } }, enumerated: true });
      },
      if(node) {
        if (isRequesterTest(code, node.test)) {
          const branch = paperDelivery(code, node.consequent);
          if (branch) {
            reportUse(node, 'requesterBranch', { condition: condition(code, node.test), manner: branch.manner }, branch.related);
            return;
          }
        }
        const refused = rejectsOtherManners(code, node.test);
        if (refused && isRejection(code, node.consequent)) reportUse(node, 'rejectsElectronic', { manner: refused.manner }, refused.related);
      },
      switch(node) {
        if (!mentionsRequester(code, node.discriminant)) return;
        let tests: IrNode[] = [];
        for (const c of node.cases) {
          if (c.tests.length === 0) {
            tests = [];
            continue;
          }
          tests.push(...c.tests);
          if (c.body.length === 0) continue;
          const labels = tests;
          tests = [];
          // A switch over the manner itself (`case 'fax':`) dispatches what was asked for.
          if (labels.some((t) => mentionsManner(code, t))) continue;
          const manner = firstPaper(code, c.body);
          if (manner) reportUse(c, 'requesterBranch', { condition: `${short(code.textOf(node.discriminant), 30)} == ${short(labels.map((t) => code.textOf(t)).join(' | '), 50)}`, manner: manner.manner }, manner.related);
        }
      },
      loop(node) {
        // for (const provider of order.copyToProviders) faxService.send(provider.fax, report)
        // A counting loop names its collection where it indexes it (`copyToProviders[i]`).
        const over = node.iterable ?? node.test ?? indexedCollection(node.body);
        if (node.comprehension || !over || !copyRecipients(code, node, over)) return;
        const manner = paperDelivery(code, node.body);
        if (manner) reportUse(node, 'requesterBranch', { condition: condition(code, over), manner: manner.manner }, manner.related);
      },
      end() {
        const covered = (s: Span): boolean => consumed.some((c) => c.start === s.start && c.end === s.end);
        for (const d of definitions.filter((x) => !x.enumerated)) {
          if (covered(d.site)) continue;
          ctx.report(d.report);
          for (const r of d.report.related ?? []) if ('at' in r) consumed.push(r.at);
        }
        for (const d of definitions.filter((x) => x.enumerated)) if (!covered(d.site)) ctx.report(d.report);
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      for (const node of descendants(root)) {
        const entry = node.entry;
        if (!entry || !isDeliveryKey(entry.key, node)) continue;
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
        if (!isDeliveryKey(e.key, e.value) || e.value.kind !== 'map') continue;
        // A single entry per class of requester is reported itself, above.
        const only = e.value.entries.length === 1 ? e.value.entries[0] : undefined;
        const seq = only && !namesRequesterClass(only.key) ? only.value : undefined;
        const values = seq ? configStringList(seq) : undefined;
        if (values && nonElectronicOnly(values)) ctx.report({ at: e, messageId: 'channelList', data: { where: `\`${e.key}\``, manners: describe(values) } });
      }
    }
  },
});

/** The name a value is bound to: `const X = {...}`, `this.x = {...}`, `x: {...}`. */
function holderName(node: IrNode): string | undefined {
  const p = node.parent;
  if (p?.kind === 'variable' && p.value === node) return p.name;
  if (p?.kind === 'assign' && p.value === node) return dotted(p.target).split('.').pop();
  if (p?.kind === 'object') return p.properties.find((x) => x.value === node)?.key;
  return undefined;
}

/** A key that names delivery manners: by itself (`allowedDeliveryMethods`), or a delivery word under a records key (`referralPackets.transports`). */
function isDeliveryKey(key: string, node: ConfigNode): boolean {
  if (isDeliveryName(key)) return true;
  // `deliveryMethods: { outsideProvider: [fax, mail] }`: an entry per class of requester.
  if (namesRequesterClass(key) && node.parent?.entry && isDeliveryName(node.parent.entry.key)) return true;
  if (!hasDeliveryWord(key)) return false;
  const words: string[] = [];
  for (let n = node.parent; n; n = n.parent) {
    // Under a key that names delivery manners itself (`deliveryMethods: { method: [...] }`), that key is the one reported.
    if (n.entry && isDeliveryName(n.entry.key)) return false;
    if (n.entry) words.push(...identifierWords(n.entry.key));
  }
  return hasRecordsWord(words);
}

function describe(values: string[]): string {
  const unique = [...new Set(values.map(mannerLabel))];
  return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

function short(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function condition(code: CodeModel, node: IrNode): string {
  return short(code.textOf(node), 70);
}


/* ---------- lists of manners ---------- */

interface Manners {
  values: string[];
  /** Made of members of a delivery-named enum or type (`ReleaseChannel.Fax`): a list of delivery manners whatever its own name. */
  deliveryTyped: boolean;
  /** Where the list (and the enum it draws on) is defined, when that is not where it is used. */
  related: RelatedPlace[];
  /** Defined in another file, and a list of delivery manners there too: reported where it is defined. */
  reportedElsewhere: boolean;
}

/** Factories of validated choices: `z.enum([...])`, `Joi.valid(...)`, `validate.OneOf([...])`, `Literal[...]`. */
const CHOICE_FACTORIES = /^(enum|nativeEnum|valid|oneOf|OneOf|isIn|IsIn|Literal|literal|union|AllowedValues|choices)$/;

/** The manners a value lists: a list literal or constant (here or imported), validated choices, or one manner. */
function mannersOf(code: CodeModel, node: IrNode): Manners | undefined {
  let elements = listElements(code, node);
  if (!elements) {
    const resolved = resolve(code, node);
    if (resolved?.kind === 'call' && CHOICE_FACTORIES.test(calleeLast(resolved))) {
      elements = resolved.args.length === 1 ? listElements(code, resolved.args[0].value) ?? [resolved.args[0].value] : resolved.args.map((a) => a.value);
    } else if (resolved?.kind === 'call' && resolved.args.some((a) => a.name === 'choices')) {
      // Django `CharField(choices=[("fax", "Fax"), ("mail", "Mail")])`
      const choices = listElements(code, resolved.args.find((a) => a.name === 'choices')!.value);
      elements = choices?.map((c) => listElements(code, c)?.[0] ?? c);
    }
  }
  if (!elements || elements.length === 0) return undefined;
  const values: string[] = [];
  for (const e of elements) {
    const s = stringValue(code, e) ?? memberName(e);
    if (s === undefined) return undefined;
    values.push(s);
  }
  const owners = [...new Set(elements.map((e) => (e.kind === 'member' && e.object.kind === 'name' ? e.object.name : undefined)))];
  const owner = owners.length === 1 ? owners[0] : undefined;
  const deliveryTyped = owner !== undefined && (isDeliveryName(owner) || hasDeliveryWord(owner));
  const related: RelatedPlace[] = [];
  const definition = definitionOf(code, node);
  if (definition) related.push(relatedPlace(definition, 'the manners are listed here'));
  const enumNode = owner ? localEnum(code, owner) : undefined;
  if (enumNode) related.push({ at: enumNode, message: 'the manners are defined here' });
  const name = dotted(node).split('.').pop() ?? '';
  const reportedElsewhere = !!definition && 'origin' in definition && (isDeliveryName(name) || deliveryTyped);
  return { values, deliveryTyped, related, reportedElsewhere };
}

function localEnum(code: CodeModel, name: string): IrNode | undefined {
  return code.memo(`enum:${name}`, () => {
    let found: IrNode | undefined;
    walk(code.root, (n) => {
      if (found) return false;
      if (n.kind === 'enum' && n.name === name) found = n;
    });
    return found;
  });
}

/**
 * Manners a declaration admits by its type or validation: `'fax' | 'mail'`, `Literal["fax", "mail"]`,
 * `@IsIn(['fax', 'mail'])`, `@Pattern(regexp = "FAX|MAIL")`.
 */
function declaredManners(code: CodeModel, type: string | undefined, decorators: CallNode[]): string[] | undefined {
  for (const d of decorators) {
    const name = calleeLast(d);
    if (/^(IsIn|isIn|OneOf|AllowedValues)$/.test(name) && d.args[0]) return stringList(code, d.args[0].value) ?? d.args.map((a) => stringValue(code, a.value)).filter((s): s is string => s !== undefined);
    if (name === 'Pattern') {
      const regexp = stringValue(code, d.args.find((a) => a.name === 'regexp' || !a.name)?.value);
      const alternatives = regexp && /^\^?\(?(?:\?:)?([\w|-]+)\)?\$?$/.exec(regexp)?.[1].split('|');
      if (alternatives && alternatives.length > 1) return alternatives;
    }
  }
  if (!type) return undefined;
  const literal = /^(?:Literal|typing\.Literal)\[(.*)\]$/.exec(type.trim())?.[1] ?? type;
  const parts = literal.split(/[|,]/).map((p) => p.trim());
  if (parts.length < 1 || !parts.every((p) => /^(['"]).*\1$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

/* ---------- who is asking ---------- */

/** Identifier words of the names, members and (for capability words) strings of an expression. */
function wordsIn(code: CodeModel, node: IrNode): { names: string[]; strings: string[] } {
  const names: string[] = [];
  const strings: string[] = [];
  walk(node, (n) => {
    if (n.kind === 'function') return false;
    if (n.kind === 'name') names.push(...identifierWords(n.name));
    else if (n.kind === 'member') names.push(...identifierWords(n.property));
    else if (n.kind === 'string' && n.value.length < 40) strings.push(...identifierWords(n.value));
    else if (n.kind === 'call' && n.callee.kind !== 'member' && n.callee.kind !== 'name') names.push(...identifierWords(code.textOf(n.callee)));
  });
  return { names, strings };
}

/**
 * A test about who is asking (`requester.type === 'PROVIDER'`, `facility.isPostAcute()`), not about
 * whether an electronic address exists or what was requested (`recipient.get("fax_number")`, `prefersFax`).
 */
function mentionsRequester(code: CodeModel, test: IrNode): boolean {
  const { names, strings } = wordsIn(code, test);
  return names.some((w) => REQUESTER_WORDS.has(w)) && ![...names, ...strings].some((w) => CAPABILITY_WORDS.has(w));
}

function isRequesterTest(code: CodeModel, test: IrNode): boolean {
  return mentionsRequester(code, test) && requesterShape(test);
}

/** Comparisons, `||` of comparisons, membership in a list of classes, or a predicate (`isPostAcute()`). */
function requesterShape(test: IrNode): boolean {
  if (test.kind === 'binary') {
    if (/^(===|==|is|in)$/.test(test.operator)) return true;
    if (test.operator === '||' || test.operator === 'or') return requesterShape(test.left) && requesterShape(test.right);
    return false;
  }
  if (test.kind === 'call') return true;
  return (test.kind === 'member' && /^(is|has)[A-Z]/.test(test.property)) || (test.kind === 'name' && /^(is|has)[A-Z_]/.test(test.name));
}

/** Whether an expression names a delivery manner (a `case 'fax':` label). */
function mentionsManner(code: CodeModel, node: IrNode): boolean {
  const v = stringValue(code, node) ?? memberName(node) ?? (node.kind === 'name' ? node.name : undefined);
  return v !== undefined && (isNonElectronicManner(v) || isElectronicManner(v));
}

/** A loop over the recipients of copies (`copyToProviders`, `ccRecipients`, `order.copies`): each one is a requester of the same class. */
function copyRecipients(code: CodeModel, loop: Extract<IrNode, { kind: 'loop' }>, over: IrNode): boolean {
  const words = [...identifierWords(loop.variable ?? ''), ...wordsIn(code, over).names];
  return words.some((w) => /^(copy|copies|cc|recipients|providers|practices|clinicians|facilities)$/.test(w)) && !words.some((w) => CAPABILITY_WORDS.has(w));
}

/** The collection a counting loop walks: the first `xs[i]` in its body. */
function indexedCollection(body: IrNode): IrNode | undefined {
  let found: IrNode | undefined;
  walk(body, (n) => {
    if (found || n.kind === 'function') return false;
    if (n.kind === 'index' && n.index.kind === 'name') found = n.object;
  });
  return found;
}

/* ---------- how a branch delivers ---------- */

interface Delivery {
  manner: string;
  related: RelatedPlace[];
}

/** The first paper delivery among statements (a `switch` case's body, a switch-expression arm). */
function firstPaper(code: CodeModel, statements: IrNode[]): Delivery | undefined {
  for (const s of statements) {
    const d = paperDelivery(code, s) ?? (STATEMENT_KINDS.has(s.kind) ? undefined : returnedManners(code, s));
    if (d) return d;
  }
  return undefined;
}

const STATEMENT_KINDS = new Set(['block', 'if', 'return', 'throw', 'loop', 'try', 'switch', 'variable', 'assign', 'continue', 'break']);

/**
 * The non-electronic manner a branch delivers by, when it delivers by no electronic one: a fax, print
 * or postal call, the delivery method set or put in a map (`channelMap.put("deliveryRoute", "FAX")`),
 * a route to a fax or print channel or destination, or a returned list of only such manners. Branches
 * under a test of an electronic address, and `catch` blocks (fallbacks after a failure), do not count.
 */
function paperDelivery(code: CodeModel, node: IrNode): Delivery | undefined {
  let found: Delivery | undefined;
  let electronic = false;
  const scan = (n: IrNode): void => {
    if (electronic || (n.kind === 'function' && n !== node)) return;
    if (n.kind === 'if' && n !== node && isFallbackTest(code, n.test)) return;
    if (isElectronicStatement(code, n)) {
      electronic = true;
      return;
    }
    found = found ?? paperStatement(code, n);
    if (n.kind === 'try') {
      scan(n.body);
      if (n.finalizer) scan(n.finalizer);
      return;
    }
    forEachChild(n, scan);
  };
  scan(node);
  return electronic ? undefined : found;
}

/** A test of whether the requester has an electronic address, or of what they asked for: the branch is a fallback or a choice. */
function isFallbackTest(code: CodeModel, test: IrNode): boolean {
  const { names, strings } = wordsIn(code, test);
  return [...names, ...strings].some((w) => CAPABILITY_WORDS.has(w) || w === 'manner' || w === 'method' || w === 'channel');
}

function paperStatement(code: CodeModel, n: IrNode): Delivery | undefined {
  if (n.kind === 'return' && n.value) return returnedManners(code, n.value);
  if (n.kind === 'call' && !n.isDecorator) {
    const words = identifierWords(calleeName(n).replace(/\(\)/g, ''));
    const last = calleeLast(n);
    // A call that sends something (`faxService.send`, `send_fax`, `faxRelay.transmit`), not `faxClient.close()`.
    const sends = identifierWords(last).some((w) => /^(send|sends|transmit|deliver|fax|submit|enqueue|queue|mail|print|post|dispatch|route|push|upload|create|schedule)$/.test(w));
    if (sends && (words.includes('fax') || words.includes('efax'))) return { manner: 'fax', related: [] };
    if (sends && words.includes('print') && (words.includes('mail') || words.includes('send'))) return { manner: 'printed mail', related: [] };
    if (sends && (words.includes('postal') || words.includes('usps'))) return { manner: 'postal mail', related: [] };
    // Mirth: router.routeMessage('RightFax Outbound', ...), destinationSet.removeAllExcept(['Fax Sender'])
    if (/^(routeMessage|routeMessageByChannelId)$/.test(last) || (last === 'removeAllExcept' && dotted(n.callee).startsWith('destinationSet'))) {
      const targets = n.args[0] ? stringList(code, n.args[0].value) ?? [stringValue(code, n.args[0].value)] : [];
      if (targets.length > 0 && targets.every((t) => t !== undefined && paperDestination(t))) return { manner: paperDestination(targets[0]!)!, related: [] };
    }
    // channelMap.put('deliveryRoute', 'FAX'), $c('deliveryMethod', 'fax'), options.set('delivery', 'mail')
    if (/^(put|set|\$c|\$co|setdefault)$/.test(last) && n.args.length === 2) {
      const key = stringValue(code, n.args[0].value);
      const value = stringValue(code, n.args[1].value) ?? memberName(n.args[1].value);
      if (key && isDeliveryName(key) && value && isUnambiguousNonElectronic(value)) return { manner: mannerLabel(value), related: [] };
    }
  } else if (n.kind === 'assign' || n.kind === 'variable') {
    const name = n.kind === 'assign' ? dotted(n.target).split('.').pop() ?? '' : n.name;
    const text = n.value && (stringValue(code, n.value) ?? memberName(n.value));
    if (isDeliveryName(name) && text && isUnambiguousNonElectronic(text)) return { manner: mannerLabel(text), related: [] };
  }
  return undefined;
}

/** A returned list (or single value) of only non-electronic manners: `return [DeliveryChannel.FAX]`, `=> OutsideOfficeChannels`. */
function returnedManners(code: CodeModel, value: IrNode): Delivery | undefined {
  const manners = mannersOf(code, value);
  if (manners) {
    if (!nonElectronicOnly(manners.values) || manners.reportedElsewhere || !(manners.deliveryTyped || inDeliveryFunction(code, value))) return undefined;
    return { manner: describe(manners.values), related: manners.related };
  }
  const single = stringValue(code, value) ?? memberName(value);
  return single && isUnambiguousNonElectronic(single) && inDeliveryFunction(code, value) ? { manner: mannerLabel(single), related: [] } : undefined;
}

/** A function whose name or return type says it gives delivery manners (`channelsFor`, `deliveryOptionsFor`). */
function inDeliveryFunction(code: CodeModel, node: IrNode): boolean {
  const fn = code.enclosingNamedFunction(node) ?? code.enclosingFunction(node);
  return !!fn && (hasDeliveryWord(fn.name ?? '') || hasDeliveryWord(fn.returnType ?? ''));
}

/** A Mirth channel or destination named for fax or print (`RightFax hot folder`, `Print Queue`). */
function paperDestination(name: string): string | undefined {
  const words = identifierWords(name);
  if (words.some((w) => /fax$/.test(w))) return 'fax';
  if (words.some((w) => /^(print|printer|printing)$/.test(w))) return 'print';
  return undefined;
}

/** Statements that deliver electronically: Direct, FHIR, e-mail, portal, HIE, SFTP calls, or the method set to such a manner. */
function isElectronicStatement(code: CodeModel, n: IrNode): boolean {
  if (n.kind === 'call' && !n.isDecorator) {
    const words = identifierWords(calleeName(n).replace(/\(\)/g, ''));
    if (words.some((w) => /^(direct|fhir|email|portal|hie|sftp|electronic|electronically|carequality|xds|hisp|upload)$/.test(w))) return true;
    if (/^(put|set)$/.test(calleeLast(n)) && n.args.length === 2) {
      const key = stringValue(code, n.args[0].value);
      const value = stringValue(code, n.args[1].value) ?? memberName(n.args[1].value);
      return !!key && isDeliveryName(key) && !!value && isElectronicManner(value);
    }
  }
  return false;
}

/* ---------- refusing electronic manners ---------- */

/** `if (req.deliveryMethod !== 'fax')`, `if channel not in PAPER_CHANNELS`, `if (ELECTRONIC.has(method))`: the manner a refusal insists on. */
function rejectsOtherManners(code: CodeModel, test: IrNode): { manner: string; related: RelatedPlace[] } | undefined {
  const none: RelatedPlace[] = [];
  if (test.kind === 'binary' && /^(!==|!=|is not)$/.test(test.operator)) {
    for (const [side, other] of [
      [test.left, test.right],
      [test.right, test.left],
    ] as const) {
      const value = stringValue(code, side) ?? memberName(side);
      if (value && isUnambiguousNonElectronic(value) && isMannerExpression(code, other)) return { manner: mannerLabel(value), related: none };
    }
  }
  const negated = test.kind === 'unary' && (test.operator === '!' || test.operator === 'not') ? test.operand : undefined;
  if (negated?.kind === 'call' && /(^|\.)(equals|equalsIgnoreCase|Equals)$/.test(calleeName(negated))) {
    const receiverValue = negated.callee.kind === 'member' ? stringValue(code, negated.callee.object) ?? memberName(negated.callee.object) : undefined;
    const argValue = stringValue(code, negated.args[0]?.value) ?? memberName(negated.args[0]?.value);
    const manner = [receiverValue, argValue].find((v) => v && isUnambiguousNonElectronic(v));
    const other = manner === receiverValue ? negated.args[0]?.value : negated.callee.kind === 'member' ? negated.callee.object : undefined;
    if (manner && other && isMannerExpression(code, other)) return { manner: mannerLabel(manner), related: none };
  }
  // !PAPER_CHANNELS.includes(method), method not in PAPER_CHANNELS: only the listed paper manners pass.
  const paperList = membershipTest(code, negated ?? (test.kind === 'binary' && test.operator === 'not in' ? { ...test, operator: 'in' } : undefined));
  if (paperList && nonElectronicOnly(paperList.values) && !paperList.reportedElsewhere) return { manner: describe(paperList.values), related: paperList.related };
  // ELECTRONIC_MANNERS.includes(method), method in ELECTRONIC_MANNERS: refusing every listed electronic manner.
  const electronicList = membershipTest(code, test);
  if (electronicList && refusesEveryElectronic(code, electronicList.values)) return { manner: 'a non-electronic manner', related: electronicList.related };
  // req.Delivery is DeliveryMethod.Direct or DeliveryMethod.Email or ..., m == 'direct' || m == 'email'
  const alternatives = comparedManners(code, test);
  if (alternatives && refusesEveryElectronic(code, alternatives)) return { manner: 'a non-electronic manner', related: none };
  return undefined;
}

/** `LIST.includes(m)` / `m in LIST` over the requested manner: the list's manners. */
function membershipTest(code: CodeModel, test: IrNode | undefined): Manners | undefined {
  if (!test) return undefined;
  if (test.kind === 'call' && /(^|\.)(includes|contains|Contains|has)$/.test(calleeName(test)) && test.callee.kind === 'member' && test.args[0]) {
    return isMannerExpression(code, test.args[0].value, true) ? mannersOf(code, test.callee.object) : undefined;
  }
  if (test.kind === 'binary' && test.operator === 'in' && isMannerExpression(code, test.left, true)) return mannersOf(code, test.right);
  return undefined;
}

/** `m is A or B`, `m == A || m == B`: the manners compared, when the subject is the requested manner. */
function comparedManners(code: CodeModel, test: IrNode): string[] | undefined {
  if (test.kind === 'binary' && (test.operator === '||' || test.operator === 'or')) {
    const left = comparedManners(code, test.left);
    const right = comparedManners(code, test.right);
    return left && right ? [...left, ...right] : undefined;
  }
  if (test.kind !== 'binary' || !/^(===|==|is)$/.test(test.operator) || !isMannerExpression(code, test.left, true)) return undefined;
  const values: string[] = [];
  const collect = (n: IrNode): boolean => {
    if (n.kind === 'binary' && n.operator === 'or') return collect(n.left) && collect(n.right);
    const v = stringValue(code, n) ?? memberName(n);
    if (v === undefined) return false;
    values.push(v);
    return true;
  };
  return collect(test.right) ? values : undefined;
}

/**
 * Whether refusing these manners refuses every electronic one: all are electronic and either the enum
 * they come from has no other electronic member, or (no enum in sight) at least two are listed.
 */
function refusesEveryElectronic(code: CodeModel, values: string[]): boolean {
  if (values.length === 0 || !values.every(isElectronicManner)) return false;
  const enums: string[][] = [];
  walk(code.root, (n) => {
    if (n.kind === 'enum' && isDeliveryName(n.name)) enums.push(n.members.map((m) => m.name));
  });
  const owner = enums.find((members) => values.every((v) => members.includes(v)));
  if (owner) return owner.filter(isElectronicManner).every((m) => values.includes(m)) && owner.some(isNonElectronicManner);
  return values.length >= 2;
}

/**
 * Whether an expression reads the requested delivery manner (`req.deliveryMethod`, `request.channel`,
 * `body.deliveryMethod.toLowerCase()`). `strict`: only `delivery`/`manner` names (and `channel` for a
 * channel value), for tests that name no paper manner themselves.
 */
function isMannerExpression(code: CodeModel, node: IrNode, strict = false): boolean {
  // `data["delivery_method"]`, `request.get("deliveryMethod")`: the key is the name.
  const key = node.kind === 'index' ? stringValue(code, node.index) : node.kind === 'call' && calleeLast(node) === 'get' ? stringValue(code, node.args[0]?.value) : undefined;
  const text = (key ?? (dotted(node) || code.textOf(node))).replace(/\.(toLowerCase|toUpperCase|trim|lower|upper|strip|ToLower|ToUpper|ToLowerInvariant|ToUpperInvariant|name|value)\(\)/g, '');
  const last = text.replace(/\(\)/g, '').split(/[.[\]'"]+/).filter((s) => s.length > 0).pop() ?? '';
  const words = identifierWords(last);
  const vocabulary = strict ? ['delivery', 'manner', 'channel'] : ['delivery', 'manner', 'method', 'channel', 'medium', 'format', 'transport', 'mode'];
  return words.some((w) => vocabulary.includes(w)) && !isNonElectronicManner(last);
}

/* ---------- release functions with only paper ---------- */

/**
 * A function that releases records (`releaseArchivedRecords`, `release`, `fulfil`) whose every
 * delivery is by fax, print or post, unconditionally or on every branch, and that does not dispatch by
 * the manner requested. Functions named for one manner (`sendByFax`) are the dispatcher's choice.
 */
function paperOnlyRelease(code: CodeModel, fn: Extract<IrNode, { kind: 'function' }>): { at: IrNode; manner: string } | undefined {
  if (!fn.name || fn.isLambda || fn.body?.kind !== 'block') return undefined;
  const words = identifierWords(fn.name);
  const releases = words.some((w) => /^(release|releases|disclose|disclosure|fulfil|fulfill|fulfilment|fulfillment|roi)$/.test(w));
  // `deliver_to_attorney`, `sendRecordsToPayer`: delivering to a class of requester, or delivering records.
  const delivers = words.some((w) => /^(deliver|send|transmit|dispatch)$/.test(w)) && (words.some((w) => REQUESTER_WORDS.has(w) && !/^(type|kind|role|category|source|destination|app|client|patient)$/.test(w)) || hasRecordsWord(words));
  if (!releases && !delivers) return undefined;
  if (words.some((w) => isNonElectronicManner(w) || isElectronicManner(w) || /^(print|printer|printing|mail|mailing|post|postal)$/.test(w))) return undefined;
  let first: { at: IrNode; manner: string } | undefined;
  let disqualified = false;
  for (const statement of fn.body.body) {
    walk(statement, (n) => {
      if (disqualified) return false;
      if (n.kind === 'function') return false;
      if ((n.kind === 'if' || n.kind === 'switch') && choosesByRequest(code, n.kind === 'if' ? n.test : n.discriminant)) disqualified = true;
      if (isElectronicStatement(code, n)) disqualified = true;
      const paper = n.kind === 'call' ? paperStatement(code, n) : undefined;
      if (paper && !first) first = { at: statement, manner: paper.manner };
    });
  }
  return disqualified ? undefined : first;
}

/** A branch on what the requester asked for or has (`request.deliveryMethod`, `prefersMail`, `recipient.directAddress`). */
function choosesByRequest(code: CodeModel, test: IrNode): boolean {
  const { names, strings } = wordsIn(code, test);
  return [...names, ...strings].some((w) => /^(manner|method|channel|medium|delivery|requested|preferred|prefers|preference|chosen|choice|direct|email|portal|fhir|electronic|endpoint)$/.test(w));
}
