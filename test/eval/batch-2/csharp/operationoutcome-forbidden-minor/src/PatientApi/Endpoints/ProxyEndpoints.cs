using Hl7.Fhir.Model;

namespace PatientApi.Endpoints;

public static class ProxyEndpoints
{
    public static void MapProxy(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patient-access/proxy/{patientId}/record", async (string patientId, IRecordStore store) =>
        {
            var record = await store.LoadAsync(patientId);
            if (record.Patient.Age is >= 12 and < 18)
            {
                var outcome = new OperationOutcome();
                outcome.Issue.Add(new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = OperationOutcome.IssueType.Forbidden });
                return Results.Json(outcome, statusCode: 403);
            }
            return Results.Ok(record);
        });
    }
}
