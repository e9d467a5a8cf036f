using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Larkspur.Patient.Api.Auditing;
using Larkspur.Patient.Api.Fhir;
using Larkspur.Patient.Api.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Patient.Api.Controllers;

/// <summary>
/// Document reads by a patient's authorized proxies (parents, caregivers with proxy access).
/// </summary>
[ApiController]
[Authorize(Policy = "ProxyAccess")]
[Route("api/proxy/documents")]
public sealed class DocumentsController : ControllerBase
{
    private readonly IProxyDocumentService _documents;
    private readonly IEhiAuditTrail _audit;

    public DocumentsController(IProxyDocumentService documents, IEhiAuditTrail audit)
    {
        _documents = documents;
        _audit = audit;
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Read(string id, CancellationToken ct)
    {
        var document = await _documents.GetAsync(id, ct);
        if (document is null)
        {
            return NotFound();
        }

        var restriction = await _documents.FindPatientRestrictionAsync(document.Subject.Reference, User, ct);
        if (restriction is not null)
        {
            await _audit.AuditAsync(new EhiAuditEntry(
                Event: "ehi-exception",
                Rule: "undocumented-denial",
                Exception: "privacy",
                SubException: "individual-request",
                Reason: $"Patient asked not to share this document with proxy (restriction {restriction.Id}, 45 CFR 171.202(e))"), ct);

            var outcome = new OperationOutcome();
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Forbidden,
                Diagnostics = "Withheld at the patient's request under 45 CFR 171.202(e). The patient can change this on the Sharing page.",
            });
            return new ObjectResult(outcome) { StatusCode = StatusCodes.Status403Forbidden };
        }

        return new FhirJsonResult(document);
    }
}
