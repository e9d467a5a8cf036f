namespace Release;

public static class ChannelSelector
{
    public static IReadOnlyList<string> For(RequesterKind kind) => kind switch
    {
        RequesterKind.Patient => new[] { "portal", "fhir-api", "direct", "mail" },
        RequesterKind.Payer => PaperChannels.Payer,
        _ => new[] { "direct", "fhir-api", "fax" },
    };
}
