/**
 * The `access-fee` rule: fees or payment required for access to EHI, from fee settings and 402
 * responses to charging calls and billing middleware on EHI paths. Documented in `meta.docs`
 * (docs/rules/access-fee.md).
 */
import { requesterClassOf } from '../server/src/domain/requester';
import type { CodeModel } from '../server/src/core/code-model';
import { ConfigNode, scalar, scalarBoolean, scalarNumber } from '../server/src/core/formats/tree';
import type { CallNode, ClassNode, IrNode, Span } from '../server/src/core/ir';
import { walk } from '../server/src/core/ir';
import { CodeContext, defineRule, Report } from '../server/src/core/rule';
import { classifyPaths, ehiPathsIn, ehiScope, enclosingHandler, Handler, handlerFor, isEhiPathLiteral, briefEvidence } from '../server/src/domain/access-path';
import { routeRegistrations } from '../server/src/frameworks/routes';
import { scopeOf } from '../server/src/frameworks/config-scope';
import { codeAmount, codeBoolean, codeSettings, configAmount, configSettings } from '../server/src/analysis/named-values';
import { isRejection, statusOf } from '../server/src/analysis/responses';
import { calleeLast, calleeName, callSite, dotted, enclosingNameWords, expressionWords, hasWord as has, identifierWords, resolve, stringValue } from '../server/src/analysis/values';


/** Words that name what a fee is charged for: records, copies, exports, EHI. */
const STRONG_SUBJECT = new Set(['record', 'records', 'roi', 'copy', 'copies', 'chart', 'charts', 'ehi', 'fhir', 'export', 'exports', 'download', 'downloads', 'disclosure', 'disclosures', 'ccda', 'cda', 'ccd', 'retrieval']);
/** Words that name a call or request, which is about EHI only where the file serves EHI. */
const WEAK_SUBJECT = new Set(['app', 'apps', 'connection', 'connections', 'api', 'call', 'calls', 'request', 'requests', 'query', 'queries', 'transaction', 'transactions', 'search', 'searches', 'lookup', 'lookups', 'hit', 'hits', 'usage', 'message', 'messages', 'resource', 'resources', 'read', 'reads', 'access']);
const FEE_WORDS = new Set(['fee', 'fees', 'price', 'pricing', 'charge', 'charges', 'surcharge', 'tariff']);
/** Fees for something else: paper and physical media, postage, care, penalties, and our own costs (cloud, LLM, SMS). */
const OTHER_FEE = new Set([
  'shipping', 'postage', 'mailing', 'mail', 'paper', 'print', 'printing', 'printed', 'printout', 'cd', 'dvd', 'usb', 'media', 'late', 'cancellation', 'cancel', 'noshow',
  'appointment', 'visit', 'consult', 'consultation', 'copay', 'parking', 'tax', 'discount', 'waiver', 'waived', 'free', 'refund', 'currency', 'id', 'code', 'name',
  'description', 'label', 'type', 'limit', 'quota', 'rate', 'estimated', 'estimate', 'budget', 'compute', 'infra', 'aws', 'azure', 'gcp', 'cloud', 'storage',
  'egress', 'bandwidth', 'llm', 'token', 'tokens', 'openai', 'gpt', 'model', 'ai', 'embedding', 'embeddings', 'sms', 'twilio', 'email', 'interest', 'penalty',
  'rush', 'notary', 'witness', 'deposition', 'subpoena', 'enabled', 'currency', 'unit', 'units', 'tier', 'plan', 'plans', 'monthly', 'seat', 'seats',
  // Our own hosting, and services beside access: reviewing or summarising a chart, filling in forms and letters, certifying copies for court.
  'hosting', 'hosted', 'server', 'servers', 'instance', 'instances', 'infrastructure', 'vendor', 'review', 'abstraction', 'coding', 'consulting', 'narrative',
  'summary', 'expert', 'testimony', 'form', 'forms', 'letter', 'letters', 'certification', 'certified', 'affidavit',
]);
/** Routes and handlers that take payment for care or bills, not for access to records. */
const PAYMENT_PURPOSE = new Set([
  'bill', 'bills', 'billing', 'invoice', 'invoices', 'payment', 'payments', 'pay', 'checkout', 'copay', 'copays', 'balance', 'statement', 'statements', 'donation',
  'donate', 'appointment', 'appointments', 'visit', 'visits', 'telehealth', 'store', 'shop', 'cart', 'order', 'orders', 'subscription', 'subscriptions', 'plan',
  'plans', 'pharmacy', 'refill', 'refund', 'refunds', 'deposit', 'estimate', 'estimates', 'pricing', 'fees', 'wallet',
]);
const PATIENT_SELF = new Set(['patient', 'patients', 'individual', 'individuals', 'member', 'members', 'self', 'personal', 'consumer', 'my', 'me', 'mychart', 'phr', 'portal']);
const ELECTRONIC_ACCESS = new Set(['portal', 'api', 'app', 'apps', 'online', 'download', 'downloads', 'electronic', 'access', 'view', 'viewer', 'fhir', 'export', 'mychart']);
/** Requests by or for others, or copies prepared by staff: the Fees exception can apply. */
const NOT_SELF_SERVICE = new Set(['third', 'party', 'attorney', 'lawyer', 'insurer', 'payer', 'legal', 'copy', 'copies', 'request', 'requests', 'roi', 'release', 'disclosure', 'page', 'pages']);
const BILLING_NAME = new Set(['bill', 'billing', 'billable', 'meter', 'metered', 'metering', 'paywall', 'payment', 'payments', 'paid', 'charge', 'charging', 'credits', 'monetize', 'monetization', 'monetisation', 'prepaid', 'premium']);
const PAY_CHECK = new Set(['paid', 'unpaid', 'payment', 'payments', 'prepaid', 'prepayment', 'credits', 'balance', 'billing', 'invoice', 'premium', 'paywall', 'overdue']);
const NOT_AN_AMOUNT = new Set(['pages', 'count', 'number', 'num', 'percent', 'pct', 'percentage', 'version', 'days', 'hours', 'minutes', 'seconds', 'ms', 'threshold', 'index', 'order', 'priority', 'level']);
/** Sample and seed data, mocks and fixtures: a fee written there charges no one. */
const SAMPLE_DATA = new Set(['seed', 'seeds', 'seeding', 'mock', 'mocks', 'mocked', 'fake', 'faker', 'sample', 'samples', 'fixture', 'fixtures', 'example', 'examples', 'demo', 'stub', 'stubs', 'dummy', 'test', 'tests', 'testdata']);
/** Physical copies and their postage: the charge recovers the cost of a non-electronic manner. */
const PHYSICAL_COPY = new Set(['shipping', 'postage', 'mailing', 'mail', 'courier', 'paper', 'print', 'printing', 'printed', 'cd', 'dvd', 'usb', 'film', 'films']);
const SWITCH_OFF = new Set(['free', 'waive', 'waived', 'exempt', 'disable', 'disabled', 'no', 'without', 'skip']);

