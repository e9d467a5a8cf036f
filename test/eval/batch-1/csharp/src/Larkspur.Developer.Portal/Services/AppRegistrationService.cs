using System;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Developer.Portal.Data;
using Larkspur.Developer.Portal.Identity;
using Microsoft.Extensions.Options;

namespace Larkspur.Developer.Portal.Services;

public sealed class AppRegistrationOptions
{
    public const string Section = "AppRegistration";

    public bool RequireManualApproval { get; set; }
    public string ReviewerGroup { get; set; } = string.Empty;
    public string[] AllowedRedirectSchemes { get; set; } = Array.Empty<string>();
}

/// <summary>
/// Registration of patient-facing apps that want to use the SMART on FHIR patient access API.
/// </summary>
public sealed class AppRegistrationService
{
    private readonly IAppRepository _apps;
    private readonly IClientProvisioner _clients;
    private readonly IReviewerNotifier _reviewers;
    private readonly IOptions<AppRegistrationOptions> _options;

    public AppRegistrationService(IAppRepository apps, IClientProvisioner clients, IReviewerNotifier reviewers, IOptions<AppRegistrationOptions> options)
    {
        _apps = apps;
        _clients = clients;
        _reviewers = reviewers;
        _options = options;
    }

    public async Task<AppRegistration> RegisterAsync(AppRegistrationRequest request, CancellationToken ct)
    {
        var app = AppRegistration.From(request);

        if (_options.Value.RequireManualApproval)
        {
            app.Status = AppStatus.AwaitingApproval;
            await _apps.AddAsync(app, ct);
            await _reviewers.NotifyAsync(_options.Value.ReviewerGroup, app.Id, ct);
            return app;
        }

        app.ClientId = await _clients.ProvisionAsync(app, ct);
        app.Status = AppStatus.Active;
        await _apps.AddAsync(app, ct);
        return app;
    }
}
