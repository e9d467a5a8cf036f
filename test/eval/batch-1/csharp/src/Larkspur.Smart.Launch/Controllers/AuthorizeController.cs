using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Smart.Launch.Clients;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Smart.Launch.Controllers;

/// <summary>
/// Front half of the SMART authorize step: validate the client and hand the user to the login and consent UI.
/// </summary>
[ApiController]
[Route("oauth2")]
public sealed class AuthorizeController : ControllerBase
{
    private readonly IClientStore _clients;

    public AuthorizeController(IClientStore clients) => _clients = clients;

    [HttpGet("authorize")]
    public async Task<IActionResult> Authorize(
        [FromQuery(Name = "client_id")] string clientId,
        [FromQuery(Name = "redirect_uri")] string redirectUri,
        [FromQuery(Name = "scope")] string scope,
        [FromQuery(Name = "aud")] string audience,
        [FromQuery(Name = "state")] string state,
        CancellationToken ct)
    {
        // Any registered client may start a launch; registration is open to every developer.
        var client = await _clients.FindAsync(clientId, ct);
        if (client is null)
        {
            return BadRequest(new { error = "invalid_client", error_description = "Unknown client_id" });
        }

        if (!client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return BadRequest(new { error = "invalid_request", error_description = "redirect_uri is not registered for this client" });
        }

        if (!string.Equals(audience?.TrimEnd('/'), "https://fhir.larkspurhealth.org/r4", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest(new { error = "invalid_request", error_description = "aud must be the FHIR base URL" });
        }

        return RedirectToPage("/Login", new { returnUrl = Request.Path + Request.QueryString, state });
    }
}
