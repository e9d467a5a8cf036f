using System;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Larkspur.Fhir.Facade.Infrastructure;

public static class RateLimitPolicies
{
    public const string FhirSliding = "fhir-sliding";
}

public static class RateLimitingExtensions
{
    public static IServiceCollection AddFhirRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };

            options.AddSlidingWindowLimiter(RateLimitPolicies.FhirSliding, limiter =>
            {
                limiter.PermitLimit = 100;
                limiter.Window = TimeSpan.FromMinutes(5);
                limiter.SegmentsPerWindow = 5;
                limiter.QueueLimit = 10;
                limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });

        return services;
    }
}
