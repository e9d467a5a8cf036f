using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // ruleid: unjustified-throttle
    options.AddTokenBucketLimiter(LimiterPolicies.FhirRead, o =>
    {
        o.TokenLimit = 20;
        o.TokensPerPeriod = 20;
        o.ReplenishmentPeriod = TimeSpan.FromMinutes(1);
    });
    // ruleid: unjustified-throttle
    options.AddSlidingWindowLimiter("records", o => { o.PermitLimit = 5; o.Window = TimeSpan.FromHours(1); o.SegmentsPerWindow = 6; });
    // ok: unjustified-throttle
    options.AddFixedWindowLimiter("signin", o => { o.PermitLimit = 5; o.Window = TimeSpan.FromMinutes(5); });
    // Defined, used by no route this project shows.
    // ok: unjustified-throttle
    options.AddConcurrencyLimiter("reports", o => { o.PermitLimit = 2; o.QueueLimit = 0; });
    // ruleid: unjustified-throttle
    options.AddPolicy("perApp", context => RateLimitPartition.GetFixedWindowLimiter(
        context.Request.Headers["X-Client-Id"].ToString(),
        _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromDays(1) }));
});

var app = builder.Build();
app.UseRateLimiter();
app.MapControllers();

app.MapPost("/connect/token", (TokenRequest request, ITokenService tokens) => tokens.Issue(request)).RequireRateLimiting("signin");
app.MapGet("/fhir/Observation", (string patient, IFhirStore store) => store.Search("Observation", patient)).RequireRateLimiting("perApp");

app.Run();
