using System;

namespace Larkspur.Patient.Portal.Results;

/// <summary>
/// How long finalized reports wait before the portal shows them, so the ordering provider can call first.
/// </summary>
public static class ReleaseWindows
{
    public static readonly TimeSpan ImagingReportHold = TimeSpan.FromDays(4);
    public static readonly TimeSpan PathologyReportHold = TimeSpan.FromDays(7);
}
