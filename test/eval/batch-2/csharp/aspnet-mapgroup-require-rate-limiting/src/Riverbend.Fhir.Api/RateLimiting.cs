using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Riverbend.Fhir.Api;

public static class RateLimiting
{
    public const string FhirPolicy = "fhir-fixed";

    public static IServiceCollection AddFhirRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddFixedWindowLimiter(FhirPolicy, o =>
            {
                o.PermitLimit = 60;
                o.Window = TimeSpan.FromMinutes(1);
                o.QueueLimit = 0;
            });
        });
}
