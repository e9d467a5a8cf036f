using System.Threading;
using System.Threading.Tasks;
using Larkspur.Fhir.Gateway.Proxy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Fhir.Gateway.Controllers;

/// <summary>
/// Public FHIR R4 endpoint for patient-authorized apps; forwards reads and searches to the internal FHIR server.
/// </summary>
[ApiController]
[Route("r4")]
[Authorize(Policy = "RegisteredPartnerApp")]
public sealed class FhirProxyController : ControllerBase
{
    private readonly FhirUpstreamClient _upstream;

    public FhirProxyController(FhirUpstreamClient upstream) => _upstream = upstream;

    [HttpGet("{resourceType}/{id}")]
    public async Task<IActionResult> Read(string resourceType, string id, CancellationToken ct)
    {
        var response = await _upstream.ForwardAsync(HttpContext, $"{resourceType}/{id}", ct);
        return new UpstreamResult(response);
    }

    [HttpGet("{resourceType}")]
    public async Task<IActionResult> Search(string resourceType, CancellationToken ct)
    {
        var response = await _upstream.ForwardAsync(HttpContext, $"{resourceType}{Request.QueryString}", ct);
        return new UpstreamResult(response);
    }
}
