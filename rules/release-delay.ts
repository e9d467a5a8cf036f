/**
 * The `release-delay` rule: blanket holds on releasing results, notes and reports to patients
 * (delay settings, release times a fixed time after the result, handlers that hide recent results,
 * jobs that release later). Documented in `meta.docs` (docs/rules/release-delay.md).
 */
import type { CodeModel } from '../server/src/core/code-model';
import { ConfigNode, scalar, scalarBoolean, scalarNumber } from '../server/src/core/formats/tree';
import type { CallNode, IrNode, Span } from '../server/src/core/ir';
import { walk } from '../server/src/core/ir';
import { CodeContext, defineRule } from '../server/src/core/rule';
import { MIRTH_TRIGGERS } from '../server/src/core/formats/mirth';
import { ehiScope, HEALTH_CARE_TRIGGERS, mentionsHealthCare, briefEvidence } from '../server/src/domain/access-path';
import { laterJobOf } from '../server/src/analysis/calls';
import { codeBoolean, codeDuration, codeSettings, CodeSetting, configDuration, ConfigSetting, configSettings, DurationSetting } from '../server/src/analysis/named-values';
import { isRejection } from '../server/src/analysis/responses';
import { CLINICAL, CLINICAL_TRIGGERS, isResultReleaseJob, OTHER_PURPOSE, PATIENT_FACING, RELEASE, SUBJECT } from '../server/src/domain/result-release';
import { ageTest, AgeTest, cutoffBeforeNow, shiftedTime } from '../server/src/analysis/time';
import { calleeLast, calleeName, callSite, collectionFilter, dotted, enclosingNameWords, hasWord as has, identifierWords, stringValue } from '../server/src/analysis/values';

/**
 * An age filter over a month (`older than 365 days`) selects old items (an archive, last year's
 * results); embargoes run from hours to a couple of weeks.
 */
const MAX_AGE_FILTER_MS = 31 * 86_400_000;
const CLINICAL_TEXT = /imaging|patholog|radiolog|biops/i;
/** Below an hour a hold is processing or batching, not an embargo. */
const MIN_DELAY_MS = 3_600_000;
/**
 * A message queue's delivery delay (SQS `DelaySeconds`) is at most 15 minutes: a release queue set to
 * that maximum holds every item as long as the queue can, which is a choice to hold, not processing.
 */
const MIN_QUEUE_DELAY_MS = 900_000;

const DELAY = new Set(['delay', 'delays', 'delayed', 'hold', 'holds', 'holdback', 'embargo', 'embargoed', 'defer', 'deferred', 'deferral', 'wait', 'waiting', 'lag', 'quarantine']);
/** Readers other than the patient: caregivers, proxies, family. */
const OTHER_READER = new Set(['caregiver', 'caregivers', 'proxy', 'proxies', 'guardian', 'guardians', 'family', 'delegate', 'delegates', 'representative', 'representatives']);

/** `showReleaseNotes`, `releaseNotesDelayDays`: a product's release notes, unless the name says whose notes (`releaseNotesToPatient`, `releaseClinicalNotes`). */
function isSoftwareReleaseNotes(words: string[]): boolean {
  const i = words.findIndex((w, k) => (w === 'release' || w === 'releases') && (words[k + 1] === 'notes' || words[k + 1] === 'note'));
  return i >= 0 && !words.some((w) => /^(patient|patients|clinical|progress|visit|encounter|discharge|provider|physician|doctor|portal|mychart)$/.test(w));
}

/** Parts of a screen: hiding a trend graph or a button is not hiding the results. */
const SCREEN_ELEMENT = new Set(['trend', 'trends', 'graph', 'graphs', 'sparkline', 'thumbnail', 'thumbnails', 'button', 'buttons', 'icon', 'icons', 'widget', 'widgets', 'column', 'columns', 'legend', 'color', 'colour', 'preview', 'badge', 'banner', 'tooltip']);
/** Items that are not (yet) a valid result: duplicates, cancelled orders, entries in error, tests and demo data; and "final only", which keeps back only unfinished ones. */
const NOT_A_RESULT = new Set(['duplicate', 'duplicates', 'dedup', 'cancelled', 'canceled', 'erroneous', 'error', 'errors', 'invalid', 'demo', 'test', 'final', 'finalized', 'superseded']);
/** Words that name holding back release itself, not a delay of some processing step. */
const HOLD_WORDS = new Set(['hold', 'holds', 'holdback', 'embargo', 'embargoed', 'quarantine', 'withhold', 'withheld']);
/** Processing steps a delay may belong to: ingesting, scanning, indexing, generating, reconciling, acknowledging, digests. */
const PROCESSING = new Set([
  'ingest', 'ingestion', 'import', 'upload', 'uploads', 'scan', 'scanning', 'ocr', 'index', 'indexing', 'prefetch', 'reconciliation', 'reconcile', 'dedup', 'dedupe',
  'ack', 'generation', 'generate', 'render', 'rendering', 'digest', 'export', 'transcription', 'conversion', 'parse', 'parsing', 'processing', 'hl7',
]);
/** Names of a release time: `releaseAt`, `visibleAfter`, `embargoUntil`, `portal_release_date`. */
const TIME_SUFFIX = new Set(['at', 'after', 'until', 'time', 'date', 'on', 'datetime', 'timestamp', 'when']);
/** Unfinished or excluded material (drafts, preliminary results, psychotherapy notes) and per-case holds. */
const NOT_BLANKET = new Set([
  'draft', 'drafts', 'preliminary', 'prelim', 'unsigned', 'pending', 'incomplete', 'unfinalized', 'psychotherapy', 'individual', 'individually', 'per', 'case',
  'override', 'overrides', 'allow', 'allowed', 'can', 'manual', 'manually', 'max', 'maximum', 'min', 'minimum', 'optional', 'permit',
]);
const HIDE = new Set(['hide', 'hidden', 'withhold', 'withheld', 'suppress', 'suppressed', 'block', 'blocked', 'restrict', 'restricted', 'exclude', 'excluded', 'embargo', 'embargoed', 'hold', 'delay', 'delayed', 'defer', 'deferred']);
const SHARE = new Set(['share', 'shared', 'sharing', 'release', 'releases', 'show', 'display', 'visible', 'expose', 'publish', 'immediate', 'immediately', 'instant', 'instantly', 'realtime']);
const REVIEW = new Set(['review', 'reviewed', 'signoff', 'acknowledge', 'acknowledged', 'acknowledgement', 'acknowledgment', 'approve', 'approval', 'approved']);
const REQUIRE = new Set(['require', 'requires', 'required', 'hold', 'until', 'before', 'after', 'wait', 'only', 'must', 'need', 'needs', 'gate', 'gated']);
/** A review already done: what a gate reads before it lets a result through. */
const REVIEW_DONE = new Set(['reviewed', 'acknowledged', 'acked', 'approved', 'signoff', 'signedoff']);
/** Timestamps of a finished result (FHIR `issued`, HL7 result status F, "resulted", "finalized"). */
const RESULT_TIME = new Set(['finalized', 'finalised', 'final', 'resulted', 'issued', 'signed', 'verified', 'reported', 'completed']);
/** Handlers that serve clinicians' work queues, not patients. */
const CLINICIAN_FACING = new Set(['provider', 'providers', 'clinician', 'clinicians', 'physician', 'physicians', 'doctor', 'doctors', 'nurse', 'inbox', 'worklist', 'staff', 'admin', 'review', 'reviews', 'queue', 'pending', 'unreviewed']);
/** Names of a query's conditions: a boolean there selects items, it does not set anything. */
const QUERY_WORDS = new Set(['where', 'filter', 'filters', 'find', 'query', 'match', 'exclude', 'select', 'search', 'criteria', 'eq', 'equals', 'by', 'count', 'exists']);
const PATIENT_OR_API = new Set([...PATIENT_FACING, 'me', 'my', 'fhir', 'app', 'apps', 'observation', 'diagnosticreport', 'documentreference']);

