using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Clinician.Workspace.Data;

namespace Larkspur.Clinician.Workspace.Services;

/// <summary>
/// Notes written by residents, students and APPs that need an attending's co-signature.
/// </summary>
public sealed class CosignatureQueue
{
    private readonly INoteRepository _notes;
    private readonly TimeProvider _clock;

    public CosignatureQueue(INoteRepository notes, TimeProvider clock)
    {
        _notes = notes;
        _clock = clock;
    }

    public async Task RouteForCosignAsync(DraftNote note, string attendingId, CancellationToken ct)
    {
        note.Status = NoteStatus.PendingCosignature;
        note.CosignerId = attendingId;
        note.CosignDueBy = _clock.GetUtcNow().AddHours(24);
        await _notes.SaveAsync(note, ct);
    }

    public async Task<IReadOnlyList<DraftNote>> ForAttendingAsync(string attendingId, CancellationToken ct)
    {
        var pending = await _notes.ListByStatusAsync(NoteStatus.PendingCosignature, ct);
        return pending
            .Where(n => n.CosignerId == attendingId)
            .OrderBy(n => n.CosignDueBy)
            .ToList();
    }

    public async Task CosignAsync(Guid noteId, string attendingId, CancellationToken ct)
    {
        var note = await _notes.GetAsync(noteId, ct);
        note.Status = NoteStatus.Signed;
        note.SignedAt = _clock.GetUtcNow();
        note.SignedBy = attendingId;
        await _notes.SaveAsync(note, ct);
    }
}
