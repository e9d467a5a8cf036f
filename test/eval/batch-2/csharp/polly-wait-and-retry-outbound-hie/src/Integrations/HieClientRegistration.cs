using Polly;
using Polly.Extensions.Http;

namespace Integrations;

public static class HieClientRegistration
{
    public static IServiceCollection AddStateHieClient(this IServiceCollection services) =>
        services.AddHttpClient<IStateHieClient, StateHieClient>(c => c.BaseAddress = new Uri("https://hie.state.example/fhir/"))
            .AddPolicyHandler(HttpPolicyExtensions
                .HandleTransientHttpError()
                .OrResult(r => (int)r.StatusCode == 429)
                .WaitAndRetryAsync(5, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt))))
            .Services;
}
