/**
 * The `hipaa-blanket-reason` rule: user-facing refusal messages that give HIPAA, privacy or
 * “policy” as a blanket reason, in code and in message catalogues and configuration. Documented in
 * `meta.docs` (docs/rules/hipaa-blanket-reason.md).
 */
import { isMirthExport } from '../server/src/core/formats/mirth';
import { ConfigNode, descendants, scalarString } from '../server/src/core/formats/tree';
import type { CodeModel } from '../server/src/core/code-model';
import type { IrNode } from '../server/src/core/ir';
import { walk } from '../server/src/core/ir';

import { defineRule } from '../server/src/core/rule';
import { blanketReason, citedReason, forbiddenCall, isLogCall, statementOf } from '../server/src/domain/denials';
import { calleeLast, calleeName, dotted } from '../server/src/analysis/values';

/** Keys and arguments that document rather than tell the requestor something. */
const DOC_KEYS = /^(description|summary|title|comment|comments|notes?|doc|docs|documentation|example|examples|x-description|deprecated|tags?|remarks|help|hint|tooltip_doc|log|logMessage|log_message|debug|debugMessage|internalMessage|internal_message|developerMessage|developer_message)$/i;
const DOC_DECORATORS = /^(Api\w*|Operation|Swagger\w*|OpenApi\w*|Schema|Parameter|Parameters|Param|Doc\w*|Description|DisplayName|Summary|Tag|Example|extend_schema|swagger_auto_schema|openapi\w*|Produces|ProducesResponseType|SwaggerResponse|SwaggerOperation)$/;
const TEST_CALLEES = /^(it|test|describe|context|specify|suite|expect|assert\w*|should\w*|equal|deepEqual|strictEqual|assertEquals|assertThat|assertTrue|assertFalse|raises|toBe|toEqual|toContain|toMatch|toThrow\w*|Equal|Contains|True|False|StartsWith)$/;
const MATCHING_CALLEES = /^(includes|startsWith|endsWith|match|matches|contains|Contains|equals|Equals|equalsIgnoreCase|indexOf|IndexOf|search|test|StartsWith|EndsWith|replace|replaceAll|split|find|findall|sub|compile|RegExp|Regex|get|getProperty|getMessage|t|translate|i18n|gettext|_|__|localize|Localize)$/;
const SCRIPT_KEYS = /^(script|preprocessingScript|postprocessingScript|deployScript|undeployScript|batchScript|code)$/;

