using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Patient.Mobile.Bff.Auditing;
using Larkspur.Patient.Mobile.Bff.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Stripe;

namespace Larkspur.Patient.Mobile.Bff.Controllers;

/// <summary>
/// "Export my health record" in the mobile app: the signed-in patient downloads their own record as a FHIR bundle.
/// </summary>
[ApiController]
[Authorize(Policy = "PatientSelf")]
[Route("bff/records/export")]
public sealed class HealthRecordDownloadController : ControllerBase
{
    private const long ExportFeeCents = 1500;

    private readonly IRecordExporter _exporter;
    private readonly PaymentIntentService _payments;
    private readonly IEhiAuditLog _audit;

    public HealthRecordDownloadController(IRecordExporter exporter, PaymentIntentService payments, IEhiAuditLog audit)
    {
        _exporter = exporter;
        _payments = payments;
        _audit = audit;
    }

    [HttpPost]
    public async Task<IActionResult> StartExport([FromBody] ExportRequest body, CancellationToken ct)
    {
        var patientId = User.FindFirst("patient")!.Value;
        await _audit.AuditAsync("access-fee", "fees", "Record export fee", patientId, ct);

        // ehi-exception: fees
        //   reason: Covers the cost of assembling and hosting the full-record export package
        //   cost-basis: Finance cost study FIN-2026-014 (storage, compute and support time per export)
        //   owner: revenue-cycle
        //   review-by: 2027-08-31
        var intent = await _payments.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = ExportFeeCents,
            Currency = "usd",
            Description = "Health record export",
            Metadata = new Dictionary<string, string> { ["patientId"] = patientId, ["kind"] = "record-export" },
        }, cancellationToken: ct);

        var job = await _exporter.QueueAsync(patientId, body.Format, paymentIntentId: intent.Id, ct);
        return Accepted(new { jobId = job.Id, clientSecret = intent.ClientSecret });
    }
}
