using System.Collections.Generic;

namespace Larkspur.Patient.Api.Fhir;

/// <summary>
/// Resource types returned to patients and their apps from the record endpoints.
/// Agreed with the portal product owner for the 2024 launch.
/// </summary>
public static class PatientAccessResourceTypes
{
    public static readonly IReadOnlySet<string> Released = new HashSet<string>
    {
        "Patient",
        "AllergyIntolerance",
        "Condition",
        "Immunization",
        "MedicationRequest",
        "Observation",
        "Procedure",
    };
}
