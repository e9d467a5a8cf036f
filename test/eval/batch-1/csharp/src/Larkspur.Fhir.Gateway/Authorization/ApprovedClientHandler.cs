using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Larkspur.Fhir.Gateway.Authorization;

public sealed class PartnerAppOptions
{
    public const string Section = "PartnerApps";

    public string[] AllowedClientIds { get; set; } = Array.Empty<string>();
}

public sealed class RegisteredPartnerAppRequirement : IAuthorizationRequirement
{
}

/// <summary>
/// Lets a request through to the FHIR proxy only when the token was issued to one of the partner apps.
/// </summary>
public sealed class ApprovedClientHandler : AuthorizationHandler<RegisteredPartnerAppRequirement>
{
    private readonly IOptionsMonitor<PartnerAppOptions> _options;

    public ApprovedClientHandler(IOptionsMonitor<PartnerAppOptions> options) => _options = options;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RegisteredPartnerAppRequirement requirement)
    {
        var clientId = context.User.FindFirst("client_id")?.Value ?? context.User.FindFirst("azp")?.Value;

        if (clientId is not null && _options.CurrentValue.AllowedClientIds.Contains(clientId, StringComparer.Ordinal))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"Client '{clientId}' is not a partner app"));
        }

        return Task.CompletedTask;
    }
}
