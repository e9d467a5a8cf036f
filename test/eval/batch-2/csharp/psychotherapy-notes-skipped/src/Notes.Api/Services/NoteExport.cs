namespace Notes.Api.Services;

public static class NoteExport
{
    // Psychotherapy notes are held apart from the medical record (45 CFR 164.501) and are not EHI.
    public static IEnumerable<NoteDto> ReleasableNotes(IEnumerable<NoteDto> notes) =>
        notes.Where(n => !n.IsPsychotherapyNote);
}
