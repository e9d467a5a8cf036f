using System;

namespace Larkspur.Bulk.Api.Options;

/// <summary>
/// Bound from the "BulkExport" section. Defaults are deliberately conservative for local development;
/// every deployed environment sets these in appsettings.json / Key Vault.
/// </summary>
public sealed class BulkExportOptions
{
    public const string Section = "BulkExport";

    public bool Enabled { get; set; } = false;

    public string OutputContainer { get; set; } = "bulk-export";

    public TimeSpan FileRetention { get; set; } = TimeSpan.FromHours(24);

    public bool IncludeAssociatedBinaries { get; set; }
}
