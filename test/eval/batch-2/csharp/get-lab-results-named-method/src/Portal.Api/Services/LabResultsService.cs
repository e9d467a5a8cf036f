using Hl7.Fhir.Model;

namespace Portal.Api.Services;

public class LabResultsService
{
    private readonly IChartService _chart;

    public LabResultsService(IChartService chart) => _chart = chart;

    public async Task<List<Resource>> GetLabResultsAsync(string patientId) =>
        (await _chart.AllAsync(patientId)).Where(r => r is Observation or DiagnosticReport).ToList();
}