export default defineRule({
  meta: {
    id: 'release-delay',
    title: 'Blanket hold on releasing results or notes to patients',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties'],
    exceptions: ['preventing-harm', 'required-by-law', 'privacy'],
    // Every check is guarded: code checks run only in a Mirth script or where `mentionsHealthCare`
    // holds, config checks only where it holds for the file or the setting names a CLINICAL word.
    triggersAlso: [...HEALTH_CARE_TRIGGERS, ...CLINICAL_TRIGGERS, ...MIRTH_TRIGGERS],
    triggers: ['result', 'lab', 'note', 'report', 'patholog', 'radiolog', 'imaging', 'observation', 'diagnostic', 'biops', 'document', 'obs', 'embargo', 'final', 'issued', 'signed', 'verified', 'completed'],
    messages: {
      delaySetting: '`{name}` holds {subject} back from patients for {duration}, for every one of them.',
      hiddenSetting: '`{name}: {value}` keeps {subject} from patients, for every patient.',
      gateSetting: '`{name}: {value}` releases {subject} to patients only after clinician review, with no time bound.',
      ageCheck: '{what} hides {subject} from patients until {duration} after `{since}` ({evidence}).',
      releaseTime: '`{name}` makes {subject} visible to patients {duration} after `{base}`.',
      scheduledRelease: '{what} schedules `{job}` to release {subject} to patients {duration} later.',
      reviewGate: '{what} returns only {subject} a clinician has reviewed ({evidence}), with no time bound.',
      queueDelay: '`{name}` holds every message on release queue `{job}` for {duration} before {subject} reach patients.',
      workflowWait: 'Wait state `{name}` holds {subject} for {duration} before `{job}` releases them to patients.',
      jobAge: '`{name}` makes the job `{job}` release only {subject} older than {duration}.',
    },
    docs: {
      summary:
        'Flags blanket holds on releasing results, notes and reports to patients, in these forms: delay and embargo settings in code and configuration (`labResultReleaseDelayHours: 72`, `noteEmbargoDays`, values reached through imported constants, JSON/YAML modules, Django settings, Spring `@Value` and `application.yml`); settings that keep notes or results from the portal (`shareNotesWithPatient: false`); release times computed as a fixed time after the result (`releaseAt = finalizedAt + 72h`); handlers and queries that hide results younger than a threshold or return only clinician-reviewed results; job systems that release later: Celery `apply_async(countdown=…)`/`eta=now + …`, BullMQ/Bull `queue.add(name, data, { delay })`, Agenda, Hangfire `Schedule`, Spring `TaskScheduler.schedule(task, now + …)`, Quartz `startAt(futureDate(…))`; scheduled jobs (`@Scheduled`, node-cron, Celery tasks) that release only results older than N hours (`updateMany({ where: { finalizedAt: { lte: now - 72h } }, data: { portalVisible: true } })`) and Celery beat or job configuration passing such an age (`older_than_hours: 72`); SQS delay queues on a release queue (`DelaySeconds` in `SendMessage` calls, CloudFormation and serverless `AWS::SQS::Queue`); Step Functions `Wait` states before a release step.',
      why:
        'Delaying access is interference, not only refusing it (45 CFR 171.102, “interfere”; 171.103). Holding every result of a class for a fixed time, or until a clinician has reviewed it, is a blanket practice; the Preventing Harm exception (171.201) requires either an individual determination by a licensed health care professional in the exercise of professional judgment or a concern about misidentified, mismatched, corrupt or erroneous data, and ONC’s FAQs on holding results for clinician review say a blanket hold does not meet it. A law that requires a delay (the “required by law” clause of 171.103) or the patient’s own request not to share (Privacy, 171.202) can also make it lawful.',
      fix:
        'Release results and notes to patients as soon as they are final. Where a clinician decides, for one patient and one result, that release would endanger life or physical safety, hold that result through a per-result flag and document the determination. If a law requires the delay, or the hold is deliberate for another documented reason, annotate it with `ehi-exception: preventing-harm` (with `risk`, `harm`, `basis`, `determined-by`), `required-by-law` (with `law`) or `privacy`, or list it in the exception register for JSON files.',
      notFlagged: [
        'Delays of zero, and delays under an hour (processing, batching, interface pacing); for an SQS delay queue, whose delay is at most 15 minutes, delays under that maximum.',
        'Retry and back-off schedules (`self.retry(countdown=…)`, BullMQ `backoff.delay`, Step Functions `Retry` intervals, a job named for retrying) and jobs about something else on the same queue or scheduler (reminders, notifications, escalation, billing, purges).',
        'Delays of a processing step (`reportGenerationDelayHours`, `labResultIngestDelay`, OCR, indexing, reconciliation, digests): a delay setting must name a hold or embargo, the release or visibility itself, or sit on the patient side (`portal.results.delayHours`).',
        'Age filters of views over older items: thresholds over a month (last year’s results), archive and history routes, and lists kept under names such as `stale` or `archived`; `approved` alone (anyone’s approval, such as staff checking an uploaded card) unless a clinician is named (`radiologistApproved`).',
        'A product’s release notes (`showReleaseNotes: false`, `releaseNotesDelayDays`) unless the name says whose notes, and settings about caregivers’ or proxies’ access (`shareNotesWithCaregivers: false`).',
        'Screen elements (`showLabTrendsChart: false`) and data that is not a valid result yet (duplicates, cancelled orders, entries in error, “final results only”).',
        'Jobs that send results elsewhere than to patients (to the EHR, a referring provider, a warehouse, a dashboard banner) and jobs about business or quality reports: a job named only for a “report” or “document” must also name the patient side.',
        'A release time a clinician chose for one result (`eta=hold.release_at`, a Step Functions `TimestampPath` from the hold), and query conditions that only read a visibility flag (`where: { portalVisible: false }`).',
        'A per-patient or per-result hold driven by a clinician’s individual determination (`if (result.harmHold) continue;`, `allowIndividualHold: true`, `maxIndividualHoldDays`).',
        'Internal workflows: notification, reminder and escalation delays, retries, cache TTLs, interface batching, critical-result call-back timers.',
        'Clinicians’ own work queues (an inbox listing unreviewed results) and filters that select unreviewed items for review.',
        'Drafts, preliminary results, unsigned notes and psychotherapy notes: whether unfinished material is in the designated record set is a separate question, and psychotherapy notes are not EHI.',
        '“Results” and “release” outside health care (quiz results, escrow or software releases): the file must be about health care, or the name must be clinical.',
      ],
      examples: [
        {
          language: 'json',
          flagged: '{ "portal": { "labResultReleaseDelayHours": 72 } }',
          fixed: '{ "portal": { "labResultReleaseDelayHours": 0 } }',
        },
        {
          language: 'typescript',
          flagged: "router.get('/portal/results', async (req, res) => {\n  const results = await labResults.forPatient(req.user.patientId);\n  const visible = results.filter((r) => hoursSince(r.finalizedAt) >= 72);\n  res.json(visible);\n});",
          fixed: "router.get('/portal/results', async (req, res) => {\n  const results = await labResults.forPatient(req.user.patientId);\n  // A clinician's individual hold on one result, with its documented determination.\n  const visible = results.filter((r) => !r.harmHold);\n  res.json(visible);\n});",
        },
      ],
    },
    version: 1,
  },

  code(ctx) {
    const { code } = ctx;
    const reported = new Set<number>();
    const report = (at: Span, messageId: string, data: Record<string, string | number>): void => {
      if (reported.has(at.start)) return;
      reported.add(at.start);
      ctx.report({ at, messageId, data });
    };
    // Imaging, pathology and biopsy reports are clinical on their own (`ImagingReport`, `publish_pathology_report`).
    const health = (): boolean => !!code.embedding || mentionsHealthCare(code) || CLINICAL_TEXT.test(code.text);
    return {
      call(call) {
        if (call.isDecorator) return;
        // A job named for a clinical subject (`ReleaseLabResultToPortal`) is health care whatever the file says.
        if (!health()) return checkScheduledRelease(ctx, call, report, true);
        checkScheduledRelease(ctx, call, report);
        checkFilter(ctx, call, report);
        checkQueryCutoff(ctx, call, report);
        checkReviewQuery(ctx, call, report);
      },
      loop(loop) {
        if (!loop.comprehension || !loop.test || !health()) return;
        const age = ageTest(code, loop.test);
        if (age && !age.youngerWhenTrue) reportAge(ctx, loop, age, '`comprehension`', report);
      },
      if(node) {
        if (!health()) return;
        const negated = node.test.kind === 'unary' && (node.test.operator === '!' || node.test.operator === 'not');
        const age = ageTest(code, negated && node.test.kind === 'unary' ? node.test.operand : node.test);
        const younger = age && (negated ? !age.youngerWhenTrue : age.youngerWhenTrue);
        if (age && younger && hides(code, node.consequent)) {
          reportAge(ctx, node, age, '`if`', report);
          return;
        }
        if (negated && node.test.kind === 'unary' && readsReviewDone(code, node.test.operand) && hides(code, node.consequent)) reportGate(ctx, node, '`if`', report);
      },
      end() {
        if (!health()) return;
        checkCodeSettings(ctx, report);
      },
    };
  },

  config(ctx) {
    const healthFile = mentionsHealthCare(ctx.file);
    for (const root of ctx.config.roots) {
      const settings = configSettings(root);
      const timedOwners = new Set<unknown>();
      const gates: { at: Span; name: string; value: string; subject: string; owner: unknown }[] = [];
      for (const s of settings) {
        const words = phrase(s.words, s.parent);
        const all = [...words, ...s.context];
        if (!healthFile && !has(all, CLINICAL)) continue;
        const bool = scalarBoolean(s.value);
        if (bool !== undefined && typeof scalar(s.value) !== 'number') {
          const kind = booleanFinding(s.words, all, bool, healthFile || has(all, CLINICAL));
          if (kind === 'hidden') ctx.report({ at: s.at, messageId: 'hiddenSetting', data: { name: s.name, value: String(bool), subject: subjectOf(all) } });
          else if (kind === 'gate') gates.push({ at: s.at, name: s.name, value: String(bool), subject: subjectOf(all), owner: s.owner });
          continue;
        }
        const job = configJob(s);
        if (job) {
          timedOwners.add(s.owner);
          ctx.report({ at: s.at, messageId: job.messageId, data: { name: job.name ?? s.name, job: job.job, subject: subjectOf(identifierWords(job.job)), duration: formatMs(job.ms) } });
          continue;
        }
        if (!isDelayName(words, all)) continue;
        const duration = configDuration(s);
        if (!duration || !isBlanketDelay(duration)) continue;
        timedOwners.add(s.owner);
        ctx.report({ at: s.at, messageId: 'delaySetting', data: { name: s.name, subject: subjectOf(all), duration: describeDuration(duration) } });
      }
      for (const g of gates) if (!timedOwners.has(g.owner)) ctx.report({ at: g.at, messageId: 'gateSetting', data: { name: g.name, value: g.value, subject: g.subject } });
    }
  },
});

