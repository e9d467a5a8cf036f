using System;
using Hangfire;

namespace Portal.Release;

public class ResultEvents
{
    public void OnFinal(string resultId, IndividualHold hold)
    {
        // ruleid: release-delay
        BackgroundJob.Schedule<IPortalPublisher>(p => p.ReleaseLabResultToPortal(resultId), DateTimeOffset.UtcNow.AddDays(3));
        // ok: release-delay
        BackgroundJob.Schedule<IReminders>(p => p.RemindPatientToBookFollowUp(resultId), DateTimeOffset.UtcNow.AddDays(3));
        // The time a clinician chose for this one result, with the determination on file.
        // ok: release-delay
        BackgroundJob.Schedule<IPortalPublisher>(p => p.ReleaseLabResultToPortal(resultId), hold.ReleaseAt);
    }
}
