using System.Collections.Generic;

namespace Example.Patient.Api.Fhir;

/// <summary>What the app-facing record endpoint may return, and the envelopes it never returns.</summary>
public static class PatientAccessTypes
{
    public static readonly string[] Envelopes = { "OperationOutcome", "Bundle" };

    public static readonly ISet<string> Released = new HashSet<string> { "Patient", "AllergyIntolerance", "Condition", "Immunization", "Observation" };
}
