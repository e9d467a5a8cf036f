namespace Gateway.Middleware;

public class PatientQuotaMiddleware
{
    private const int DailyQuota = 100;
    private readonly RequestDelegate _next;
    private readonly IQuotaStore _store;

    public PatientQuotaMiddleware(RequestDelegate next, IQuotaStore store)
    {
        _next = next;
        _store = store;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api/patient-access"))
        {
            var used = await _store.IncrementAsync(context.User.FindFirst("patient")?.Value ?? "anon");
            if (used > DailyQuota)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "86400";
                return;
            }
        }
        await _next(context);
    }
}
