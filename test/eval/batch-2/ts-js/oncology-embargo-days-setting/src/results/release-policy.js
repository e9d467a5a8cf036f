// Release policy per result class. Oncology asked for time to call patients first.
module.exports = {
  chemistry: { releaseDelayHours: 0 },
  microbiology: { releaseDelayHours: 0 },
  oncologyPathology: { embargoDays: 7 },
};
