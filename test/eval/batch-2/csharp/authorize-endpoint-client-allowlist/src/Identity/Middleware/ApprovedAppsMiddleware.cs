namespace Identity.Middleware;

public class ApprovedAppsMiddleware
{
    private static readonly HashSet<string> ApprovedClientIds = new(StringComparer.Ordinal)
    {
        "riverbend-mobile", "partner-carepath", "partner-medbox",
    };

    private readonly RequestDelegate _next;

    public ApprovedAppsMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/connect/authorize")
            && !ApprovedClientIds.Contains(context.Request.Query["client_id"].ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { error = "unauthorized_client" });
            return;
        }
        await _next(context);
    }
}
