export const ROI_STATUSES = ['received', 'in_progress', 'fulfilled', 'closed'] as const;

/** How completed release-of-information requests go out. */
export const RELEASE_METHODS = ['fax', 'usps_first_class'] as const;
export type ReleaseMethod = (typeof RELEASE_METHODS)[number];
