using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Larkspur.Exchange.Directory;
using Microsoft.Extensions.Logging;

namespace Larkspur.Exchange.Services;

/// <summary>
/// Sends a transition-of-care packet to the receiving clinician using the best channel their directory entry supports.
/// </summary>
public sealed class OutboundRecordDispatcher
{
    private readonly IProviderDirectory _directory;
    private readonly IDirectMessagingClient _direct;
    private readonly IFhirPushClient _fhirPush;
    private readonly IFaxGateway _fax;
    private readonly ILogger<OutboundRecordDispatcher> _logger;

    public OutboundRecordDispatcher(
        IProviderDirectory directory,
        IDirectMessagingClient direct,
        IFhirPushClient fhirPush,
        IFaxGateway fax,
        ILogger<OutboundRecordDispatcher> logger)
    {
        _directory = directory;
        _direct = direct;
        _fhirPush = fhirPush;
        _fax = fax;
        _logger = logger;
    }

    public async Task<string> DispatchAsync(string recipientNpi, Bundle document, CancellationToken ct)
    {
        var recipient = await _directory.LookupAsync(recipientNpi, ct);

        if (!string.IsNullOrEmpty(recipient.DirectAddress))
        {
            return await _direct.SendAsync(recipient.DirectAddress, document, ct);
        }

        if (recipient.FhirEndpoint is not null)
        {
            return await _fhirPush.PostDocumentAsync(recipient.FhirEndpoint, document, ct);
        }

        // No electronic address on file for this clinician: fax is the only way to reach them.
        _logger.LogInformation("No Direct or FHIR endpoint for NPI {Npi}; faxing the summary", recipientNpi);
        return await _fax.QueueAsync(recipient.FaxNumber, DocumentRenderer.ToPdf(document), ct);
    }
}
