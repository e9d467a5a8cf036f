using Larkspur.Fhir.Facade.Infrastructure;
using Larkspur.Fhir.Facade.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Larkspur.Fhir.Facade.Endpoints;

public static class FhirEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir/r4")
            .RequireAuthorization("SmartScopes")
            .RequireRateLimiting(RateLimitPolicies.FhirSliding);

        fhir.MapGet("/{type}/{id}", (string type, string id, IFhirReadHandler handler, HttpContext http) =>
            handler.ReadAsync(type, id, http));

        fhir.MapGet("/{type}", (string type, IFhirSearchHandler handler, HttpContext http) =>
            handler.SearchAsync(type, http.Request.Query, http));

        fhir.MapGet("/Patient/{id}/$everything", (string id, IFhirEverythingHandler handler, HttpContext http) =>
            handler.EverythingAsync(id, http));

        return app;
    }
}