export default defineRule({
  meta: {
    id: 'access-fee',
    title: 'Fee or payment required for access to EHI',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties'],
    exceptions: ['fees', 'licensing'],
    triggers: ['fee', 'price', 'pricing', 'charg', 'tariff', 'cost', '402', 'payment', 'paid', 'bill', 'meter', 'stripe', 'paywall', 'credits', 'usage', 'sale', 'balance', 'invoice', 'premium', 'monetiz', 'monetis', 'overdue', 'subscri', 'checkout'],
    messages: {
      feeSetting: '`{name}` charges {amount} for {subject}, with no documented Fees exception.',
      patientFeeSetting: '`{name}` charges {amount} for a patient’s own electronic access to their EHI.',
      billingSwitch: '`{name}: {value}` makes {subject} a paid service.',
      paymentRequired: '{what} answers {evidence} with 402 Payment Required.',
      patientPaymentRequired: '{what} answers a patient’s own electronic access ({evidence}) with 402 Payment Required.',
      paymentCheck: '{what} refuses {evidence} unless the requestor has paid.',
      patientPaymentCheck: '{what} refuses a patient’s own electronic access ({evidence}) unless they have paid.',
      charge: '{what} charges the requestor for {evidence}, an EHI access path.',
      patientCharge: '{what} charges the patient for their own electronic access ({evidence}).',
      metered: '{what} meters or bills calls to {evidence}, an EHI access path.',
    },
    docs: {
      summary:
        'Flags fees attached to access to EHI: per-call and per-request API prices, record-request, copy and processing fees in settings (`pricePerCall`, `recordRequestFee`, `copyFeePerPage`, `roiProcessingFee`), 402 Payment Required and payment checks on EHI paths (in handlers, and gateway rules such as Kong `request-termination` with `status_code: 402` on EHI routes), charging and usage-billing calls (`stripe.charges.create`, `paymentIntents.create`, `billing.charge`, usage records) inside EHI handlers, billing or metering middleware and paid-plan gates on FHIR and records routes (`app.use(\'/fhir\', paywall)`, `requireActiveSubscription`, NestJS `@UseGuards(PremiumPlanGuard)`, ASP.NET `[RequireActiveSubscription]`, Spring interceptors), charge methods of a billing service in EHI handlers (`billing.chargeApp(clientId, 0.05)`, `billing.charge_per_record(...)`), and fees charged to the apps patients choose (`patientAppConnectionFee`). A fee on a patient’s own electronic access is reported as one no exception can document.',
      why:
        'A fee makes access costlier and so can interfere with it (45 CFR 171.102, “interfere”; 171.103). The Fees exception (171.302) covers fees based on objective, verifiable criteria, uniformly applied and reasonably related to the cost of providing access, when documented; the Licensing exception (171.303) covers reasonable royalties for interoperability elements. The Fees exception never covers a fee for an individual’s electronic access to their own EHI or access by a person or app they designate, a fee HIPAA forbids, or a fee to export EHI with the certified EHI-export capability; 45 CFR 170.404 also bars API fees to individuals.',
      fix:
        'Remove fees from patients’ own electronic access (portal, download, FHIR API and the apps they choose). For other fees, keep a cost basis and document it with `ehi-exception: fees` and a `cost-basis` field (or `licensing` for a negotiated royalty), or list JSON settings in the exception register.',
      notFlagged: [
        'Zero fees and switches that turn fees off (`recordRequestFee: 0`, `waivePatientFees: true`).',
        'Fees for paper copies, printing, physical media (CD, USB) and postage: they recover the cost of a non-electronic manner’s supplies, which the HIPAA right of access and the Fees exception (171.302) allow at cost; the rule cannot judge a cost basis from a number, and reporting every paper fee schedule would bury the electronic-access fees no exception covers. A per-page fee on a copy that is not said to be paper is flagged.',
        'Payments for care and bills (copays, invoices, appointment checkout) even on a patient portal, and billing code that is not on an EHI access path.',
        'Our own costs (cloud, LLM or SMS prices per call), and prices of non-EHI products.',
        'Per-call prices with no sign of EHI: a price per “call” or “request” counts only in a file that serves EHI routes or under an EHI key.',
        'FHIR `Subscription` resources: a subscription is only a payment word beside paid, plan or billing words, or in a gate’s name (`requireActiveSubscription`).',
        'Billing for clinical services and products: claim charges, copays, visit fees, FHIR `Invoice` payments, prices in catalogues of medical supplies, a practice’s subscription or per-seat, monthly fee for the software it runs, Stripe checkout for appointments.',
        'Checks of a resource’s own balance or invoice (`if (!account.balance)` on a FHIR `Account`): a balance, billing, invoice or overdue check counts only when it reads the requestor (`req.user.balanceOverdue`, `session.billing`); paid, payment, prepaid, premium and credits checks count wherever they are.',
        'Numbers beside a fee that are not money: counts, versions, shares and ids (`copyFeeMaxPages`, `feeScheduleVersion`, `downloadFeePercent`, `requestFeeId`).',
        'Charges that say they are for postage, mailing or paper copies (`description: "Postage for paper copy"`, a `/mail-copy` route).',
        'Fees in seed, mock, sample, demo and fixture data (by the file’s folder or name, or the names around the fee), and fees beside a switch that waives them for everyone (`{ amount: 25, waived: true }`); a waiver for patients only (`waivedForPatients`) leaves the fee for other requestors, which is reported.',
      ],
      examples: [
        {
          language: 'yaml',
          flagged: 'patient-portal:\n  records-download-fee: 5.00',
          fixed: 'patient-portal:\n  records-download-fee: 0',
        },
        {
          language: 'typescript',
          flagged: "app.get('/fhir/r4/:type/:id', meterUsage, fhirRead);",
          fixed: "app.get('/fhir/r4/:type/:id', fhirRead);",
        },
      ],
    },
    version: 2,
  },

  code(ctx) {
    const { code } = ctx;
    const reported = new Set<number>();
    const inPaymentCheck: Span[] = [];
    const report = (r: Report): void => {
      if (reported.has(r.at.start)) return;
      reported.add(r.at.start);
      ctx.report(r);
    };
    return {
      if(node) {
        const test = expressionWords(node.test);
        if (!isPaymentCheck(test) || !isRejection(code, node.consequent)) return;
        // `account.balance`, `invoice.status` of a resource being read is not the requestor's payment: a balance,
        // billing or invoice word must be read off the requestor (`req.user.balanceOverdue`, `session.billing`).
        if (!has(test, STRONG_PAY_CHECK) && !readsRequestor(node.test)) return;
        const scope = accessScope(code, node);
        if (!scope) return;
        inPaymentCheck.push(node.consequent);
        const self = scope.self || has(test, PATIENT_SELF);
        report(withExclusion({ at: node, messageId: self ? 'patientPaymentCheck' : 'paymentCheck', data: { what: '`if`', evidence: briefEvidence(scope.evidence) } }, self));
      },
      call(call) {
        if (call.isDecorator) return checkDecorator(ctx, call, report);
        if (statusOf(code, call) === 402 && !inPaymentCheck.some((s) => call.start >= s.start && call.end <= s.end)) {
          const scope = accessScope(code, call);
          if (scope) report(withExclusion({ at: callSite(call), messageId: scope.self ? 'patientPaymentRequired' : 'paymentRequired', data: { what: `\`${calleeName(call)}(...)\``, evidence: briefEvidence(scope.evidence) } }, scope.self));
          return;
        }
        checkCharge(ctx, call, report);
        checkInterceptorRegistration(ctx, call, report);
      },
      end() {
        checkSettings(ctx, report);
        checkMiddleware(ctx, report);
      },
    };
  },

  config(ctx) {
    if (isSampleDataPath(ctx.file.path)) return;
    for (const root of ctx.config.roots) {
      const servesEhi = ehiPathsIn(root).length > 0;
      for (const s of configSettings(root)) {
        // A gateway answering EHI routes with 402: Kong `request-termination` with `status_code: 402`.
        if (/^(status_?code|statusCode|status|code)$/i.test(s.name) && scalarNumber(s.value) === 402) {
          const scope = scopeOf(s.value);
          if (scope && classifyPaths(scope.paths) === 'ehi') {
            const evidence = scope.paths.filter((p) => classifyPaths([p]) === 'ehi').join(', ');
            ctx.report({ at: s.at, messageId: 'paymentRequired', data: { what: `\`${s.name}: 402\``, evidence } });
          }
          continue;
        }
        const bool = scalarBoolean(s.value);
        if (bool !== undefined && typeof scalar(s.value) !== 'number') {
          const subject = billingSwitch(s.words, [...s.words, ...s.context], bool);
          if (subject) ctx.report({ at: s.at, messageId: 'billingSwitch', data: { name: s.name, value: String(scalar(s.value)), subject } });
          continue;
        }
        // `recordsDownloadFee: { amount: 5, currency: USD }` is one fee, reported on its key.
        const amountPart = isAmountPart(s.words) && s.owner.entry;
        const name = amountPart ? s.owner.entry!.key : s.name;
        const fee = amountPart ? feeName(identifierWords(name), [], s.context, servesEhi) : feeName(s.words, s.parent, s.context, servesEhi);
        if (!fee) continue;
        if (requesterClassOf(s.words) || requesterClassOf(s.parent) || requesterClassOf(identifierWords(name))) continue;
        const amount = configAmount(s.value as ConfigNode);
        if (amount === undefined || amount <= 0) continue;
        if (waivedBeside(s.owner)) continue;
        ctx.report(feeReport(amountPart ? { start: s.owner.entry!.start, end: s.owner.entry!.end } : s.at, name, amount, fee));
      }
    }
  },
});

