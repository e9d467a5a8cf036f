using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Larkspur.Smart.Endpoints;

/// <summary>
/// /.well-known/smart-configuration for the certified patient and population API (fhir.larkspurhealth.org/r4).
/// </summary>
public static class SmartConfigurationEndpoint
{
    private const string Issuer = "https://login.larkspurhealth.org";

    public static IEndpointRouteBuilder MapSmartConfiguration(this IEndpointRouteBuilder app)
    {
        app.MapGet("/r4/.well-known/smart-configuration", () => Results.Json(new
        {
            issuer = Issuer,
            jwks_uri = $"{Issuer}/.well-known/openid-configuration/jwks",
            authorization_endpoint = $"{Issuer}/connect/authorize",
            token_endpoint = $"{Issuer}/connect/token",
            introspection_endpoint = $"{Issuer}/connect/introspect",
            grant_types_supported = new[] { "authorization_code", "client_credentials" },
            token_endpoint_auth_methods_supported = new[] { "client_secret_basic", "private_key_jwt" },
            scopes_supported = new[] { "openid", "fhirUser", "launch", "user/*.rs", "system/*.rs" },
            response_types_supported = new[] { "code" },
            code_challenge_methods_supported = new[] { "S256" },
            capabilities = new[]
            {
                "launch-ehr",
                "client-confidential-symmetric",
                "client-confidential-asymmetric",
                "context-ehr-patient",
                "context-ehr-encounter",
                "sso-openid-connect",
                "permission-user",
                "permission-v2",
            },
        }, contentType: "application/json"))
        .AllowAnonymous();

        return app;
    }
}
