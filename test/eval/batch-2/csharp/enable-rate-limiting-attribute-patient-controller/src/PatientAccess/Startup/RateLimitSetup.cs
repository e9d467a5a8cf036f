using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PatientAccess.Startup;

public static class RateLimitSetup
{
    public static void Configure(RateLimiterOptions options)
    {
        options.AddSlidingWindowLimiter("patient-sliding", o =>
        {
            o.PermitLimit = 20;
            o.Window = TimeSpan.FromHours(1);
            o.SegmentsPerWindow = 6;
        });
    }
}
