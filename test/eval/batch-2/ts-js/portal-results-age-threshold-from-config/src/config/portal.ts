export const portalConfig = {
  sessionTimeoutMinutes: 20,
  labResultReleaseDelayHours: 72,
  supportPhone: '1-800-555-0134',
};
