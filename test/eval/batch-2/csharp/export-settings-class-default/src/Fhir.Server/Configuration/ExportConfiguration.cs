namespace Fhir.Server.Configuration;

public class ExportConfiguration
{
    /// <summary>Bound from FhirServer:Operations:Export. Deployed config decides.</summary>
    public bool Enabled { get; set; } = false;
    public int MaximumNumberOfConcurrentJobsAllowed { get; set; } = 1;
    public string StorageAccountUri { get; set; } = string.Empty;
}
