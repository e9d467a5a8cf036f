/** Release timings for the patient portal. */
// ruleid: release-delay
export const PATHOLOGY_PORTAL_HOLD_MS = 5 * 24 * 60 * 60 * 1000;
// ok: release-delay
export const LIS_BACKOFF_MS = 60 * 60 * 1000;
// ok: release-delay
export const DIGEST_EMAIL_DELAY_MS = 2 * 60 * 60 * 1000;
