using Hl7.Fhir.Rest;
using Larkspur.Fhir.Facade.Authorization;
using Larkspur.Fhir.Facade.Endpoints;
using Larkspur.Fhir.Facade.Infrastructure;
using Larkspur.Fhir.Facade.Pipeline;
using Larkspur.Fhir.Facade.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddAuthentication().AddJwtBearer();

builder.Services.AddSingleton<IAuthorizationHandler, ConfidentialityLabelHandler>();
builder.Services.AddSingleton<IAuthorizationHandler, SmartScopeHandler>();
builder.Services.AddAuthorization(options =>
{
    options.AddPolicy("SmartScopes", policy => policy.AddRequirements(new SmartScopeRequirement()));
    options.AddPolicy("RestrictedRecord", policy => policy.AddRequirements(new RestrictedRecordRequirement()));
});

builder.Services.AddSingleton(_ => new FhirClient(builder.Configuration["LegacyAdapter:BaseUrl"]));
builder.Services.AddScoped<BundleSanitizer>();
builder.Services.AddScoped<DiagnosticReportPublisher>();
builder.Services.AddScoped<IDocumentRepository, AdapterDocumentRepository>();
builder.Services.AddFhirRateLimits();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapControllers();
app.MapFhirEndpoints();

app.Run();
