using Microsoft.AspNetCore.Http;

namespace Contoso.Storefront.Web;

// The same throttle in a shop's web front end: no EHI behind it.
public sealed class CheckoutThrottleMiddleware
{
    private readonly RequestDelegate _next;
    private int _inFlight;

    public CheckoutThrottleMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        if (Interlocked.Increment(ref _inFlight) > 8)
        {
            Interlocked.Decrement(ref _inFlight);
            // ok: unjustified-throttle
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }
        await _next(context);
    }
}
