using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Larkspur.Bulk.Api.Endpoints;

/// <summary>
/// SMART configuration of the population (Bulk Data) endpoint, which only serves SMART Backend Services
/// clients. Patient and clinician apps use fhir.larkspurhealth.org/r4 and its own configuration.
/// </summary>
public static class SmartConfigurationEndpoint
{
    public static IEndpointRouteBuilder MapBackendSmartConfiguration(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fhir/r4/.well-known/smart-configuration", () => Results.Json(new
        {
            token_endpoint = "https://login.larkspurhealth.org/connect/token",
            jwks_uri = "https://login.larkspurhealth.org/.well-known/openid-configuration/jwks",
            grant_types_supported = new[] { "client_credentials" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
            token_endpoint_auth_signing_alg_values_supported = new[] { "RS384", "ES384" },
            scopes_supported = new[] { "system/*.rs", "system/Patient.rs", "system/Group.rs" },
            capabilities = new[] { "client-confidential-asymmetric", "permission-v2" },
        }))
        .AllowAnonymous();

        return app;
    }
}
