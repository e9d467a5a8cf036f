// Release-of-information worker: how records leave the building.

// Email is not one of the Manner exception's alternatives.
// ruleid: exception-invalid
// ehi-exception: manner; reason: Requestors without a Direct address; requested: Direct message; alternative: email; owner: him-department; review-by: 2027-03-31
const RELEASE_CHANNELS = ['fax', 'mail']; // ruleid: fax-only-manner

// ok: exception-invalid
// ehi-exception: infeasibility; reason: The paper archive has no electronic copy; condition: infeasible-under-circumstances; written-response: ROI letter within 10 business days; owner: him-department; review-by: 2027-03-31
const ARCHIVE_RELEASE_CHANNELS = ['fax', 'mail']; // ok: fax-only-manner

module.exports = { RELEASE_CHANNELS, ARCHIVE_RELEASE_CHANNELS };
