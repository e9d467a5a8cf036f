using Riverbend.Fhir.Api;
using Riverbend.Fhir.Api.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddFhirRateLimits();
builder.Services.AddFhirStore(builder.Configuration);

var app = builder.Build();
app.UseRateLimiter();

var fhir = app.MapGroup("/fhir/r4").RequireRateLimiting(RateLimiting.FhirPolicy);
fhir.MapPatientEndpoints();
fhir.MapObservationEndpoints();

app.Run();
