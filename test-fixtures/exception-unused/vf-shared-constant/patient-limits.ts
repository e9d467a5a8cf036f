// The annotation stands on a constant that routes.ts reads: it may document the limiter there.
// ok: exception-unused
// ehi-exception: security
//   reason: Credential stuffing through patient reads from unknown networks
//   risk: credential stuffing
//   basis: policy
//   owner: security-office
//   review-by: 2027-06-30
export const PATIENT_READS_PER_MINUTE = 30;
