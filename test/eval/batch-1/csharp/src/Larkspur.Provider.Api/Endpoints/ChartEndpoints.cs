using System;
using System.Threading;
using System.Threading.RateLimiting;
using Larkspur.Provider.Api.Auditing;
using Larkspur.Provider.Api.Charts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Larkspur.Provider.Api.Endpoints;

public static class ChartEndpoints
{
    public static IServiceCollection AddChartLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy("chart-scraping", http => RateLimitPartition.GetSlidingWindowLimiter(
                http.User.FindFirst("sub")?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "anon",
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = 40, Window = TimeSpan.FromMinutes(10), SegmentsPerWindow = 10 }));
        });

    public static IEndpointRouteBuilder MapChartEndpoints(this IEndpointRouteBuilder app)
    {
        // ehi-exception: security
        //   reason: Cap on patient summaries per referring-provider account after the 2025 scraping incident
        //   risk: Compromised community-provider accounts used to harvest patient summaries in bulk
        //   basis: policy
        //   owner: security-office
        //   ticket: SEC-2025-031
        //   review-by: 2026-03-31
        app.MapGet("/fhir/r4/Patient/{id}/$summary", async (string id, HttpContext http, IPatientSummaryService summaries, IAccessAudit audit, CancellationToken ct) =>
        {
            await audit.AuditAsync("unjustified-throttle", "security", "Per-account summary cap (SEC-2025-031)", http.User, ct);
            var bundle = await summaries.BuildAsync(id, ct);
            return Results.Content(bundle, "application/fhir+json");
        })
        .RequireAuthorization("CommunityProvider")
        .RequireRateLimiting("chart-scraping");

        return app;
    }
}
