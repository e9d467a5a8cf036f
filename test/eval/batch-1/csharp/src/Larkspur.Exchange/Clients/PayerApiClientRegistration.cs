using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Extensions.Http;

namespace Larkspur.Exchange.Clients;

/// <summary>
/// Outbound client for the payer's Patient Access / Provider Directory API (their server, our calls).
/// </summary>
public static class PayerApiClientRegistration
{
    public static IServiceCollection AddPayerApiClient(this IServiceCollection services, Uri baseAddress)
    {
        services.AddHttpClient<PayerFhirClient>(client =>
            {
                client.BaseAddress = baseAddress;
                client.DefaultRequestHeaders.Accept.ParseAdd("application/fhir+json");
                client.Timeout = TimeSpan.FromSeconds(30);
            })
            .AddPolicyHandler(HttpPolicyExtensions
                .HandleTransientHttpError()
                .WaitAndRetryAsync(4, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt))));

        return services;
    }
}

public sealed class PayerFhirClient
{
    private readonly HttpClient _http;

    public PayerFhirClient(HttpClient http) => _http = http;

    public async Task<string> GetCoverageAsync(string memberId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await _http.GetAsync($"Coverage?beneficiary={Uri.EscapeDataString(memberId)}", ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 3)
            {
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync(ct);
            }

            // The payer throttles us: wait as long as they ask before calling them again.
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5 * attempt);
            await Task.Delay(wait, ct);
        }
    }
}
