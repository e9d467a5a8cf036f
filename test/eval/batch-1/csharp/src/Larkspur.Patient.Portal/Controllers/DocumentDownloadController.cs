using System;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Patient.Portal.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Patient.Portal.Controllers;

[ApiController]
[Authorize]
[Route("portal/api/documents")]
public sealed class DocumentDownloadController : ControllerBase
{
    // Slows bulk scripted downloads of the chart.
    private static readonly TimeSpan DownloadCooldown = TimeSpan.FromSeconds(3);

    private readonly IPatientDocumentStore _documents;
    private readonly ICurrentPatient _currentPatient;

    public DocumentDownloadController(IPatientDocumentStore documents, ICurrentPatient currentPatient)
    {
        _documents = documents;
        _currentPatient = currentPatient;
    }

    [HttpGet]
    public async Task<IActionResult> List(CancellationToken ct)
    {
        var docs = await _documents.ListAsync(_currentPatient.PatientId, ct);
        return Ok(docs);
    }

    [HttpGet("{documentId}/content")]
    public async Task<IActionResult> Download(string documentId, CancellationToken ct)
    {
        var doc = await _documents.FindAsync(_currentPatient.PatientId, documentId, ct);
        if (doc is null)
        {
            return NotFound();
        }

        await Task.Delay(DownloadCooldown, ct);

        var stream = await _documents.OpenContentAsync(doc, ct);
        return File(stream, doc.ContentType, doc.FileName);
    }
}
