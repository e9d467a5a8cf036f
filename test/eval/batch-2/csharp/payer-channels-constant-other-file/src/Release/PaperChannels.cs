namespace Release;

public static class PaperChannels
{
    public static readonly IReadOnlyList<string> Payer = new[] { "fax", "usps" };
}
