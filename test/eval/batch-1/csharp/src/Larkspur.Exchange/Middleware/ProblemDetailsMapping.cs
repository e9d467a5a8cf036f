using System;
using Larkspur.Exchange.Consent;
using Larkspur.Exchange.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Exchange.Middleware;

/// <summary>
/// Translates domain exceptions thrown by the exchange services into RFC 7807 problem responses.
/// The services that throw are responsible for auditing the decision and naming its basis.
/// </summary>
public static class ProblemDetailsMapping
{
    public static IApplicationBuilder UseExchangeProblemDetails(this IApplicationBuilder app)
    {
        return app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;

            var (status, title) = error switch
            {
                ConsentRequiredException => (StatusCodes.Status403Forbidden, "Consent required"),
                RequestNotFoundException => (StatusCodes.Status404NotFound, "Not found"),
                InvalidRequestException => (StatusCodes.Status400BadRequest, "Invalid request"),
                _ => (StatusCodes.Status500InternalServerError, "Unexpected error"),
            };

            var problem = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status500InternalServerError ? null : error?.Message,
                Instance = context.Request.Path,
            };

            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(problem);
        }));
    }
}
