namespace Fhir.Host.Billing;

public class UsageBillingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IBillingLedger _ledger;

    public UsageBillingMiddleware(RequestDelegate next, IBillingLedger ledger)
    {
        _next = next;
        _ledger = ledger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        await _ledger.ChargeAsync(context.User.FindFirst("client_id")?.Value ?? "unknown", pricePerCall: 0.03m);
        await _next(context);
    }
}