/* ---------------- names ---------------- */

interface FeeName {
  subject: string;
  self: boolean;
}

/**
 * A fee for access to EHI: a fee word in the name or the key above it, a subject (records, copies,
 * exports, or a per-call API price where the file serves EHI), and nothing that makes it a fee for
 * something else.
 */
function feeName(words: string[], parent: string[], context: string[], servesEhi: boolean): FeeName | undefined {
  const all = [...words, ...context];
  const feeWord = has(words, FEE_WORDS) || has(parent, FEE_WORDS) || (words.includes('cost') && has(all, STRONG_SUBJECT));
  if (!feeWord || has(words, OTHER_FEE) || has(parent, OTHER_FEE)) return undefined;
  if (has(all, SWITCH_OFF) || has(all, SAMPLE_DATA)) return undefined;
  // `copyFeeMaxPages`, `feeScheduleVersion`, `downloadFeePercent`: a count, a version or a share, not an amount of money.
  if (NOT_AN_AMOUNT.has(words[words.length - 1] ?? '')) return undefined;
  const strong = has(all, STRONG_SUBJECT);
  const weak = has(words, WEAK_SUBJECT) || has(parent, WEAK_SUBJECT) || words.includes('per');
  if (!strong && !(weak && (servesEhi || has(all, new Set(['fhir', 'ehi', 'patient', 'patients']))))) return undefined;
  return { subject: describeSubject(all), self: isSelfService(all) };
}

