package org.riverbend.labs;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;

@Service
public class LabResultsService {
    private final ChartRepository chart;

    public LabResultsService(ChartRepository chart) {
        this.chart = chart;
    }

    /** The lab results tab; everything else in the chart has its own tab. */
    public List<Resource> getLabResults(String patientId) {
        return chart.allFor(patientId).stream()
                .filter(r -> r.fhirType().equals("Observation") || r.fhirType().equals("DiagnosticReport"))
                .toList();
    }
}
