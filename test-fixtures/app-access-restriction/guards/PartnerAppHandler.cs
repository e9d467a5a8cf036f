using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;

namespace Acme.Fhir.Auth
{
    public class PartnerAppRequirement : IAuthorizationRequirement { }

    public class PartnerAppHandler : AuthorizationHandler<PartnerAppRequirement>
    {
        private static readonly string[] PartnerClients = { "acme-portal", "acme-mobile" };

        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnerAppRequirement requirement)
        {
            var clientId = context.User.FindFirst("client_id")?.Value;
            // ruleid: app-access-restriction
            if (PartnerClients.Contains(clientId))
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
    }

    public class OpsToolRequirement : IAuthorizationRequirement { }

    public class OpsToolHandler : AuthorizationHandler<OpsToolRequirement>
    {
        private static readonly string[] AllowedClients = { "acme-ops-console" };

        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OpsToolRequirement requirement)
        {
            // ok: app-access-restriction
            if (AllowedClients.Contains(context.User.FindFirst("client_id")?.Value))
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
    }
}
