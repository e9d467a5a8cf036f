using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Fhir.Auth
{
    public static class AuthorizationSetup
    {
        public static void AddAcmePolicies(this IServiceCollection services)
        {
            services.AddAuthorization(options =>
            {
                options.AddPolicy("PartnerApps", p => p.Requirements.Add(new PartnerAppRequirement()));
                options.AddPolicy("OpsTools", p => p.Requirements.Add(new OpsToolRequirement()));
            });
            services.AddSingleton<IAuthorizationHandler, PartnerAppHandler>();
            services.AddSingleton<IAuthorizationHandler, OpsToolHandler>();
        }
    }
}
