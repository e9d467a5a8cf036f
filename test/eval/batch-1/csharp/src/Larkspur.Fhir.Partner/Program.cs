using System;
using System.Threading.RateLimiting;
using Larkspur.Fhir.Partner.Auditing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddAuthentication().AddJwtBearer();
builder.Services.AddAuthorization();
builder.Services.AddSingleton<IEhiAuditLog, EhiAuditLog>();

builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

    // Partitioned per client_id so one app's polling cannot starve the others.
    options.AddPolicy("app-backpressure", http => RateLimitPartition.GetConcurrencyLimiter(
        http.User.FindFirst("client_id")?.Value ?? "anonymous",
        _ => new ConcurrencyLimiterOptions { PermitLimit = 8, QueueLimit = 16 }));
});

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapControllers();

app.Run();
