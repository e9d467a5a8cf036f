namespace Release;

public sealed class ClinicPreferences
{
    public string DefaultDeliveryMethod { get; init; } = "fax";
    public string[] OfferedMethods { get; init; } = { "fax", "direct", "portal", "fhir-api" };
}
