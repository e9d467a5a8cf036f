using System.Threading;
using System.Threading.Tasks;
using Larkspur.Patient.Portal.Payments;
using Larkspur.Patient.Portal.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Patient.Portal.Controllers;

/// <summary>
/// "Download my complete record" on the patient portal (C-CDA or FHIR bundle, zipped).
/// </summary>
[ApiController]
[Authorize]
[Route("portal/api/record-export")]
public sealed class RecordExportController : ControllerBase
{
    private readonly IRecordPackageBuilder _packages;
    private readonly IRecordFeePayments _payments;
    private readonly ICurrentPatient _currentPatient;

    public RecordExportController(IRecordPackageBuilder packages, IRecordFeePayments payments, ICurrentPatient currentPatient)
    {
        _packages = packages;
        _payments = payments;
        _currentPatient = currentPatient;
    }

    [HttpGet("download")]
    public async Task<IActionResult> Download([FromQuery] string format, CancellationToken ct)
    {
        var patientId = _currentPatient.PatientId;

        if (!await _payments.HasPaidCurrentPeriodAsync(patientId, ct))
        {
            return StatusCode(StatusCodes.Status402PaymentRequired, new
            {
                error = "payment_required",
                message = "A $9.99 records fee is due before your complete record can be downloaded.",
                payUrl = "/portal/pay/record-fee",
            });
        }

        var package = await _packages.BuildAsync(patientId, format == "fhir" ? PackageFormat.FhirBundle : PackageFormat.Ccda, ct);
        return File(package.Content, "application/zip", package.FileName);
    }
}
