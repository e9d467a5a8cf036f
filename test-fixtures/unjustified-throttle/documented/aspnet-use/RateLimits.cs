using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

public static class RateLimits
{
    public static void AddEverythingLimit(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        // Documented where it is applied (EverythingController.cs): the endpoint's annotation documents the policy.
        // ok: unjustified-throttle
        options.AddConcurrencyLimiter("everything-concurrency", o => { o.PermitLimit = 2; o.QueueLimit = 10; });
    });
}
