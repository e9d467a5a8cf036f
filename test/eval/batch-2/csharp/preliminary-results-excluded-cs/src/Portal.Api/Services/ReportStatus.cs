using Hl7.Fhir.Model;

namespace Portal.Api.Services;

public static class ReportStatus
{
    private static readonly DiagnosticReport.DiagnosticReportStatus[] Shown =
    {
        DiagnosticReport.DiagnosticReportStatus.Final,
        DiagnosticReport.DiagnosticReportStatus.Amended,
        DiagnosticReport.DiagnosticReportStatus.Corrected,
    };

    public static IEnumerable<DiagnosticReport> Releasable(IEnumerable<DiagnosticReport> reports) =>
        reports.Where(r => r.Status.HasValue && Shown.Contains(r.Status.Value));
}
