using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace Contoso.Fhir.Api.Features.Throttling;

// Caps concurrent FHIR requests and turns the rest away: a throttle on every FHIR route.
public sealed class ConcurrencyThrottleMiddleware
{
    private readonly RequestDelegate _next;
    private int _inFlight;

    public ConcurrencyThrottleMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        if (Interlocked.Increment(ref _inFlight) > 8)
        {
            Interlocked.Decrement(ref _inFlight);
            // ruleid: unjustified-throttle
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await context.Response.WriteAsync("Too many concurrent requests");
            return;
        }
        try
        {
            await _next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

public sealed class DeprecationMiddleware
{
    private readonly RequestDelegate _next;

    public DeprecationMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        // Jitter of at most 150 ms before a rejection, against retry storms.
        int jitter = RandomNumberGenerator.GetInt32(50, 151);
        // ok: unjustified-throttle
        await Task.Delay(jitter, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status410Gone;
    }

    public async Task<bool> WaitForSlot(Task slot, HttpContext context)
    {
        // A timeout race is not a pause.
        // ok: unjustified-throttle
        return await Task.WhenAny(slot, Task.Delay(30_000, context.RequestAborted)) == slot;
    }
}
