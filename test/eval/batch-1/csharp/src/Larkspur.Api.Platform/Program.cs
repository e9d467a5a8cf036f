using Larkspur.Api.Platform.Billing;
using Larkspur.Api.Platform.Fhir;
using Larkspur.Api.Platform.Metering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAuthentication().AddJwtBearer();
builder.Services.AddAuthorization();
builder.Services.AddHttpClient<IUsageBillingClient, UsageBillingClient>();
builder.Services.AddFhirProxy(builder.Configuration.GetSection("Fhir"));

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();

app.UseWhen(
    ctx => ctx.Request.Path.StartsWithSegments("/fhir"),
    branch => branch.UseMiddleware<BillableUsageMiddleware>());

app.MapFhirProxy("/fhir");
app.MapGet("/status", () => Results.Ok(new { status = "up" })).AllowAnonymous();

app.Run();
