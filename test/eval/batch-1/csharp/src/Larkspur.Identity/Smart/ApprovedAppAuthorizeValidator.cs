using System.Linq;
using System.Threading.Tasks;
using Duende.IdentityServer.Validation;
using Microsoft.Extensions.Logging;

namespace Larkspur.Identity.Smart;

/// <summary>
/// Extra checks on /connect/authorize for SMART launches (registered with AddCustomAuthorizeRequestValidator).
/// </summary>
public sealed class ApprovedAppAuthorizeValidator : ICustomAuthorizeRequestValidator
{
    private readonly ILogger<ApprovedAppAuthorizeValidator> _logger;

    public ApprovedAppAuthorizeValidator(ILogger<ApprovedAppAuthorizeValidator> logger) => _logger = logger;

    public Task ValidateAsync(CustomAuthorizeRequestValidationContext context)
    {
        var request = context.Result.ValidatedRequest;
        var isSmartLaunch = request.RequestedScopes.Any(s => s.StartsWith("patient/") || s.StartsWith("launch"));

        if (isSmartLaunch && !ApprovedSmartApps.ClientIds.Contains(request.ClientId))
        {
            _logger.LogInformation("SMART launch refused for client {ClientId}: not on the approved list", request.ClientId);
            context.Result.IsError = true;
            context.Result.Error = "unauthorized_client";
            context.Result.ErrorDescription = "This application is not approved to access Larkspur health records.";
        }

        return Task.CompletedTask;
    }
}
