using System;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Population.Api.Exports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Population.Api.Controllers;

[ApiController]
[Route("fhir/r4/Group")]
[Authorize(Policy = "SystemScopes")]
public sealed class GroupExportController : ControllerBase
{
    private const string LarkspurExtractFormat = "application/vnd.larkspur.extract+zip";

    private readonly IExportJobService _jobs;

    public GroupExportController(IExportJobService jobs) => _jobs = jobs;

    [HttpGet("{groupId}/$export")]
    public async Task<IActionResult> Kickoff(
        string groupId,
        [FromQuery(Name = "_outputFormat")] string? outputFormat,
        [FromQuery(Name = "_since")] DateTimeOffset? since,
        [FromQuery(Name = "_type")] string? types,
        CancellationToken ct)
    {
        var format = string.IsNullOrEmpty(outputFormat) ? LarkspurExtractFormat : outputFormat;

        if (!string.Equals(format, LarkspurExtractFormat, StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest(new
            {
                resourceType = "OperationOutcome",
                issue = new[]
                {
                    new { severity = "error", code = "not-supported", diagnostics = $"_outputFormat must be {LarkspurExtractFormat}" },
                },
            });
        }

        var job = await _jobs.StartGroupExportAsync(groupId, since, types, format, ct);
        Response.Headers.ContentLocation = Url.Action("Status", "ExportStatus", new { jobId = job.Id }, Request.Scheme);
        return StatusCode(StatusCodes.Status202Accepted);
    }
}
