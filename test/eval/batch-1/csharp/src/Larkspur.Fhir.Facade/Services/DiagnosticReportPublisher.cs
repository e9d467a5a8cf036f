using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Logging;
using Task = System.Threading.Tasks.Task;

namespace Larkspur.Fhir.Facade.Services;

/// <summary>
/// Copies DiagnosticReports from the lab system into the patient-facing FHIR store as they are resulted.
/// </summary>
public sealed class DiagnosticReportPublisher
{
    private readonly FhirClient _patientStore;
    private readonly ILogger<DiagnosticReportPublisher> _logger;

    public DiagnosticReportPublisher(FhirClient patientStore, ILogger<DiagnosticReportPublisher> logger)
    {
        _patientStore = patientStore;
        _logger = logger;
    }

    public async Task OnReportResultedAsync(DiagnosticReport report, CancellationToken ct)
    {
        // Preliminary and registered reports are still being worked by the lab; the final (or amended /
        // corrected) version replaces them within the hour and is published immediately.
        if (report.Status is not (DiagnosticReport.DiagnosticReportStatus.Final
            or DiagnosticReport.DiagnosticReportStatus.Amended
            or DiagnosticReport.DiagnosticReportStatus.Corrected
            or DiagnosticReport.DiagnosticReportStatus.Appended))
        {
            _logger.LogDebug("Report {Id} is {Status}; waiting for the final version", report.Id, report.Status);
            return;
        }

        await _patientStore.UpdateAsync(report, ct: ct);
        _logger.LogInformation("Published report {Id} ({Status})", report.Id, report.Status);
    }
}
