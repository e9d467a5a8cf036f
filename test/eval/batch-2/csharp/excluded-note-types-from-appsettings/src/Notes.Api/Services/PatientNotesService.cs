using Microsoft.Extensions.Options;

namespace Notes.Api.Services;

public sealed class NotesOptions
{
    public int PageSize { get; set; } = 25;
    public List<string> ExcludedNoteTypes { get; set; } = new();
}

public class PatientNotesService
{
    private readonly NotesOptions _options;
    private readonly INoteRepository _repo;

    public PatientNotesService(IOptions<NotesOptions> options, INoteRepository repo)
    {
        _options = options.Value;
        _repo = repo;
    }

    public async Task<List<NoteDto>> ForPatientAsync(string patientId)
    {
        var notes = await _repo.SignedNotesAsync(patientId);
        return notes.Where(n => !_options.ExcludedNoteTypes.Contains(n.LoincCode)).Select(NoteDto.From).ToList();
    }
}
