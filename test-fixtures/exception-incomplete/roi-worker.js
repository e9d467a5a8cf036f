// Infeasibility always needs the written response to the requestor.
// ruleid: exception-incomplete
// ehi-exception: infeasibility; reason: The paper archive has no electronic copy; condition: infeasible-under-circumstances; owner: him-department; review-by: 2027-03-31
const RELEASE_CHANNELS = ['fax', 'mail']; // ruleid: fax-only-manner

// ok: exception-incomplete
// ehi-exception: infeasibility; reason: The paper archive has no electronic copy; condition: infeasible-under-circumstances; written-response: ROI letter within 10 business days; owner: him-department; review-by: 2027-03-31
const ARCHIVE_RELEASE_CHANNELS = ['fax', 'mail']; // ok: fax-only-manner

module.exports = { RELEASE_CHANNELS, ARCHIVE_RELEASE_CHANNELS };
