// ruleid: exception-unused
// ehi-exception: infeasibility; rule: fax-only-manner; reason: The paper archive has no electronic copy; condition: infeasible-under-circumstances; written-response: ROI letter within 10 business days; owner: him-department; review-by: 2027-06-30
const RELEASE_CHANNELS = ['direct', 'portal', 'fax', 'mail']; // ok: fax-only-manner

// ok: exception-unused
// ehi-exception: infeasibility; rule: fax-only-manner; reason: The paper archive has no electronic copy; condition: infeasible-under-circumstances; written-response: ROI letter within 10 business days; owner: him-department; review-by: 2027-06-30
const ARCHIVE_RELEASE_CHANNELS = ['fax', 'mail']; // ok: fax-only-manner

module.exports = { RELEASE_CHANNELS, ARCHIVE_RELEASE_CHANNELS };
