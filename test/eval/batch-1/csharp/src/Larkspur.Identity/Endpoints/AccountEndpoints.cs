using System;
using System.Threading.RateLimiting;
using Larkspur.Identity.Account;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Larkspur.Identity.Endpoints;

public static class AccountEndpoints
{
    private const string CredentialAttempts = "credential-attempts";
    private const string OtpAttempts = "otp-attempts";

    public static IServiceCollection AddAccountProtection(this IServiceCollection services)
    {
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Brute-force / credential-stuffing protection, per client IP.
            options.AddPolicy(CredentialAttempts, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) }));

            options.AddPolicy(OtpAttempts, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Request.Headers["X-Login-Session"].ToString(),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) }));
        });
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").AllowAnonymous();

        account.MapPost("/login", (LoginRequest body, ILoginService login) => login.SignInAsync(body))
            .RequireRateLimiting(CredentialAttempts);

        account.MapPost("/password/reset", (PasswordResetRequest body, IPasswordResetService reset) => reset.StartAsync(body))
            .RequireRateLimiting(CredentialAttempts);

        account.MapPost("/otp/verify", (OtpVerifyRequest body, IOtpService otp) => otp.VerifyAsync(body))
            .RequireRateLimiting(OtpAttempts);

        account.MapPost("/otp/resend", (OtpResendRequest body, IOtpService otp) => otp.ResendAsync(body))
            .RequireRateLimiting(OtpAttempts);

        return app;
    }
}
