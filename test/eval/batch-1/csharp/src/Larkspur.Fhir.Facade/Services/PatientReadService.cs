using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Larkspur.Fhir.Facade.Adapter;

namespace Larkspur.Fhir.Facade.Services;

/// <summary>
/// Patient read for provider-facing callers (referring clinicians, care managers at partner organisations).
/// </summary>
public sealed class PatientReadService : IPatientReadService
{
    private readonly ILegacyPatientAdapter _adapter;

    public PatientReadService(ILegacyPatientAdapter adapter) => _adapter = adapter;

    public async Task<Resource> ReadAsync(string id, CancellationToken ct)
    {
        var record = await _adapter.GetAsync(id, ct);
        if (record is null)
        {
            return Outcome(OperationOutcome.IssueType.NotFound, $"Patient/{id} not found");
        }

        if (record.IsVip || record.IsEmployee)
        {
            return Outcome(OperationOutcome.IssueType.Forbidden, "Access to this patient record is restricted.");
        }

        return PatientMapper.ToFhir(record);
    }

    private static OperationOutcome Outcome(OperationOutcome.IssueType code, string diagnostics) => new()
    {
        Issue =
        {
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = code,
                Diagnostics = diagnostics,
            },
        },
    };
}
