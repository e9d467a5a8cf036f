using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Fhir.Facade.Controllers;

/// <summary>
/// FHIR Bulk Data kick-off endpoints on the facade over the legacy EHR.
/// </summary>
[ApiController]
[Route("fhir/r4")]
[Authorize(Policy = "SmartScopes")]
public sealed class BulkDataController : ControllerBase
{
    [HttpGet("$export")]
    public IActionResult SystemExport() => NotSupported();

    [HttpGet("Patient/$export")]
    public IActionResult PatientExport() => NotSupported();

    [HttpGet("Group/{groupId}/$export")]
    public IActionResult GroupExport(string groupId) => NotSupported();

    private IActionResult NotSupported()
    {
        var outcome = new OperationOutcome
        {
            Issue =
            {
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = OperationOutcome.IssueType.NotSupported,
                    Diagnostics = "Bulk export is not available on this server.",
                },
            },
        };

        return new ObjectResult(outcome) { StatusCode = StatusCodes.Status501NotImplemented };
    }
}
