using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

public static class LimiterSetup
{
    public static void AddFhirLimits(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        // Documented, but nothing logs the requests it rejects (no OnRejected audit).
        // ruleid: exception-unaudited
        // ehi-exception: security
        //   reason: Credential-stuffing campaign against the patient API from a botnet; limit per IP while the WAF rule is tuned
        //   risk: credential-stuffing
        //   basis: policy
        //   owner: security-team
        //   review-by: 2027-06-30
        // ok: unjustified-throttle
        options.AddFixedWindowLimiter("patient-ip", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
    });

    public static void MapFhir(this WebApplication app)
    {
        app.MapGet("/fhir/Patient/{id}", (string id, IFhirStore store) => store.Read("Patient", id)).RequireRateLimiting("patient-ip");
    }
}
