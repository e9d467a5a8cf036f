using System;
using Larkspur.Auth.Server.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Larkspur.Auth.Server.Startup;

public sealed class TokenLifetimeOptions
{
    public int AccessTokenMinutes { get; set; } = 60;
    public int AuthorizationCodeMinutes { get; set; } = 5;
    public int RefreshTokenHours { get; set; } = 24;
}

/// <summary>
/// Authorization server for SMART App Launch: patient standalone launch, EHR launch and backend services.
/// </summary>
public static class OpenIddictSetup
{
    public static IServiceCollection AddSmartAuthorizationServer(this IServiceCollection services, IConfiguration configuration)
    {
        var lifetimes = configuration.GetSection("TokenLifetimes").Get<TokenLifetimeOptions>() ?? new TokenLifetimeOptions();

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<AuthDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                       .SetTokenEndpointUris("connect/token")
                       .SetIntrospectionEndpointUris("connect/introspect");

                options.AllowAuthorizationCodeFlow()
                       .AllowRefreshTokenFlow()
                       .AllowClientCredentialsFlow()
                       .RequireProofKeyForCodeExchange();

                options.RegisterScopes("openid", "fhirUser", "launch", "launch/patient", "offline_access",
                    "patient/*.rs", "user/*.rs", "system/*.rs");

                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(lifetimes.AccessTokenMinutes));
                options.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(lifetimes.AuthorizationCodeMinutes));
                options.SetRefreshTokenLifetime(TimeSpan.FromHours(lifetimes.RefreshTokenHours));

                options.AddDevelopmentEncryptionCertificate();
                options.UseAspNetCore()
                       .EnableAuthorizationEndpointPassthrough()
                       .EnableTokenEndpointPassthrough();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
            });

        return services;
    }
}
