using System;
using System.Linq;
using System.Threading;
using Larkspur.Roi.Portal.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Larkspur.Roi.Portal.Endpoints;

public sealed class RecordsRequestOptions
{
    public const string Section = "RecordsRequest";

    public string[] DeliveryMethods { get; set; } = Array.Empty<string>();
    public int MaxDateRangeYears { get; set; } = 10;
    public string IntakeMailbox { get; set; } = string.Empty;
}

public sealed record NewRecordsRequest(string PatientMrn, string DeliveryMethod, DateOnly From, DateOnly To, string Destination);

public static class RecordsRequestEndpoints
{
    public static IEndpointRouteBuilder MapRecordsRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/records-requests").RequireAuthorization();

        group.MapGet("/delivery-methods", (IOptions<RecordsRequestOptions> options) =>
            Results.Ok(options.Value.DeliveryMethods));

        group.MapPost("/", async (NewRecordsRequest body, IOptions<RecordsRequestOptions> options, IRoiStore store, CancellationToken ct) =>
        {
            var allowed = options.Value.DeliveryMethods;
            if (!allowed.Contains(body.DeliveryMethod, StringComparer.OrdinalIgnoreCase))
            {
                return Results.ValidationProblem(new System.Collections.Generic.Dictionary<string, string[]>
                {
                    ["deliveryMethod"] = new[] { $"Choose one of: {string.Join(", ", allowed)}" },
                });
            }

            var id = await store.CreateAsync(body, ct);
            return Results.Created($"/api/records-requests/{id}", new { id });
        });

        return app;
    }
}
