using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Larkspur.Smart.Launch.Endpoints;

public static class WellKnownEndpoints
{
    public static IEndpointRouteBuilder MapSmartWellKnown(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var authority = configuration["Smart:Authority"] ?? "https://launch.larkspurhealth.org";

        app.MapGet("/fhir/r4/.well-known/smart-configuration", () => Results.Json(new
        {
            authorization_endpoint = $"{authority}/oauth2/authorize",
            token_endpoint = $"{authority}/oauth2/token",
            revocation_endpoint = $"{authority}/oauth2/revoke",
            registration_endpoint = $"{authority}/oauth2/register",
            jwks_uri = $"{authority}/oauth2/jwks",
            grant_types_supported = new[] { "authorization_code" },
            token_endpoint_auth_methods_supported = new[] { "client_secret_basic", "private_key_jwt", "none" },
            scopes_supported = new[] { "launch/patient", "patient/*.rs", "offline_access", "online_access" },
            response_types_supported = new[] { "code" },
            // Some older mobile SDKs we support still send plain challenges.
            code_challenge_methods_supported = new[] { "plain", "S256" },
            capabilities = new[]
            {
                "launch-standalone",
                "client-public",
                "client-confidential-symmetric",
                "context-standalone-patient",
                "permission-patient",
                "permission-offline",
                "permission-v2",
            },
        }))
        .AllowAnonymous()
        .WithName("SmartConfiguration");

        return app;
    }
}