/** A switch beside the fee that waives it (`{ amount: 25, waivedForPatients: true }`, `copyFee: 10` with `waived: true`). */
function waivedBeside(owner: ConfigNode | undefined): boolean {
  if (owner?.kind !== 'map') return false;
  return owner.entries.some((e) => scalarBoolean(e.value) === true && typeof scalar(e.value) !== 'number' && isWholeWaiver(identifierWords(e.key)));
}

/** `waived`, `feeWaived`, `disabled`: off for everyone. `waivedForPatients` keeps the fee for other requestors. */
function isWholeWaiver(words: string[]): boolean {
  return has(words, SWITCH_OFF) && !words.includes('for') && !has(words, PATIENT_SELF) && !has(words, NOT_SELF_SERVICE);
}

/**
 * Seed data, mocks and fixtures, by the file's name or its folder (`seed/fees.json`, `mock-pricing.ts`).
 * `config.example.yaml` and `settings.sample.json` are templates of real settings, so they count.
 */
const SAMPLE_PATH = new Set([...SAMPLE_DATA].filter((w) => !/^(example|examples|sample|samples)$/.test(w)));
function isSampleDataPath(path: string): boolean {
  // The file's own name and its folder only: a workspace may sit under any folder.
  return path.split(/[\\/]/).slice(-2).some((part) => has(identifierWords(part.replace(/\.[^.]+$/, '')), SAMPLE_PATH));
}

