namespace Contoso.Fhir.Api;

public static class LimiterPolicies
{
    public const string FhirRead = "fhir-read";
}