type Reporter = (at: Span, messageId: string, data: Record<string, string | number>) => void;

/* ---------------- jobs that release to patients ---------------- */

/** Results, notes and imaging that are clinical on their own; a "report" or "document" job needs a patient-facing word. */
const CLINICAL_SUBJECT = new Set(['result', 'results', 'lab', 'labs', 'note', 'notes', 'pathology', 'radiology', 'imaging', 'observation', 'observations', 'biopsy', 'diagnostic', 'diagnostics']);
/** Where else a job may send results: another system, a clinician, a warehouse or a screen element; those are not release to patients. */
const OTHER_RECIPIENT = new Set([
  'ehr', 'emr', 'provider', 'providers', 'referring', 'clinician', 'clinicians', 'physician', 'physicians', 'warehouse', 'etl', 'datalake', 'dashboard', 'banner', 'badge',
  'card', 'cards', 'quality', 'registry', 'registries', 'payer', 'payers', 'hie', 'statement', 'statements', 'billing', 'lis', 'ris', 'pacs',
]);

/**
 * A job (its name, task, queue, message, and the names around it) that releases results, notes or
 * reports to patients: a patient-facing word, or a release word with a clinical subject and no other
 * recipient (`release-lab-result`, `ReleaseToPortal`; not `publish-quarterly-report`, `release_lab_results_to_ehr`).
 */