/** The amount inside a fee object (`{ amount: 5, currency: "USD" }`), not a fee of its own. */
function isAmountPart(words: string[]): boolean {
  return words.length > 0 && words.every((w) => /^(amount|value|cents|unit|price)$/.test(w));
}

/** A patient’s own electronic access: patient-side words with portal, download, API or app words, and no sign of a third party or a staff-prepared copy. */
function isSelfService(words: string[]): boolean {
  return has(words, PATIENT_SELF) && has(words, ELECTRONIC_ACCESS) && !has(words, NOT_SELF_SERVICE);
}

function describeSubject(words: string[]): string {
  if (words.includes('roi') || words.includes('disclosure') || words.includes('disclosures')) return 'release-of-information requests';
  if (words.includes('page') || words.includes('pages')) return 'each page of a records copy';
  if (words.includes('copy') || words.includes('copies')) return 'copies of records';
  if (words.includes('export') || words.includes('exports') || words.includes('download') || words.includes('downloads')) return 'exporting or downloading EHI';
  if (words.some((w) => w === 'record' || w === 'records' || w === 'chart')) return 'records requests';
  if (words.some((w) => /^(call|calls|request|requests|query|queries|transaction|transactions|read|reads|hit|hits|lookup|lookups|search|searches)$/.test(w))) return 'each API call';
  return 'access to EHI';
}

/** `meteredBilling: true`, `chargeForRecordsRequests: true`, `requirePrepayment: true` under an EHI key. */
function billingSwitch(words: string[], all: string[], value: boolean): string | undefined {
  if (!value || has(all, SWITCH_OFF) || has(all, OTHER_FEE)) return undefined;
  const billing = words.some((w) => BILLING_NAME.has(w) || FEE_WORDS.has(w) || w === 'prepayment');
  if (!billing || !has(all, STRONG_SUBJECT)) return undefined;
  return describeSubject(all);
}

function feeReport(at: Span, name: string, amount: number, fee: FeeName): Report {
  const cents = identifierWords(name).some((w) => w === 'cents' || w === 'minor');
  const data = { name, amount: cents ? `${formatAmount(amount / 100)} (${amount} cents)` : formatAmount(amount), subject: fee.subject };
  return withExclusion({ at, messageId: fee.self ? 'patientFeeSetting' : 'feeSetting', data }, fee.self);
}

