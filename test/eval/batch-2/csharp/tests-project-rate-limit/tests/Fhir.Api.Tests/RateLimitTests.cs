using System.Threading.RateLimiting;
using Xunit;

namespace Fhir.Api.Tests;

public class RateLimitTests
{
    [Fact]
    public async Task Patient_route_rejects_after_permit_limit()
    {
        var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromMinutes(1) });
        using var first = await limiter.AcquireAsync();
        using var second = await limiter.AcquireAsync();
        Assert.False(second.IsAcquired);
    }
}
