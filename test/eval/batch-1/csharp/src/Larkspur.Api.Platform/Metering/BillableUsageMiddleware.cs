using System.Threading.Tasks;
using Larkspur.Api.Platform.Billing;
using Microsoft.AspNetCore.Http;

namespace Larkspur.Api.Platform.Metering;

/// <summary>
/// Records one billable API call per successful FHIR request, against the calling app's account.
/// Invoices are generated monthly from these usage records.
/// </summary>
public sealed class BillableUsageMiddleware
{
    private const decimal PricePerCall = 0.02m;

    private readonly RequestDelegate _next;

    public BillableUsageMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context, IUsageBillingClient billing)
    {
        await _next(context);

        if (context.Response.StatusCode is >= 200 and < 300)
        {
            var clientId = context.User.FindFirst("client_id")?.Value ?? "unknown";
            await billing.RecordUsageAsync(new UsageRecord
            {
                AccountId = clientId,
                Meter = "fhir-api-call",
                Quantity = 1,
                UnitPrice = PricePerCall,
                Path = context.Request.Path,
            }, context.RequestAborted);
        }
    }
}
