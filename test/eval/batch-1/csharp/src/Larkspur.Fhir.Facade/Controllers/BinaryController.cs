using System.Threading;
using System.Threading.Tasks;
using Larkspur.Fhir.Facade.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Fhir.Facade.Controllers;

/// <summary>
/// Binary reads for DocumentReference attachments. The raw content is returned with the content type it was
/// stored with (PDF, TIFF scans, our imaging viewer manifests); FHIR JSON is returned when the client asks for it.
/// </summary>
[ApiController]
[Route("fhir/r4/Binary")]
[Authorize(Policy = "SmartScopes")]
public sealed class BinaryController : ControllerBase
{
    private const string ImagingManifestType = "application/vnd.larkspur.imaging-manifest+json";

    private readonly IBinaryStore _binaries;

    public BinaryController(IBinaryStore binaries) => _binaries = binaries;

    [HttpGet("{id}")]
    public async Task<IActionResult> Read(string id, CancellationToken ct)
    {
        var binary = await _binaries.GetAsync(id, ct);
        if (binary is null)
        {
            return NotFound();
        }

        var accept = Request.Headers.Accept.ToString();
        if (accept.Contains("application/fhir+json"))
        {
            return new FhirResourceResult(binary.ToFhirBinary());
        }

        var contentType = binary.IsImagingManifest ? ImagingManifestType : binary.ContentType;
        return File(binary.Data, contentType);
    }
}