function formatAmount(amount: number): string {
  if (Number.isInteger(amount)) return String(amount);
  return Number.isInteger(Math.round(amount * 1e6) / 1e4) ? amount.toFixed(2) : String(amount);
}

/** A finding on a patient’s own electronic access: no exception the rule lists can document it. */
function withExclusion(report: Report, self: boolean): Report {
  if (!self) return report;
  return {
    ...report,
    excluded: [
      { exception: 'fees', reason: 'the Fees exception never covers a fee for an individual’s electronic access to their own EHI (45 CFR 171.302)' },
      { exception: 'licensing', reason: 'a patient’s access to their own EHI is not the licensing of an interoperability element (45 CFR 171.303)' },
    ],
  };
}

/* ---------------- code ---------------- */

interface AccessScope {
  evidence: string;
  /** The patient’s own electronic access: a portal, “me” or “my” route. */
  self: boolean;
}

/** An EHI access path that is not about paying for care or bills. */
function accessScope(code: CodeModel, node: IrNode): AccessScope | undefined {
  const scope = ehiScope(code, node);
  if (!scope) return undefined;
  return scopeFromHandler(code, scope.evidence, scope.handler, node);
}

function scopeFromHandler(code: CodeModel, evidence: string, handler: Handler | undefined, node: IrNode | undefined): AccessScope | undefined {
  const site = node ?? handler?.fn;
  const names = site ? [...(site.kind === 'function' && site.name ? identifierWords(site.name) : []), ...enclosingNameWords(site)] : [];
  const paths = (handler?.routes ?? []).map((r) => r.path).join(' ');
  // A Mirth channel's purpose is its name; its step names say what a script does (“Bill participant”).
  const described = code.embedding ? /channel "([^"]*)"/.exec(evidence)?.[1] ?? '' : evidence;
  const words = [...identifierWords(described), ...identifierWords(paths), ...names];
  if (has(words, PAYMENT_PURPOSE) || has(words, PHYSICAL_COPY)) return undefined;
  const self = words.some((w) => /^(portal|me|my|mychart|self|phr)$/.test(w));
  return { evidence, self: self && !code.embedding };
}

const STRONG_PAY_CHECK = new Set(['paid', 'unpaid', 'prepaid', 'prepayment', 'paywall', 'premium', 'payment', 'payments', 'credits']);
const REQUESTOR_ROOT = /^(req|request|user|currentUser|current_user|session|client|principal|caller|customer|subscriber|ctx|context|self|this|HttpContext|User|caller_id|user_id|userId|clientId|client_id)$/;

/** Whether a test reads something off the requestor: `req.user.x`, `session.y`, `self.request.user.z`, `currentUser.balance`. */
function readsRequestor(node: IrNode): boolean {
  let found = false;
  walk(node, (n) => {
    if (found || (n.kind !== 'member' && n.kind !== 'name')) return;
    let root: IrNode = n;
    while (root.kind === 'member') root = root.object;
    while (root.kind === 'call' && root.callee.kind === 'member') {
      root = root.callee.object;
      while (root.kind === 'member') root = root.object;
    }
    if (root.kind === 'name' && REQUESTOR_ROOT.test(root.name)) found = true;
  });
  return found;
}

function isPaymentCheck(words: string[]): boolean {
  if (has(words, PAY_CHECK)) return true;
  return words.some((w) => w === 'subscription' || w === 'subscribed') && words.some((w) => /^(paid|plan|billing|premium|tier|stripe)$/.test(w));
}


