using System;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Developer.Portal.Data;
using Larkspur.Developer.Portal.Identity;

namespace Larkspur.Developer.Portal.Services;

/// <summary>
/// Verifies that a third-party app is who it says it is before production credentials are issued:
/// a software statement signed by a trusted issuer and redirect URIs on a domain the developer controls.
/// Verification is due within five business days of submission (45 CFR 170.404(a)(4)).
/// </summary>
public sealed class AppVerificationService
{
    private readonly IAppRepository _apps;
    private readonly ISoftwareStatementValidator _statements;
    private readonly IDomainOwnershipCheck _domains;
    private readonly IClientProvisioner _clients;
    private readonly TimeProvider _clock;

    public AppVerificationService(IAppRepository apps, ISoftwareStatementValidator statements, IDomainOwnershipCheck domains, IClientProvisioner clients, TimeProvider clock)
    {
        _apps = apps;
        _statements = statements;
        _domains = domains;
        _clients = clients;
        _clock = clock;
    }

    public async Task<AppRegistration> SubmitAsync(AppRegistration app, CancellationToken ct)
    {
        app.Status = AppStatus.PendingVerification;
        app.VerificationDueBy = BusinessDays.Add(_clock.GetUtcNow(), 5);
        await _apps.AddAsync(app, ct);

        var statement = await _statements.ValidateAsync(app.SoftwareStatement, ct);
        var domainsOk = await _domains.VerifyAsync(app.RedirectUris, ct);

        if (statement.IsValid && domainsOk)
        {
            app.ClientId = await _clients.ProvisionAsync(app, ct);
            app.Status = AppStatus.Active;
            await _apps.SaveAsync(app, ct);
        }

        return app;
    }
}
