using System.Threading;
using System.Threading.Tasks;
using Larkspur.Fhir.Facade.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Fhir.Facade.Controllers;

[ApiController]
[Route("fhir/r4/DocumentReference")]
[Authorize(Policy = "SmartScopes")]
public sealed class DocumentReferenceController : ControllerBase
{
    private readonly IDocumentRepository _documents;
    private readonly IAuthorizationService _authorization;

    public DocumentReferenceController(IDocumentRepository documents, IAuthorizationService authorization)
    {
        _documents = documents;
        _authorization = authorization;
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Read(string id, CancellationToken ct)
    {
        var document = await _documents.GetAsync(id, ct);
        if (document is null)
        {
            return NotFound();
        }

        var check = await _authorization.AuthorizeAsync(User, document, "RestrictedRecord");
        if (!check.Succeeded)
        {
            return Forbid();
        }

        return new FhirResourceResult(document);
    }
}