function checkSettings(ctx: CodeContext, report: (r: Report) => void): void {
  const { code } = ctx;
  if (isSampleDataPath(ctx.file.path)) return;
  let servesEhi: boolean | undefined;
  const fileServesEhi = (): boolean => (servesEhi ??= !!code.embedding || serveEhiRoutes(code));
  for (const s of codeSettings(code)) {
    const bool = codeBoolean(code, s);
    if (bool !== undefined) {
      const subject = billingSwitch(s.words, [...s.words, ...s.context], bool);
      if (subject) report({ at: s.at, messageId: 'billingSwitch', data: { name: s.name, value: String(bool), subject } });
      continue;
    }
    // A field's parent is its class: a `PricingExperimentQuery` class does not make its `page` field a price.
    const parent = s.owner?.kind === 'class' ? s.parent.filter((w) => w === 'fee' || w === 'fees') : s.parent;
    if (!has(s.words, FEE_WORDS) && !has(parent, FEE_WORDS) && !s.words.includes('cost')) continue;
    // `{ recordsDownloadFee: { amount: 5 } }` is reported once, on `recordsDownloadFee`.
    if (isAmountPart(s.words)) continue;
    const fee = feeName(s.words, parent, s.context, fileServesEhi() || usedOnEhiPath(code, s.name));
    if (!fee) continue;
    // A fee keyed by who the requestor is (`thirdPartyApps: { perCall: 0.05 }`) is `discriminatory-terms`'s.
    if (requesterClassOf(s.words) || requesterClassOf(s.parent)) continue;
    const amount = codeAmount(code, s.value);
    if (amount === undefined || amount <= 0) continue;
    const waives = (o: IrNode | undefined): boolean => o?.kind === 'object' && o.properties.some((p) => p.value.kind === 'boolean' && p.value.value && isWholeWaiver(identifierWords(p.key)));
    if (waives(s.owner) || waives(s.value)) continue;
    report(feeReport(s.at, s.name, amount, fee));
  }
}

/** Whether the file registers or declares an EHI route. */
function serveEhiRoutes(code: CodeModel): boolean {
  if (routeRegistrations(code).some((r) => r.methods.length > 0 && classifyPaths([r.path]) === 'ehi')) return true;
  return code.functions().some((fn) => {
    const h = handlerFor(code, fn);
    return h?.classification === 'ehi' && h.routes.length > 0;
  });
}

/** Whether a constant is read inside an EHI handler in this file. */
function usedOnEhiPath(code: CodeModel, name: string): boolean {
  let used = false;
  walk(code.root, (n) => {
    if (used) return false;
    if ((n.kind === 'name' && n.name === name) || (n.kind === 'member' && n.property === name)) used = enclosingHandler(code, n)?.classification === 'ehi';
  });
  return used;
}

const CHARGE_CALL =
  /(^|\.)(charges\.create|paymentIntents\.create|PaymentIntent\.create|Charge\.create|invoiceItems\.create|InvoiceItem\.create|usageRecords\.create|createUsageRecord|UsageRecord\.create|meterEvents\.create|MeterEvent\.create|transaction\.sale|paymentsApi\.createPayment|checkout\.sessions\.create)$/;
const CHARGE_METHOD = /^(charge|chargeCard|chargeCustomer|chargeAccount|chargeFee|collectFee|collectPayment|billFor|billCustomer|recordUsage|reportUsage|meterUsage|recordBillableEvent|deductCredits|consumeCredits|debitCredits|charge_customer|record_usage|deduct_credits)$/;

/** Charging or usage-billing calls inside an EHI handler. */
function checkCharge(ctx: CodeContext, call: CallNode, report: (r: Report) => void): void {
  const name = calleeName(call);
  const last = calleeLast(call);
  const receiverWords = call.callee.kind === 'member' ? identifierWords(dotted(call.callee.object).replace(/\(\)/g, '')) : [];
  const serviceCreate = /^(Create|CreateAsync|create|capture|Capture|CaptureAsync)$/.test(last) && receiverWords.some((w) => /^(charge|charges|payment|payments|stripe|billing|invoice|usage|meter)$/.test(w)) && receiverWords.some((w) => /^(charge|charges|intent|intents|stripe|usage|meter|invoice)$/.test(w));
  // `billing.chargeApp(clientId, 0.05)`, `payments.chargePerRecord(...)`: a charge method on a billing service.
  const billingCharge = /^charge[A-Z_]/.test(last) && receiverWords.some((w) => /^(billing|payment|payments|stripe|invoice|invoicing|charges|ledger)$/.test(w));
  if (!CHARGE_CALL.test(name.replace(/\(\)/g, '')) && !CHARGE_METHOD.test(last) && !serviceCreate && !billingCharge) return;
  // `stripe.charges.create({ amount, description: 'Postage for paper copy' })`: the charge says what it is for.
  const described = call.args.flatMap((a) => expressionWords(a.value));
  if (has(described, PHYSICAL_COPY) || has(described, PAYMENT_PURPOSE)) return;
  const scope = accessScope(ctx.code, call);
  if (!scope) return;
  report(withExclusion({ at: callSite(call), messageId: scope.self ? 'patientCharge' : 'charge', data: { what: `\`${name.replace(/\(\)/g, '()')}(...)\``, evidence: briefEvidence(scope.evidence) } }, scope.self));
}

