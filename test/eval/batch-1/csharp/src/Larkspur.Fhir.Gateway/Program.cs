using Larkspur.Fhir.Gateway.Authorization;
using Larkspur.Fhir.Gateway.Proxy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<PartnerAppOptions>(builder.Configuration.GetSection(PartnerAppOptions.Section));

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.Authority = builder.Configuration["Jwt:Authority"];
        options.Audience = builder.Configuration["Jwt:Audience"];
    });

builder.Services.AddSingleton<IAuthorizationHandler, ApprovedClientHandler>();
builder.Services.AddAuthorization(options =>
{
    options.AddPolicy("RegisteredPartnerApp", policy => policy
        .RequireAuthenticatedUser()
        .AddRequirements(new RegisteredPartnerAppRequirement()));
});

builder.Services.AddHttpClient<FhirUpstreamClient>(client =>
    client.BaseAddress = new System.Uri(builder.Configuration["Upstream:FhirBaseUrl"]!));
builder.Services.AddControllers();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();

app.Run();
