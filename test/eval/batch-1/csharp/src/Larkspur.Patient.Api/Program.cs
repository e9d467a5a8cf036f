using System;
using System.Threading.RateLimiting;
using Hl7.Fhir.Rest;
using Larkspur.Patient.Api.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddAuthentication().AddJwtBearer();
builder.Services.AddAuthorization();

builder.Services.AddSingleton(_ => new FhirClient(
    builder.Configuration["Fhir:UpstreamBaseUrl"],
    new FhirClientSettings { PreferredFormat = ResourceFormat.Json }));
builder.Services.AddScoped<IPatientRecordBundleService, PatientRecordBundleService>();
builder.Services.AddScoped<ClinicalNotesService>();

builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

    options.AddFixedWindowLimiter("patient-records", limiter =>
    {
        limiter.PermitLimit = 30;
        limiter.Window = TimeSpan.FromMinutes(1);
        limiter.QueueLimit = 0;
        limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
    });
});

var app = builder.Build();

app.UseHttpsRedirection();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapControllers();
app.MapGet("/healthz", () => Results.Ok("ok")).AllowAnonymous();

app.Run();