export default defineRule({
  meta: {
    id: 'hipaa-blanket-reason',
    title: 'HIPAA, privacy or policy given as a blanket reason for refusing EHI',
    practice: 'Denials with no recorded reason, or HIPAA and policy as a blanket reason',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties'],
    exceptions: ['privacy', 'preventing-harm', 'security', 'infeasibility', 'protecting-care-access', 'required-by-law'],
    triggers: ['hipaa', 'privacy', 'policy', 'policies', 'confidentiality'],
    messages: {
      code: '“{text}” refuses access with {cited} as a blanket reason, naming no exception.',
      config: '`{key}`: “{text}” refuses access with {cited} as a blanket reason, naming no exception.',
    },
    docs: {
      summary:
        'Flags user-facing refusal messages that give HIPAA, privacy or “policy” as a blanket reason (“Access denied due to HIPAA”, “We cannot release this information for privacy reasons”, “This request violates our policy”, “Blocked per HIPAA regulations”): string literals in responses, thrown errors, OperationOutcome diagnostics, JSX, Mirth scripts, and the same messages in i18n and configuration files (`en.json`, `messages.properties`, YAML, `.resx` and other XML).',
      why:
        'A refusal of access, exchange or use of EHI is lawful only under an exception whose conditions are met and documented (45 CFR 171.103). HIPAA, privacy or “policy” in general is none of them: the Privacy exception (171.202) has four specific sub-exceptions (a legal precondition such as consent not met, a developer not covered by HIPAA following its published privacy notice, an unreviewable HIPAA access denial, the individual’s own request), and the other exceptions (Preventing Harm 171.201, Security 171.203, Infeasibility 171.204, Protecting Care Access 171.206) have their own conditions. Regulators list “HIPAA” or “policy” given as a blanket reason among the practices they treat as blocking, and a message that cites one tells a patient or provider something the actor would have to defend.',
      fix:
        'If the information can be shared, share it. If the refusal is deliberate, say which exception and sub-exception it relies on and what the requestor can do (“Withheld at the patient’s request under 45 CFR 171.202(e)”; “Not released: a licensed clinician determined that release is reasonably likely to endanger the patient (45 CFR 171.201); you may ask for a review”), and record the decision (see `undocumented-denial`). If the message must stay, document the exception with an `ehi-exception` annotation or in the exception register.',
      notFlagged: [
        'Notices and links that refuse nothing (“See our HIPAA Notice of Privacy Practices”, “Read our privacy policy”).',
        'Messages that name the exception, sub-exception or law relied on (“Withheld under 45 CFR 171.202(d) at the patient’s request”, “Records covered by 42 CFR Part 2 need written consent”).',
        'Log and audit messages (`logger.warn(...)`, `console.log(...)`, `_logger.LogWarning(...)`): they are not shown to the requestor, and `undocumented-denial` reads them for recorded reasons.',
        'Documentation: OpenAPI/Swagger descriptions and examples, `description`/`summary` keys, docstrings, comments.',
        'Test code and test names (files under `test/`, `*.test.ts`, `test_*.py`, ...; `it(...)`, `assert...(...)` arguments), and strings that are compared or matched rather than shown (`message === "..."`, `.includes("...")`).',
        '“Policy” that names a technical policy rather than a blanket reason: password, CORS, content-security, cookie, retention, cache and access policies.',
        'HTML, Razor, Jinja and other template files, and `.resx` resource files: the core does not parse them (Android `strings.xml` and other `.xml` resources are read).',
      ],
      examples: [
        {
          language: 'typescript',
          flagged: "return res.status(403).json({ error: 'Access denied due to HIPAA' });",
          fixed: "return res.status(403).json({ error: 'Withheld at the patient’s request (45 CFR 171.202(e)).' });",
        },
        {
          language: 'properties',
          flagged: 'records.denied=We cannot release these records for privacy reasons.',
          fixed: 'records.denied=These records were withheld at the patient’s request (45 CFR 171.202(e)). Contact the HIM office to ask for a review.',
        },
      ],
    },
    skipsTestCode: true,
    version: 2,
  },

  code(ctx) {
    const { code } = ctx;
    const handled = new Set<IrNode>();
    // Whether a statement refuses, walked once per statement however many strings it holds.
    const refusals = new Map<IrNode, boolean>();
    const refuses = (node: IrNode): boolean => {
      const statement = statementOf(node);
      let found = refusals.get(statement);
      if (found === undefined) refusals.set(statement, (found = inRefusal(code, statement)));
      return found;
    };
    const check = (node: IrNode, text: string): void => {
      // The body of a 403 or a forbidden exception is a refusal whatever its wording: `send("HIPAA violation")`.
      const cited = blanketReason(text) ?? (refuses(node) ? citedReason(text) : undefined);
      if (!cited || !userFacing(node)) return;
      ctx.report({ at: node, messageId: 'code', data: { text: excerpt(text), cited: citedAs(cited) } });
    };
    return {
      binary(node) {
        if (node.operator !== '+' || (node.parent?.kind === 'binary' && node.parent.operator === '+')) return;
        const parts: IrNode[] = [];
        const text = concatenation(node, parts);
        if (!parts.some((p) => p.kind === 'string')) return;
        for (const p of parts) handled.add(p);
        check(node, text);
      },
      string(node) {
        if (handled.has(node)) return;
        check(node, node.value);
      },
      other(node) {
        if (node.type === 'jsx_text') check(node, code.textOf(node));
      },
    };
  },

  config(ctx) {
    const mirth = ctx.xml ? isMirthExport(ctx.xml) : false;
    for (const root of ctx.config.roots) {
      for (const node of descendants(root)) {
        if (node.kind !== 'scalar' || typeof node.value !== 'string') continue;
        const key = keyOf(node);
        if (DOC_KEYS.test(key) || (mirth && SCRIPT_KEYS.test(key))) continue;
        const text = scalarString(node) ?? '';
        const cited = blanketReason(text);
        if (!cited) continue;
        ctx.report({ at: node, messageId: 'config', data: { key, text: excerpt(text), cited: citedAs(cited) } });
      }
    }
  },
});

