using System.Linq;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authorization;

namespace Larkspur.Fhir.Facade.Authorization;

public sealed class RestrictedRecordRequirement : IAuthorizationRequirement
{
}

/// <summary>
/// Resource-based check used before a document or result is returned to an external caller.
/// </summary>
public sealed class ConfidentialityLabelHandler : AuthorizationHandler<RestrictedRecordRequirement, Resource>
{
    private const string ConfidentialitySystem = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        RestrictedRecordRequirement requirement,
        Resource resource)
    {
        var labels = resource.Meta?.Security ?? Enumerable.Empty<Coding>();
        var restricted = labels.Any(l => l.System == ConfidentialitySystem && (l.Code == "R" || l.Code == "V"));

        if (restricted)
        {
            context.Fail();
            return Task.CompletedTask;
        }

        context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
