using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Bulk.Api.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Bulk.Api.Controllers;

[ApiController]
[Route("fhir/r4")]
[Authorize(Policy = "SystemScopes")]
public sealed class ExportKickoffController : ControllerBase
{
    private static readonly HashSet<string> NdjsonFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/fhir+ndjson",
        "application/ndjson",
        "ndjson",
    };

    private readonly IBulkExportJobs _jobs;
    private readonly IResourceTypeCatalog _catalog;

    public ExportKickoffController(IBulkExportJobs jobs, IResourceTypeCatalog catalog)
    {
        _jobs = jobs;
        _catalog = catalog;
    }

    [HttpGet("Group/{groupId}/$export")]
    [HttpGet("Patient/$export")]
    public async Task<IActionResult> Kickoff(
        string? groupId,
        [FromQuery(Name = "_outputFormat")] string? outputFormat,
        [FromQuery(Name = "_type")] string? types,
        [FromQuery(Name = "_since")] DateTimeOffset? since,
        CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(outputFormat) && !NdjsonFormats.Contains(outputFormat))
        {
            return BadRequest(Outcome("invalid", $"Unsupported _outputFormat '{outputFormat}'; use application/fhir+ndjson."));
        }

        var requestedTypes = (types ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var unknown = requestedTypes.Where(t => !_catalog.IsKnown(t)).ToList();
        if (unknown.Count > 0)
        {
            return BadRequest(Outcome("invalid", $"Unknown resource type(s) in _type: {string.Join(", ", unknown)}"));
        }

        var job = await _jobs.StartAsync(groupId, requestedTypes, since, ct);
        Response.Headers.ContentLocation = $"{Request.Scheme}://{Request.Host}/fhir/r4/$export-status/{job.Id}";
        return StatusCode(StatusCodes.Status202Accepted);
    }

    private static object Outcome(string code, string diagnostics) => new
    {
        resourceType = "OperationOutcome",
        issue = new[] { new { severity = "error", code, diagnostics } },
    };
}
