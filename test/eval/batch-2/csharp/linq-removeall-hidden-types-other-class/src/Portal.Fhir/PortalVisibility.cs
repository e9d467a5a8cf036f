namespace Portal.Fhir;

public static class PortalVisibility
{
    // Product decision PRD-412: keep the portal timeline "clinical, not paperwork"
    public static readonly HashSet<string> HiddenResourceTypes = new() { "DocumentReference", "Binary", "Communication" };
}
