/**
 * Releasing results, notes and reports to patients: the words that name what is released, the act of
 * releasing or showing it, the patient-facing side, and the purposes (retries, notifications,
 * payments) that make a similar-looking name about something else. `release-delay` reads settings,
 * jobs and queries with them; other rules ask `isResultReleaseJob` to leave such jobs to it.
 */
import { hasWord as has, identifierWords } from '../analysis/values';

/** What is released: results, notes and reports. */
export const SUBJECT = new Set(['result', 'results', 'lab', 'labs', 'note', 'notes', 'report', 'reports', 'pathology', 'radiology', 'imaging', 'observation', 'observations', 'obs', 'diagnostic', 'diagnostics', 'biopsy', 'document', 'documents']);
/** Words that are clinical on their own, so the setting needs no other sign that the file is about health care. */
export const CLINICAL = new Set(['lab', 'labs', 'pathology', 'radiology', 'imaging', 'biopsy', 'diagnostic', 'diagnostics', 'observation', 'observations', 'clinical', 'patient', 'patients', 'mychart']);
/** Substrings that every CLINICAL word contains (for `triggersAlso`; a test keeps them in step). */
export const CLINICAL_TRIGGERS = ['lab', 'patholog', 'radiolog', 'imaging', 'biops', 'diagnostic', 'observation', 'clinical', 'patient', 'mychart'];
export const RELEASE = new Set(['release', 'released', 'releases', 'visible', 'visibility', 'available', 'availability', 'publish', 'published', 'show', 'shown', 'display', 'displayed', 'share', 'shared', 'sharing', 'expose', 'exposed']);
export const PATIENT_FACING = new Set(['patient', 'patients', 'portal', 'mychart', 'phr', 'member', 'members', 'consumer', 'self']);
/** Settings about other things than release to patients: retries, caches, notifications, escalation, payments. */
export const OTHER_PURPOSE = new Set([
  'retry', 'retries', 'cache', 'cached', 'ttl', 'timeout', 'poll', 'polling', 'backoff', 'notification', 'notifications', 'notify', 'remind', 'reminder', 'reminders', 'cosign', 'cosigner', 'cosignature',
  'email', 'sms', 'alert', 'alerts', 'escalation', 'escalate', 'overdue', 'archive', 'archival', 'purge', 'retention', 'cleanup', 'expiry', 'expire', 'expires',
  'expiration', 'session', 'token', 'interface', 'batch', 'sync', 'throttle', 'rate', 'debounce', 'animation', 'toast', 'tooltip', 'refresh', 'heartbeat',
  'lock', 'lease', 'count', 'limit', 'size', 'percent', 'page', 'attempt', 'attempts', 'payout', 'payouts', 'escrow', 'payment', 'payments', 'invoice',
  'funds', 'order', 'orders', 'shipment', 'deploy', 'deployment', 'version', 'build', 'feature', 'specimen', 'print', 'fax',
]);

/** A scheduled job (its name, task or lambda text) that releases results, notes or reports to patients. */
export function isResultReleaseJob(text: string): boolean {
  const words = identifierWords(text);
  return (has(words, RELEASE) || has(words, PATIENT_FACING)) && has(words, SUBJECT) && !has(words, OTHER_PURPOSE);
}