function releasesToPatients(text: string): boolean {
  if (!isResultReleaseJob(text)) return false;
  const words = identifierWords(text);
  if (has(words, PATIENT_FACING)) return true;
  return has(words, CLINICAL_SUBJECT) && !has(words, OTHER_RECIPIENT);
}

/* ---------------- config: queues, workflow waits and job arguments ---------------- */

/**
 * A hold written into a queue, a workflow or a job's arguments: an SQS queue's `DelaySeconds`
 * (CloudFormation, serverless), a Step Functions `Wait` state's `Seconds` before a release step, and an
 * age threshold (`older_than_hours`, `min-age`) passed to a scheduled job that releases results.
 */
function configJob(s: ConfigSetting): { messageId: string; job: string; ms: number; name?: string } | undefined {
  const owner = s.owner.kind === 'map' ? s.owner : undefined;
  if (!owner) return undefined;
  const sibling = (key: RegExp): string | undefined => {
    const e = owner.entries.find((x) => key.test(x.key));
    const v = e ? scalar(e.value) : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  const n = scalarNumber(s.value);
  if (/^delay_?seconds$/i.test(s.name) && n !== undefined) {
    // The queue: its logical id (the key above `Properties`) and its `QueueName`.
    const job = [sibling(/^QueueName$/i) ?? '', ...s.context].join(' ');
    if (n * 1000 >= MIN_QUEUE_DELAY_MS && releasesToPatients(job)) return { messageId: 'queueDelay', job: sibling(/^QueueName$/i) ?? s.context.join('-'), ms: n * 1000 };
    return undefined;
  }
  if (s.name === 'Seconds' && sibling(/^Type$/) === 'Wait' && n !== undefined) {
    const state = owner.entry?.key ?? '';
    const next = sibling(/^Next$/) ?? '';
    // The state machine: its key and name a few levels up (`ResultReleaseStateMachine`, `StateMachineName`).
    const machine: string[] = [];
    for (let m: ConfigNode | undefined = owner.parent, depth = 0; m && depth < 8; m = m.parent, depth++) {
      if (m.entry) machine.push(m.entry.key);
      if (m.kind === 'map') for (const e of m.entries) if (/^(StateMachineName|name|Name)$/.test(e.key) && typeof scalar(e.value) === 'string') machine.push(String(scalar(e.value)));
    }
    if (n * 1000 >= MIN_DELAY_MS && releasesToPatients(`${state} ${next} ${machine.join(' ')}`)) return { messageId: 'workflowWait', job: next || state, ms: n * 1000, name: state };
    return undefined;
  }
  if (isAgeThresholdName(s.words)) {
    const duration = configDuration(s);
    const parentMap = owner.parent?.kind === 'map' ? owner.parent : undefined;
    const names = [owner, parentMap].flatMap((m) => (m ? m.entries.map((e) => scalar(e.value)).filter((v): v is string => typeof v === 'string' && v.length < 120) : []));
    const job = [...names, ...s.context].join(' ');
    if (duration?.ms !== undefined && duration.ms >= MIN_DELAY_MS && releasesToPatients(job)) return { messageId: 'jobAge', job: names[0] ?? s.context.join(' '), ms: duration.ms };
  }
  return undefined;
}

/** `older_than_hours`, `olderThanDays`, `min-age`, `minimum_age_hours`, `age_hours`: how old an item must be for a job to take it. */
function isAgeThresholdName(words: string[]): boolean {
  return (words.includes('older') && words.includes('than')) || ((words.includes('min') || words.includes('minimum')) && words.includes('age')) || (words[0] === 'age' && words.length <= 2);
}

/** The code form: `"kwargs": {"older_than_hours": 72}` in a Celery beat entry whose `task` releases results. */
function codeJobAge(code: CodeModel, s: CodeSetting): { job: string; ms: number } | undefined {
  if (!isAgeThresholdName(s.words) || s.owner?.kind !== 'object') return undefined;
  const duration = codeDuration(code, s);
  if (duration?.ms === undefined || duration.ms < MIN_DELAY_MS) return undefined;
  const objects: IrNode[] = [s.owner];
  if (s.owner.parent?.kind === 'object') objects.push(s.owner.parent);
  const names = objects.flatMap((o) => (o.kind === 'object' ? o.properties.map((p) => stringValue(code, p.value)).filter((v): v is string => !!v && v.length < 120) : []));
  const job = [...names, ...s.context].join(' ');
  return releasesToPatients(job) ? { job: names[0] ?? s.context.join(' '), ms: duration.ms } : undefined;
}

/* ---------------- names ---------------- */

/** A key that only states a unit or a value (`hours`, `value`) is read with the key it sits under (`resultHold: { hours: 72 }`). */
function phrase(words: string[], parent: string[]): string[] {
  // A unit under a delay key (`resultHold: { hours: 72 }`), or one class of results under a release
  // policy (`releasePolicy: { cytology: P5D }`), is read with the key above it.
  const generic = words.length > 0 && words.every((w) => /^(hours?|days?|minutes?|mins?|hrs?|seconds?|ms|millis|value|duration|period|amount|time|length|enabled|enable|on|active)$/.test(w));
  return generic || isDelayNotion(parent) ? [...parent, ...words] : words;
}

/** `delay`, `hold`, `embargo` ..., or a release word with `after`, `window`, `policy`, `rule`, `schedule`; or a review window. */
function isDelayNotion(words: string[]): boolean {
  return (
    has(words, DELAY) ||
    (has(words, RELEASE) && words.some((w) => /^(after|window|period|policy|policies|rule|rules|schedule)$/.test(w))) ||
    (words.includes('review') && (words.includes('window') || words.includes('period')))
  );
}

/** `labResultReleaseDelayHours`, `noteEmbargoDays`, `results.holdHours`, `visibleAfterHours`, `resultReviewWindowHours`. */
function isDelayName(words: string[], all: string[]): boolean {
  if (!isDelayNotion(words) || !has(all, SUBJECT) || isSoftwareReleaseNotes(words)) return false;
  if (has(all, OTHER_PURPOSE) || has(all, NOT_BLANKET) || has(words, PROCESSING)) return false;
  // A delay of what? An explicit hold or embargo, a delay of release or visibility, or a delay on the patient's side
  // (`portal.results.delayHours`); a bare `reportGenerationDelayHours` or `labResultIngestDelay` is processing.
  return has(words, HOLD_WORDS) || has(words, RELEASE) || (words.includes('review') && (words.includes('window') || words.includes('period'))) || has(all, PATIENT_FACING);
}

function isBlanketDelay(d: DurationSetting): boolean {
  if (d.ms !== undefined) return d.ms >= MIN_DELAY_MS;
  // A number with no unit: 0 and 1 may be switches; anything larger is a length of time.
  return d.amount !== undefined && d.amount > 1;
}

/** A boolean setting that keeps a class of results or notes from patients, or gates their release on review. */
function booleanFinding(words: string[], all: string[], value: boolean, health: boolean): 'hidden' | 'gate' | undefined {
  if (has(all, OTHER_PURPOSE) || has(all, NOT_BLANKET) || words.some((w) => w === 'enabled' || w === 'enable')) return undefined;
  // A screen element (`showLabTrendsChart`), or data that is wrong or not a result yet (`suppressDuplicateResults`, `restrictResultsToFinal`).
  if (has(words, SCREEN_ELEMENT) || has(words, NOT_A_RESULT)) return undefined;
  // Access by someone else than the patient (`shareNotesWithCaregivers: false`) is a different question; software release notes are not notes.
  if (has(words, OTHER_READER) || isSoftwareReleaseNotes(words)) return undefined;
  const subject = has(all, SUBJECT);
  const patientFacing = has(all, PATIENT_FACING);
  const releaseWord = all.some((w) => RELEASE.has(w));
  if (!subject) return undefined;
  if (value && has(words, REVIEW) && has(words, REQUIRE)) return 'gate';
  if (value && has(words, HIDE) && (patientFacing || releaseWord || words.includes('embargo') || words.includes('withhold'))) return 'hidden';
  const openNotes = words.includes('open') && words.includes('notes');
  const autoRelease = words.includes('auto') && (words.includes('release') || words.includes('publish') || words.includes('share'));
  if (!value && (openNotes || autoRelease || (has(words, SHARE) && (patientFacing || words.some((w) => /^(release|immediate|immediately|instant|instantly|realtime)$/.test(w)))))) return health ? 'hidden' : undefined;
  return undefined;
}

function subjectOf(words: string[]): string {
  if (words.includes('pathology')) return 'pathology reports';
  if (words.includes('radiology') || words.includes('imaging')) return 'imaging reports';
  if (words.includes('note') || words.includes('notes')) return 'clinical notes';
  if (words.includes('lab') || words.includes('labs')) return 'lab results';
  if (words.includes('document') || words.includes('documents')) return 'documents';
  if (words.includes('report') || words.includes('reports')) return 'reports';
  return 'results';
}

function describeDuration(d: DurationSetting): string {
  if (d.ms === undefined) return `${d.amount} (unit not stated)`;
  return formatMs(d.ms);
}

function formatMs(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day${ms === 86_400_000 ? '' : 's'}`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hour${ms === 3_600_000 ? '' : 's'}`;
  return `${Math.round(ms / 60_000)} min`;
}

/* ---------------- code: settings ---------------- */

function checkCodeSettings(ctx: CodeContext, report: Reporter): void {
  const { code } = ctx;
  const timedOwners = new Set<IrNode | undefined>();
  const gates: { at: Span; name: string; subject: string; owner?: IrNode }[] = [];
  for (const s of codeSettings(code)) {
    const words = phrase(s.words, s.parent);
    const all = [...words, ...s.context];
    const bool = codeBoolean(code, s);
    if (bool !== undefined) {
      // Reading, not setting: `where: { portalVisible: false }`, `.filter(patient_visible=False)`.
      if (has(s.parent, QUERY_WORDS)) continue;
      // The visitor runs this only for code about health care.
      const kind = booleanFinding(s.words, all, bool, true);
      if (kind === 'hidden') report(s.at, 'hiddenSetting', { name: s.name, value: String(bool), subject: subjectOf(all) });
      else if (kind === 'gate') gates.push({ at: s.at, name: s.name, subject: subjectOf(all), owner: s.owner });
      continue;
    }
    const jobAge = codeJobAge(code, s);
    if (jobAge) {
      report(s.at, 'jobAge', { name: s.name, job: jobAge.job, subject: subjectOf(identifierWords(jobAge.job)), duration: formatMs(jobAge.ms) });
      continue;
    }
    if (isReleaseTimeName(s.words)) {
      checkReleaseTime(ctx, s.name, s.value, s.at, all, report);
      continue;
    }
    if (!isDelayName(words, all)) continue;
    const duration = codeDuration(code, s);
    if (!duration || !isBlanketDelay(duration)) continue;
    timedOwners.add(s.owner);
    report(s.at, 'delaySetting', { name: s.name, subject: subjectOf(all), duration: describeDuration(duration) });
  }
  for (const g of gates) if (!g.owner || !timedOwners.has(g.owner)) report(g.at, 'gateSetting', { name: g.name, value: 'true', subject: g.subject });
}

/** `releaseAt`, `visibleAfter`, `embargoUntil`, `portal_release_date`, `ReleaseDate`. */
function isReleaseTimeName(words: string[]): boolean {
  return (has(words, RELEASE) || words.includes('embargo')) && has(words, TIME_SUFFIX) && !has(words, OTHER_PURPOSE);
}

/** `result.releaseAt = addHours(result.finalizedAt, 72)`: release at a fixed time after the result. */
function checkReleaseTime(ctx: CodeContext, name: string, value: IrNode, at: Span, all: string[], report: Reporter): void {
  const shifted = shiftedTime(ctx.code, value);
  if (!shifted || shifted.ms < MIN_DELAY_MS) return;
  const baseWords = identifierWords(dotted(shifted.base) || ctx.code.textOf(shifted.base));
  if (has(baseWords, OTHER_PURPOSE)) return;
  const scope = ehiScope(ctx.code, value);
  const scopeWords = scope ? identifierWords(scope.evidence) : [];
  if (!has([...all, ...baseWords, ...scopeWords], SUBJECT) && !has(baseWords, RESULT_TIME)) return;
  report(at, 'releaseTime', { name, subject: subjectOf([...all, ...baseWords, ...scopeWords]), duration: formatMs(shifted.ms), base: (dotted(shifted.base) || ctx.code.textOf(shifted.base)).slice(0, 60) });
}

/* ---------------- code: age checks, filters and queries ---------------- */

/** Whether a timestamp belongs to a result, note or report: `r.finalizedAt`, `obs.issued`, `result.getIssued()`. */
function isResultTimestamp(code: CodeModel, node: IrNode): boolean {
  const words = identifierWords(dotted(node).replace(/\(\)/g, '') || code.textOf(node).slice(0, 120));
  if (has(words, OTHER_PURPOSE) || words.some((w) => /^(login|password|created|updated|modified)$/.test(w) && !has(words, SUBJECT))) return false;
  return has(words, SUBJECT) || has(words, RESULT_TIME);
}

function reportAge(ctx: CodeContext, site: IrNode, age: AgeTest, what: string, report: Reporter): void {
  const duration = age.ms !== undefined ? (age.ms >= MIN_DELAY_MS && age.ms <= MAX_AGE_FILTER_MS ? formatMs(age.ms) : undefined) : namedDelay(age.threshold);
  if (!duration || !isResultTimestamp(ctx.code, age.since)) return;
  const scope = ehiScope(ctx.code, site);
  if (!scope || isClinicianFacing(ctx.code, site, scope.evidence) || isOlderItemsView(ctx.code, site, scope.evidence)) return;
  const since = (dotted(age.since) || ctx.code.textOf(age.since)).slice(0, 60);
  report(siteOf(site), 'ageCheck', { what, subject: subjectOf(identifierWords(`${since} ${scope.evidence}`)), duration, since, evidence: briefEvidence(scope.evidence) });
}

/** A threshold whose value lives elsewhere but whose name says it is a release delay (`options.LabResultHoldHours`). */
function namedDelay(threshold: IrNode | undefined): string | undefined {
  const name = threshold ? dotted(threshold).split('.').pop() ?? '' : '';
  const words = identifierWords(name);
  return name && isDelayName(words, words) ? `\`${name}\`` : undefined;
}

/** `results.filter(r => hoursSince(r.finalizedAt) >= 72)`, `.removeIf(r -> age(r) < 72h)`, `.filter(Result::isProviderReviewed)`. */
function checkFilter(ctx: CodeContext, call: CallNode, report: Reporter): void {
  const filter = collectionFilter(call);
  if (!filter) return;
  const what = `\`${calleeLast(call)}(...)\``;
  if (filter.predicate) {
    const age = ageTest(ctx.code, filter.predicate);
    if (age && age.youngerWhenTrue === (filter.mode === 'drop')) {
      reportAge(ctx, call, age, what, report);
      return;
    }
  }
  const predicate = filter.predicate ?? filter.reference;
  if (filter.mode === 'keep' && predicate && readsReviewDone(ctx.code, predicate)) reportGate(ctx, call, what, report);
}

/**
 * Queries that keep only results older than a cutoff: Django `filter(finalized_at__lte=now - 72h)`,
 * Prisma/Sequelize/Mongo `{ finalizedAt: { lte: cutoff } }`, Spring Data `findBy...IssuedBefore(cutoff)`,
 * SQLAlchemy `.filter(Result.finalized_at <= cutoff)`.
 */
function checkQueryCutoff(ctx: CodeContext, call: CallNode, report: Reporter): void {
  const { code } = ctx;
  const last = calleeLast(call);
  const what = `\`${last}(...)\``;
  for (const a of call.args) {
    if (a.name) {
      const lookup = /^(\w+?)__(lt|lte|gt|gte)$/.exec(a.name);
      const cutoff = lookup ? cutoffBeforeNow(code, a.value) : undefined;
      if (!lookup || cutoff === undefined) continue;
      const keepsOlder = (last === 'filter' && lookup[2].startsWith('lt')) || (last === 'exclude' && lookup[2].startsWith('gt'));
      if (keepsOlder) reportCutoff(ctx, call, identifierWords(lookup[1]), cutoff, lookup[1], what, report);
      continue;
    }
    if (/^(filter|where|filter_by|Where)$/.test(last)) {
      const age = ageTest(code, a.value);
      if (age && !age.youngerWhenTrue) reportAge(ctx, call, age, what, report);
    }
  }
  if (/^(find|get|query|read|stream|count|search|list)\w*(Before|LessThan|LessThanEqual)$/.test(last)) {
    const cutoffArg = call.args.find((a) => cutoffBeforeNow(code, a.value) !== undefined);
    const field = last.replace(/^.*By/, '').split(/And|Or/).pop()!.replace(/(Before|LessThan|LessThanEqual)$/, '');
    if (cutoffArg) reportCutoff(ctx, call, identifierWords(field), cutoffBeforeNow(code, cutoffArg.value)!, field, what, report);
  }
  // { finalizedAt: { lte: cutoff } } inside a query call's arguments
  for (const a of call.args) {
    walk(a.value, (n) => {
      if (n.kind === 'function') return false;
      if (n.kind !== 'object') return;
      for (const p of n.properties) {
        if (!/^(\$?lte?|\[Op\.lte?\])$/.test(p.key)) continue;
        const cutoff = cutoffBeforeNow(code, p.value);
        const field = n.parent?.kind === 'object' ? n.parent.properties.find((x) => x.value === n)?.key : undefined;
        if (cutoff !== undefined && field && /^(findMany|findAll|find|findOne|findFirst|where|aggregate|count|countDocuments|query|updateMany|updateAll|update)$/.test(last)) {
          reportCutoff(ctx, call, identifierWords(field), cutoff, field, what, report);
        }
      }
    });
  }
}

function reportCutoff(ctx: CodeContext, call: CallNode, fieldWords: string[], cutoff: number, field: string, what: string, report: Reporter): void {
  if (cutoff < MIN_DELAY_MS || cutoff > MAX_AGE_FILTER_MS || has(fieldWords, OTHER_PURPOSE)) return;
  const callWords = identifierWords(calleeName(call).replace(/\(\)/g, ''));
  if (!has([...fieldWords, ...callWords], RESULT_TIME) && !has(fieldWords, SUBJECT)) return;
  const scope = ehiScope(ctx.code, call) ?? releaseJobScope(ctx.code, call);
  if (!scope || isClinicianFacing(ctx.code, call, scope.evidence) || isOlderItemsView(ctx.code, call, scope.evidence)) return;
  report(callSite(call), 'ageCheck', { what, subject: subjectOf(identifierWords(`${calleeName(call)} ${scope.evidence}`)), duration: formatMs(cutoff), since: field, evidence: briefEvidence(scope.evidence) });
}

/** Django `filter(provider_reviewed=True)`, `filter(reviewed_at__isnull=False)`, Spring Data `findBy...ReviewedTrue`, Prisma `where: { reviewedByProvider: true }`. */
function checkReviewQuery(ctx: CodeContext, call: CallNode, report: Reporter): void {
  const last = calleeLast(call);
  const what = `\`${last}(...)\``;
  if (/^(find|get|query|read|stream|count|search|list)\w*By\w*(Reviewed|Acknowledged|Approved|SignedOff)\w*(True|IsNotNull|NotNull)$/.test(last)) {
    reportGate(ctx, call, what, report);
    return;
  }
  if (!/^(filter|where|filter_by|findMany|findAll|find|Where)$/.test(last)) return;
  for (const a of call.args) {
    if (a.name && isReviewDoneName(a.name.replace(/__isnull$/, ''))) {
      const value = a.value.kind === 'boolean' ? a.value.value : undefined;
      if ((value === true && !a.name.endsWith('__isnull')) || (value === false && a.name.endsWith('__isnull'))) return reportGate(ctx, call, what, report);
    }
  }
  const where = call.args.map((a) => a.value).find((v) => v.kind === 'object');
  const conditions = where?.kind === 'object' ? (where.properties.find((p) => p.key === 'where')?.value ?? where) : undefined;
  if (conditions?.kind === 'object' && conditions.properties.some((p) => isReviewDoneName(p.key) && p.value.kind === 'boolean' && p.value.value)) reportGate(ctx, call, what, report);
}

/**
 * A job that releases what the query selects: a function named for it (`releaseHeldResults`,
 * `release_results_to_portal`), or an update that makes the selected items visible to patients
 * (`updateMany({ where, data: { portalVisible: true } })`, `.filter(...).update(portal_released=True)`).
 */
function releaseJobScope(code: CodeModel, call: CallNode): { evidence: string } | undefined {
  const fn = code.enclosingNamedFunction(call);
  if (fn?.name && releasesToPatients(fn.name)) return { evidence: `job ${fn.name}` };
  const updates: CallNode[] = [call];
  // The query is the receiver of the update: `LabResult.objects.filter(...).update(...)`.
  if (call.parent?.kind === 'member' && call.parent.parent?.kind === 'call' && call.parent.parent.callee === call.parent) updates.push(call.parent.parent);
  for (const u of updates) {
    if (!/^(update|updateMany|updateAll|update_many|update_all|bulk_update)$/.test(calleeLast(u)) && u !== call) continue;
    if (u === call && !/^(updateMany|updateAll|update)$/.test(calleeLast(u))) continue;
    for (const a of u.args) {
      if (a.name && a.value.kind === 'boolean' && a.value.value && isReleaseFlag(a.name)) return { evidence: `an update that sets \`${a.name}\`` };
      let flag: string | undefined;
      walk(a.value, (n) => {
        if (flag || n.kind === 'function') return false;
        if (n.kind === 'object') for (const p of n.properties) if (p.value.kind === 'boolean' && p.value.value && isReleaseFlag(p.key) && !isQueryObject(n)) flag = p.key;
      });
      if (flag) return { evidence: `an update that sets \`${flag}\`` };
    }
  }
  return undefined;
}

/** `portalVisible`, `released`, `patient_visible`, `releasedToPortal`. */
function isReleaseFlag(name: string): boolean {
  const words = identifierWords(name);
  return has(words, RELEASE) && !has(words, OTHER_PURPOSE);
}

/** An object under a `where`/`filter` key: conditions, not values written. */
function isQueryObject(node: IrNode): boolean {
  const owner = node.parent;
  if (owner?.kind !== 'object') return false;
  const key = owner.properties.find((p) => p.value === node)?.key ?? '';
  return QUERY_WORDS.has(key.toLowerCase());
}

function isReviewDoneName(name: string): boolean {
  const words = identifierWords(name);
  // `approved` alone may be anyone's approval (an uploaded document checked by staff); a clinician's needs saying so.
  if (words.includes('approved') && !words.some((w) => REVIEW_DONE.has(w) && w !== 'approved')) return has(words, CLINICIAN_WORDS);
  return has(words, REVIEW_DONE) || (words.includes('signed') && words.includes('off'));
}

const CLINICIAN_WORDS = new Set(['provider', 'clinician', 'physician', 'doctor', 'radiologist', 'pathologist', 'attending', 'md']);

/** A view of older items (an archive, a history, last year's results): its age filter selects, it does not hold back. */
function isOlderItemsView(code: CodeModel, node: IrNode, evidence: string): boolean {
  const words = [...identifierWords(evidence), ...namesAround(code, node)];
  if (words.some((w) => /^(archive|archived|archives|history|historical|old|older|past|stale|expired|purge|cleanup)$/.test(w))) return true;
  // The filtered list is kept under such a name: `const stale = results.filter(...)`.
  const v = node.parent?.kind === 'variable' ? node.parent.name : node.parent?.kind === 'assign' && node.parent.target.kind === 'name' ? node.parent.target.name : '';
  return identifierWords(v).some((w) => /^(archive|archived|history|old|older|past|stale|expired|recent|new|newest|latest|count)$/.test(w));
}

/** A positive read of a review already done: `r.reviewed`, `r.isProviderReviewed()`, `r.reviewedAt != null`, `Result::isReviewed`. */
function readsReviewDone(code: CodeModel, node: IrNode): boolean {
  if (node.kind === 'member' || node.kind === 'name') return isReviewDoneName(node.kind === 'member' ? node.property : node.name);
  if (node.kind === 'call' && node.args.length === 0 && !node.isDecorator) return isReviewDoneName(calleeLast(node));
  if (node.kind === 'binary') {
    if (node.operator === '&&' || node.operator === 'and') return readsReviewDone(code, node.left) || readsReviewDone(code, node.right);
    if (/^(!=|!==|is not)$/.test(node.operator) && (node.right.kind === 'null' || (node.right.kind === 'name' && node.right.name === 'None'))) return isReviewRead(node.left);
    if (/^(==|===|is)$/.test(node.operator)) {
      if (node.right.kind === 'boolean') return node.right.value && isReviewRead(node.left);
      const text = stringValue(code, node.right) ?? (node.right.kind === 'member' ? node.right.property : undefined);
      return !!text && isReviewDoneName(text) && /status|state/i.test(dotted(node.left));
    }
  }
  return false;
}

function isReviewRead(node: IrNode): boolean {
  const name = node.kind === 'member' ? node.property : node.kind === 'name' ? node.name : node.kind === 'call' ? calleeLast(node) : '';
  return isReviewDoneName(name);
}

function reportGate(ctx: CodeContext, site: IrNode, what: string, report: Reporter): void {
  const scope = ehiScope(ctx.code, site);
  if (!scope || isClinicianFacing(ctx.code, site, scope.evidence)) return;
  const words = [...identifierWords(scope.evidence), ...namesAround(ctx.code, site)];
  if (!has(words, PATIENT_OR_API) && !ctx.code.embedding) return;
  // What is filtered must be results, notes or reports (`appointments.filter(a => a.status === 'approved')` is not).
  const siteWords = identifierWords(ctx.code.textOf(site).slice(0, 300));
  if (!has(siteWords, SUBJECT)) return;
  report(siteOf(site), 'reviewGate', { what, subject: subjectOf([...words, ...siteWords]), evidence: briefEvidence(scope.evidence) });
}

/** Where to point: a chained call at its method name, anything else as a whole. */
function siteOf(node: IrNode): Span {
  return node.kind === 'call' ? callSite(node) : node;
}

/** Words of the enclosing function and class names, and of the Mirth channel and step. */
function namesAround(code: CodeModel, node: IrNode): string[] {
  return enclosingNameWords(node).concat(code.embedding ? identifierWords(code.embedding.label) : []);
}

/** A clinicians' work queue (an inbox of results to review), not a patient-facing path. */
function isClinicianFacing(code: CodeModel, node: IrNode, evidence: string): boolean {
  return has([...identifierWords(evidence), ...namesAround(code, node)], CLINICIAN_FACING);
}

/** Whether a branch keeps the item from the patient: skips it, returns nothing, refuses, or marks it hidden. */
function hides(code: CodeModel, node: IrNode): boolean {
  const statements = node.kind === 'block' ? node.body : [node];
  if (statements.length === 0) return false;
  const last = statements[statements.length - 1];
  if (last.kind === 'continue') return true;
  if (last.kind === 'return' && (!last.value || last.value.kind === 'null' || (last.value.kind === 'array' && last.value.elements.length === 0) || (last.value.kind === 'boolean' && !last.value.value))) return true;
  if (last.kind === 'return' && last.value?.kind === 'name' && last.value.name === 'None') return true;
  if (isRejection(code, node)) return true;
  return statements.some((s) => marksHidden(code, s));
}

/** `result.visibleToPatient = false`, `r.hidden = true`, `r.status = 'HELD'`. */
function marksHidden(code: CodeModel, node: IrNode): boolean {
  const target = node.kind === 'assign' ? node.target : undefined;
  if (!target || node.kind !== 'assign') return false;
  const words = identifierWords(target.kind === 'member' ? target.property : target.kind === 'name' ? target.name : '');
  const value = node.value;
  if (value.kind === 'boolean') return (has(words, RELEASE) && !value.value) || (has(words, HIDE) && value.value);
  const text = stringValue(code, value) ?? (value.kind === 'member' ? value.property : undefined);
  return !!text && /status|state/.test(words.join(' ')) && /^(held|hold|on[-_ ]?hold|embargoed|withheld|hidden)$/i.test(text);
}

/* ---------------- code: scheduled release ---------------- */

/** `releaseQueue.add('release-lab-results', data, { delay: 72h })`, `release_to_portal.apply_async(countdown=...)`, Hangfire `Schedule(() => Release(...), TimeSpan.FromHours(72))`. */
function checkScheduledRelease(ctx: CodeContext, call: CallNode, report: Reporter, needsClinicalName = false): void {
  const job = laterJobOf(ctx.code, call);
  if (!job?.job || job.ms === undefined || job.ms < (job.queueDelay ? MIN_QUEUE_DELAY_MS : MIN_DELAY_MS)) return;
  // What the job releases may be named by the code around it (`ReleaseToPortal(id)` in a LabResultsController).
  // A queue's delay is judged by the queue and the message alone: one function may feed several queues.
  const text = job.queueDelay ? `${job.job} ${job.queue}` : `${job.job} ${job.queue} ${namesAround(ctx.code, call).join(' ')}`;
  if (!releasesToPatients(text) || (needsClinicalName && !has(identifierWords(text), CLINICAL))) return;
  report(callSite(call), 'scheduledRelease', { what: `\`${job.queueDelay ? calleeLast(call) : calleeName(call)}\``, job: job.job.replace(/\s+/g, ' ').slice(0, 60), subject: subjectOf(identifierWords(text)), duration: formatMs(job.ms) });
}
