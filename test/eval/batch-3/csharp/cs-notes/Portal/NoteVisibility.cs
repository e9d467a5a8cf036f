namespace Clinic.Portal;

public static class NoteVisibility
{
    public const int NoteEmbargoDays = 7;

    public static bool IsVisibleToPatient(ClinicalNote note) =>
        note.SignedAt.AddDays(NoteEmbargoDays) <= DateTime.UtcNow;
}

public record ClinicalNote(string Id, DateTime SignedAt);
