package org.riverbend.portal;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.DiagnosticReport;

public final class ReportStatusFilter {
    private static final Set<DiagnosticReport.DiagnosticReportStatus> SHOWN = Set.of(
            DiagnosticReport.DiagnosticReportStatus.FINAL,
            DiagnosticReport.DiagnosticReportStatus.AMENDED,
            DiagnosticReport.DiagnosticReportStatus.CORRECTED);

    private ReportStatusFilter() {}

    public static List<DiagnosticReport> finalOnly(List<DiagnosticReport> reports) {
        return reports.stream().filter(r -> SHOWN.contains(r.getStatus())).toList();
    }
}
