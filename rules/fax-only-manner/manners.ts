/**
 * Delivery manners: which words name fax, mail, paper or pickup, which name an electronic manner,
 * and which identifiers and keys are about delivering records.
 */
import { identifierWords } from '../../server/src/analysis/values';

const NON_ELECTRONIC = new Set([
  'fax',
  'efax',
  'facsimile',
  'faxed',
  'postal',
  'postal-mail',
  'us-mail',
  'usps',
  'snail-mail',
  'paper',
  'paper-copy',
  'print',
  'printed',
  'printout',
  'hard-copy',
  'hardcopy',
  'pickup',
  'pick-up',
  'in-person',
  'inperson',
  'in-person-pickup',
  'walk-in',
  'courier',
  'mail',
  'mailed',
  'letter',
]);

/** Kinds of postal mail: `first-class-mail`, `certified-mail`, `usps-mail` are paper, not e-mail. */
const POSTAL_MAIL = /^(first-class|firstclass|certified|registered|usps|us|u-s|postal|regular|priority|express|tracked|return-receipt)-mail$/;

const ELECTRONIC = new Set([
  'email',
  'e-mail',
  'secure-email',
  'direct',
  'direct-message',
  'directmessage',
  'api',
  'fhir',
  'fhir-api',
  'portal',
  'patient-portal',
  'sftp',
  'ftp',
  'electronic',
  'download',
  'app',
  'hie',
  'cda',
  'ccda',
  'c-cda',
  'hl7',
  'online',
  'secure-message',
  'web',
  'edi',
  'xds',
  'carequality',
  'commonwell',
  'tefca',
  'smart',
  'digital',
  'usb',
  'cd',
  'dvd',
  'blue-button',
]);

function normalise(value: string): string {
  return value
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/[\s_]+/g, '-')
    .toLowerCase();
}

/** A manner as messages name it: `FirstClassMail` → `first-class-mail`, `IN_PERSON` → `in-person`. */
export function mannerLabel(value: string): string {
  return normalise(value);
}

/** `FAX`, `Fax`, `"in_person"`, `PAPER_COPY` → whether it names a non-electronic manner. */
export function isNonElectronicManner(value: string): boolean {
  const n = normalise(value);
  return NON_ELECTRONIC.has(n) || POSTAL_MAIL.test(n);
}

export function isElectronicManner(value: string): boolean {
  const n = normalise(value);
  return ELECTRONIC.has(n) || (!isNonElectronicManner(value) && /(email|portal|fhir|api|direct|electronic|sftp|download|hie|ccda|xds|edi)/.test(n));
}

/** `mail` alone is ambiguous (email or post); it counts as paper only next to another non-electronic manner. */
export function isUnambiguousNonElectronic(value: string): boolean {
  const n = normalise(value);
  return (NON_ELECTRONIC.has(n) && n !== 'mail' && n !== 'mailed' && n !== 'letter') || POSTAL_MAIL.test(n);
}

/** The manner words of a list when every item is non-electronic (and the list is not just an ambiguous `mail`). */
export function nonElectronicOnly(values: string[]): boolean {
  if (values.length === 0) return false;
  if (!values.every(isNonElectronicManner)) return false;
  return values.some(isUnambiguousNonElectronic);
}

const DELIVERY_WORDS = new Set([
  'delivery',
  'deliver',
  'manner',
  'manners',
  'channel',
  'channels',
  'method',
  'methods',
  'medium',
  'media',
  'release',
  'fulfillment',
  'fulfilment',
  'transmission',
  'transport',
  'disclosure',
  'roi',
  'send',
  'output',
  'format',
  'formats',
  'option',
  'options',
  'mode',
  'modes',
  'transports',
  'route',
  'routes',
  'routing',
]);
const RECORDS_WORDS = new Set(['record', 'records', 'request', 'requests', 'release', 'roi', 'disclosure', 'delivery', 'manner', 'result', 'results', 'ehi', 'chart', 'document', 'documents', 'report', 'reports', 'copy', 'copies', 'packet', 'packets', 'referral', 'referrals', 'transition', 'transitions', 'summary', 'summaries']);

/** Whether an identifier names delivery manners in the sense of its words alone (`transports`, `channels`), without saying for what. */
export function hasDeliveryWord(name: string): boolean {
  return identifierWords(name).some((w) => DELIVERY_WORDS.has(w));
}

/** Whether words say the thing is about records or their release (`referralPackets`, `roi`). */
export function hasRecordsWord(words: readonly string[]): boolean {
  return words.some((w) => RECORDS_WORDS.has(w));
}

/** Whether an identifier or config key names delivery manners (`allowedDeliveryMethods`, `release_channels`, `DeliveryChannel`). */
export function isDeliveryName(name: string): boolean {
  const words = identifierWords(name);
  if (words.some((w) => w === 'delivery' || w === 'manner' || w === 'manners' || w === 'fulfillment' || w === 'fulfilment' || w === 'transmission')) return true;
  const delivery = words.filter((w) => DELIVERY_WORDS.has(w));
  return delivery.length > 0 && words.some((w) => RECORDS_WORDS.has(w) || w === 'allowed' || w === 'supported' || w === 'available' || w === 'permitted');
}

/** Words that describe who is asking, for "every X request goes to fax" branches. */
export const REQUESTER_WORDS = new Set([
  'requester',
  'requestor',
  'recipient',
  'requesting',
  'party',
  'requester-type',
  'role',
  'category',
  'kind',
  'type',
  'organization',
  'org',
  'provider',
  'payer',
  'insurer',
  'attorney',
  'lawyer',
  'patient',
  'thirdparty',
  'third',
  'external',
  'app',
  'client',
  'source',
  'destination',
  'facility',
  'facilities',
  'practice',
  'practices',
  'clinic',
  'clinics',
  'hospital',
  'hospitals',
  'clinician',
  'clinicians',
  'outside',
  'acute',
  'snf',
  'referring',
  'receiving',
  'providers',
  'payers',
  'attorneys',
  'requesters',
  'requestors',
  'recipients',
  'organisation',
]);

/** Words that show a branch is about whether an electronic address exists (a legitimate fallback). */
export const CAPABILITY_WORDS = new Set([
  'direct',
  'email',
  'endpoint',
  'address',
  'fhir',
  'electronic',
  'portal',
  'api',
  'supports',
  'capable',
  'capability',
  'online',
  'url',
  'fax',
  'edi',
  'sftp',
  'preferred',
  'preference',
  'requested',
  'chosen',
  'asked',
  'opted',
  'consent',
]);

/** Classes of requester a whole branch or map entry may be about (`outside_provider`, `RequesterType.PAYER`, `attorneys`). */
const REQUESTER_CLASSES = /^(providers?|payers?|insurers?|attorneys?|lawyers?|facility|facilities|practices?|clinics?|hospitals?|outside|external|third|parties|party|referring|snf|hie|organi[sz]ations?|clinicians?)$/;

export function namesRequesterClass(name: string): boolean {
  return identifierWords(name).some((w) => REQUESTER_CLASSES.test(w));
}
