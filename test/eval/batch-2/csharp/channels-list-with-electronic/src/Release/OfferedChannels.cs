namespace Release;

public static class OfferedChannels
{
    public static readonly string[] ReleaseChannels = { "fhir-api", "direct", "portal", "sftp", "fax", "mail" };
}
