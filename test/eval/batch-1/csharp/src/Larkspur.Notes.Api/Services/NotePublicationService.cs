using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.ServiceBus;
using Larkspur.Notes.Api.Model;
using Microsoft.Extensions.Options;

namespace Larkspur.Notes.Api.Services;

public sealed class ClinicalNotesOptions
{
    public bool ShareWithPatientPortal { get; set; }
    public string PortalFeedTopic { get; set; } = "portal.notes.published";
}

/// <summary>
/// Called when a clinician signs a note; forwards signed notes to the portal feed.
/// </summary>
public sealed class NotePublicationService
{
    private readonly ServiceBusClient _bus;
    private readonly IOptionsMonitor<ClinicalNotesOptions> _options;

    public NotePublicationService(ServiceBusClient bus, IOptionsMonitor<ClinicalNotesOptions> options)
    {
        _bus = bus;
        _options = options;
    }

    public async Task OnNoteSignedAsync(SignedNote note, CancellationToken ct)
    {
        var options = _options.CurrentValue;

        if (!options.ShareWithPatientPortal)
        {
            return;
        }

        await using var sender = _bus.CreateSender(options.PortalFeedTopic);
        var message = new ServiceBusMessage(BinaryData.FromObjectAsJson(note))
        {
            Subject = "note-signed",
            MessageId = note.Id,
        };
        await sender.SendMessageAsync(message, ct);
    }
}
