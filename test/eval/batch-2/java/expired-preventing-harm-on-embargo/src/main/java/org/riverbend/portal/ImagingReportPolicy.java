package org.riverbend.portal;

import java.time.Duration;

public final class ImagingReportPolicy {
    private ImagingReportPolicy() {}

    // ehi-exception: preventing-harm
    //   reason: Radiology asked for time to discuss incidental findings before patients read them
    //   risk: individual-determination
    //   harm: danger to life or physical safety
    //   basis: case-by-case
    //   determined-by: Chief of Radiology
    //   owner: radiology-informatics
    //   review-by: 2025-11-30
    public static final Duration IMAGING_EMBARGO = Duration.ofDays(5);

    public static boolean releasable(ImagingReport report, java.time.Instant now) {
        return report.signedAt().plus(IMAGING_EMBARGO).isBefore(now);
    }
}
