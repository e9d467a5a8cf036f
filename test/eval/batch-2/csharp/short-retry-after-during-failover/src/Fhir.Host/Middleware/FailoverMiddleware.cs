namespace Fhir.Host.Middleware;

public class FailoverMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IClusterState _cluster;

    public FailoverMiddleware(RequestDelegate next, IClusterState cluster)
    {
        _next = next;
        _cluster = cluster;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/fhir") && _cluster.PrimaryElectionInProgress)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            return;
        }
        await _next(context);
    }
}
