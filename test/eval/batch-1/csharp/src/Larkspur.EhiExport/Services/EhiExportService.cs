using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.EhiExport.Model;
using Microsoft.Extensions.Options;

namespace Larkspur.EhiExport.Services;

public sealed class EhiExportOptions
{
    public string[] Formats { get; set; } = Array.Empty<string>();
    public string OutputContainer { get; set; } = "ehi-export";
    public int LinkExpiryHours { get; set; } = 72;
}

/// <summary>
/// Single-patient and whole-database EHI export (the (b)(10) export used for patient requests and system migration).
/// </summary>
public sealed class EhiExportService
{
    private readonly IOptions<EhiExportOptions> _options;
    private readonly IExportWriterFactory _writers;
    private readonly IExportRequestStore _store;

    public EhiExportService(IOptions<EhiExportOptions> options, IExportWriterFactory writers, IExportRequestStore store)
    {
        _options = options;
        _writers = writers;
        _store = store;
    }

    public async Task<ExportRequest> StartAsync(ExportScope scope, string requestedFormat, CancellationToken ct)
    {
        var supported = _options.Value.Formats;
        if (!supported.Contains(requestedFormat, StringComparer.OrdinalIgnoreCase))
        {
            throw new UnsupportedExportFormatException(requestedFormat, supported);
        }

        var request = new ExportRequest(Guid.NewGuid(), scope, requestedFormat, DateTimeOffset.UtcNow);
        await _store.AddAsync(request, ct);

        var writer = _writers.Create(requestedFormat, _options.Value.OutputContainer);
        _ = writer.WriteAsync(request, CancellationToken.None);
        return request;
    }
}
