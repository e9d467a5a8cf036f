namespace Portal.Api.Services;

public static class PathologyRelease
{
    // ehi-exception: security
    //   reason: Pathology reports were being screenshotted and posted on social media before the oncologist called
    //   risk: premature disclosure
    //   basis: policy
    //   owner: oncology-informatics
    //   review-by: 2027-03-31
    public static readonly TimeSpan PathologyEmbargo = TimeSpan.FromDays(7);

    public static bool IsReleasable(PathologyReport report) =>
        report.SignedAt + PathologyEmbargo <= DateTimeOffset.UtcNow;
}
