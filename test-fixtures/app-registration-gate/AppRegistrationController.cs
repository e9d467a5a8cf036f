using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Fhir.Developer;

public class AppRegistrationOptions
{
    // ruleid: app-registration-gate
    public bool AutoApprovePatientApps { get; set; } = false;

    // ok: app-registration-gate
    public bool RequireHttpsRedirectUris { get; set; } = true;
}

[ApiController]
[Route("oauth/register")]
public class AppRegistrationController : ControllerBase
{
    private readonly DeveloperDbContext _db;
    private readonly IAppVetting _vetting;

    public AppRegistrationController(DeveloperDbContext db, IAppVetting vetting)
    {
        _db = db;
        _vetting = vetting;
    }

    [HttpPost]
    public async Task<IActionResult> Register(ClientRegistrationRequest body)
    {
        var client = new RegisteredClient
        {
            Name = body.ClientName,
            RedirectUris = body.RedirectUris,
            // ruleid: app-registration-gate
            Status = ClientStatus.PendingApproval,
        };
        _db.Clients.Add(client);
        await _db.SaveChangesAsync();
        return Created($"/oauth/register/{client.Id}", client);
    }

    [HttpPost("patient-apps")]
    public async Task<IActionResult> RegisterPatientApp(ClientRegistrationRequest body)
    {
        var client = new RegisteredClient { Name = body.ClientName, RedirectUris = body.RedirectUris };
        // Authenticity only, and a production decision within five business days (45 CFR 170.404).
        // ok: app-registration-gate
        client.Status = ClientStatus.PendingReview;
        client.ReviewDueBy = DateTime.UtcNow.AddDays(5);
        _db.Clients.Add(client);
        await _db.SaveChangesAsync();
        await _vetting.VerifyAuthenticityAsync(client.Id);
        return Created($"/oauth/register/{client.Id}", client);
    }
}
