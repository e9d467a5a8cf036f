using Microsoft.AspNetCore.Diagnostics;

namespace Fhir.Facade.Middleware;

public class ForbiddenExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not UnauthorizedAccessException) return false;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new { title = "Forbidden", detail = exception.Message }, ct);
        return true;
    }
}