function citedAs(cited: string): string {
  return cited === 'HIPAA' ? 'HIPAA' : cited === 'privacy' ? 'privacy' : '“policy”';
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/** The key a config scalar sits under: its own, its sequence's, or (XML text) its element's. */
function keyOf(node: ConfigNode): string {
  let current: ConfigNode | undefined = node;
  while (current) {
    const key = current.entry?.key;
    if (key && key !== '#text') return key;
    current = current.parent;
  }
  return '';
}

/** The literal text of a `+` concatenation, with `…` where a value is computed. */
function concatenation(node: IrNode, parts: IrNode[]): string {
  if (node.kind === 'binary' && node.operator === '+') return concatenation(node.left, parts) + concatenation(node.right, parts);
  parts.push(node);
  if (node.kind === 'string') return node.value;
  return '…';
}

/** Whether `node` is part of a statement that refuses with 403 (`res.status(403).send(...)`, `throw new ForbiddenException(...)`). */
function inRefusal(code: CodeModel, statement: IrNode): boolean {
  let found = false;
  walk(statement, (n) => {
    if (found || n.kind === 'function') return false;
    if (n.kind === 'call' && forbiddenCall(code, n)) found = true;
  });
  return found;
}

/**
 * Whether a string is shown to the requestor: not a log or audit message, not a test name or
 * assertion, not documentation, not a value it is compared or matched with.
 */
function userFacing(node: IrNode): boolean {
  let child: IrNode = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    switch (p.kind) {
      case 'call': {
        if (p.isDecorator) {
          const name = dotted(p.callee).split('.').pop() ?? '';
          if (DOC_DECORATORS.test(name)) return false;
          const arg = p.args.find((a) => a.value === child);
          if (arg?.name && DOC_KEYS.test(arg.name)) return false;
          return true;
        }
        if (p.callee === child) break;
        if (isLogCall(p) || TEST_CALLEES.test(calleeLast(p)) || /^(pytest\.raises|self\.assert\w+|Assert\.\w+)$/.test(calleeName(p))) return false;
        if (MATCHING_CALLEES.test(calleeLast(p))) return false;
        const arg = p.args.find((a) => a.value === child);
        if (arg?.name && DOC_KEYS.test(arg.name)) return false;
        break;
      }
      case 'member':
        // "...".includes(x), "...".equals(x)
        if (p.object === child && p.parent?.kind === 'call' && p.parent.callee === p && MATCHING_CALLEES.test(p.property)) return false;
        break;
      case 'binary':
        if (/^(===|==|!==|!=|in|not in|is|is not)$/.test(p.operator)) return false;
        break;
      case 'object': {
        const prop = p.properties.find((q) => q.value === child);
        if (prop && DOC_KEYS.test(prop.key)) return false;
        break;
      }
      case 'variable':
        if (/(^|_)(log|audit|debug|trace)|Log(Message)?$|LOG_/i.test(p.name) && !/dialog|catalog|blog/i.test(p.name)) return false;
        return true;
      case 'assign': {
        const target = dotted(p.target);
        if (/(^|\.)(log|audit|debug|trace)\w*$/i.test(target) && !/dialog|catalog|blog/i.test(target)) return false;
        return true;
      }
      case 'block':
        // A bare string statement: a docstring or directive.
        return child !== node;
      case 'function':
      case 'class':
        return true;
      case 'other':
        if (p.type === 'expression_statement' && child === node) return false;
        break;
    }
  }
  return true;
}