function isBillingName(text: string): boolean {
  const words = identifierWords(text);
  if (words.some((w) => /^(log|logger|logging|audit|metrics|trace|tracker|tracking|analytics)$/.test(w))) return false;
  // `requireActiveSubscription`, `checkPaidTier`, `ensurePlan`: a gate on a paid plan. A bare `subscription...` is the FHIR resource.
  const gate = words.some((w) => /^(require|requires|check|checks|ensure|ensures|verify|enforce|has|is|only)$/.test(w));
  const plan = words.some((w) => /^(subscription|subscribed|subscriber|tier|plan)$/.test(w)) && !words.includes('care');
  return has(words, BILLING_NAME) || (gate && plan);
}

/** Express/Fastify: billing or metering middleware on EHI routes, or app-wide in a file that serves EHI. */
function checkMiddleware(ctx: CodeContext, report: (r: Report) => void): void {
  const { code } = ctx;
  for (const reg of routeRegistrations(code)) {
    if (!reg.path || classifyPaths([reg.path]) !== 'ehi') continue;
    for (const m of reg.middleware) {
      const text = m.kind === 'call' ? calleeName(m) : dotted(m);
      const resolved = m.kind === 'name' ? resolve(code, m) : undefined;
      const resolvedName = resolved?.kind === 'call' ? calleeName(resolved) : resolved?.kind === 'function' ? resolved.name ?? '' : '';
      if (!isBillingName(text) && !isBillingName(resolvedName)) continue;
      const scope = scopeFromHandler(code, `route ${reg.path}`, undefined, undefined);
      if (!scope) continue;
      report({ at: m, messageId: 'metered', data: { what: `\`${code.textOf(m).slice(0, 40)}\``, evidence: `route ${reg.path}` } });
    }
  }
}

/** NestJS `@UseGuards(PaidTierGuard)`, `@UseInterceptors(UsageBillingInterceptor)`, ASP.NET `[RequiresPayment]`, Python `@metered_billing` on EHI handlers and controllers. */
function checkDecorator(ctx: CodeContext, d: CallNode, report: (r: Report) => void): void {
  const { code } = ctx;
  const name = dotted(d.callee).split('.').pop() ?? '';
  const argText = d.args.map((a) => code.textOf(a.value)).join(' ');
  const billing = isBillingName(name) || (/^(UseGuards|UseInterceptors|ServiceFilter|TypeFilter|UseFilters|Before|before_request)$/.test(name) && isBillingName(argText));
  if (!billing) return;
  const owner = d.parent;
  let evidence: string | undefined;
  if (owner?.kind === 'function') {
    const h = handlerFor(code, owner);
    if (h?.classification === 'ehi') evidence = h.evidence;
  } else if (owner?.kind === 'class') evidence = classEvidence(code, owner);
  if (!evidence || !scopeFromHandler(code, evidence, undefined, owner)) return;
  report({ at: d, messageId: 'metered', data: { what: `\`${code.textOf(d).replace(/^\[/, '').split('(')[0]}${argText ? `(${argText.slice(0, 40)})` : ''}\``, evidence } });
}

function classEvidence(code: CodeModel, cls: ClassNode): string | undefined {
  for (const m of cls.members) {
    if (m.kind !== 'function') continue;
    const h = handlerFor(code, m);
    if (h?.classification === 'ehi') return h.evidence;
  }
  return undefined;
}

/** Spring MVC: `registry.addInterceptor(new UsageBillingInterceptor()).addPathPatterns("/fhir/**")`. */
function checkInterceptorRegistration(ctx: CodeContext, call: CallNode, report: (r: Report) => void): void {
  if (calleeLast(call) !== 'addPathPatterns' || call.callee.kind !== 'member') return;
  const inner = call.callee.object;
  if (inner.kind !== 'call' || calleeLast(inner) !== 'addInterceptor') return;
  const interceptor = ctx.code.textOf(inner.args[0]?.value ?? inner);
  if (!isBillingName(interceptor.replace(/^new\s+/, '').split('(')[0])) return;
  const path = call.args.map((a) => stringValue(ctx.code, a.value)).find((p): p is string => !!p && isEhiPathLiteral(p));
  if (!path) return;
  report({ at: callSite(inner), messageId: 'metered', data: { what: `\`${interceptor.slice(0, 50)}\``, evidence: path } });
}
