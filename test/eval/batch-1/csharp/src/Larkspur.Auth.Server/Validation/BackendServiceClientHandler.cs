using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Larkspur.Auth.Server.Validation;

/// <summary>
/// SMART Backend Services (client_credentials with system/ scopes) is for Larkspur's own population-health
/// jobs and contracted ACO analytics. Patient and clinician apps use authorization_code and are not affected.
/// </summary>
public sealed class BackendServiceClientHandler : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    private static readonly HashSet<string> BackendServiceClients = new()
    {
        "larkspur-pophealth-etl",
        "larkspur-quality-measures",
        "aco-analytics-northstar",
    };

    public static OpenIddictServerHandlerDescriptor Descriptor { get; }
        = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<BackendServiceClientHandler>()
            .SetOrder(int.MaxValue - 10_000)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (!context.Request.IsClientCredentialsGrantType())
        {
            return default;
        }

        var wantsSystemScopes = context.Request.GetScopes().Any(s => s.StartsWith("system/"));
        if (wantsSystemScopes && !BackendServiceClients.Contains(context.ClientId!))
        {
            context.Reject(
                error: OpenIddictConstants.Errors.UnauthorizedClient,
                description: "This client is not registered for backend services (system/ scopes).");
        }

        return default;
    }
}
