using Fhir.Host.Billing;

namespace Fhir.Host;

public static class Startup
{
    public static void UseFhirPipeline(this WebApplication app)
    {
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/fhir"), branch => branch.UseMiddleware<UsageBillingMiddleware>());
        app.MapFhirEndpoints();
    }
}
