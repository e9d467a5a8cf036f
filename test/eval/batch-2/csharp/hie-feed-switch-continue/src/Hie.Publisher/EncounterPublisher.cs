using Hl7.Fhir.Model;

namespace Hie.Publisher;

public class EncounterPublisher
{
    private readonly IHieClient _hie;

    public EncounterPublisher(IHieClient hie) => _hie = hie;

    public async Task PublishAsync(Bundle encounterBundle)
    {
        var outgoing = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var entry in encounterBundle.Entry)
        {
            switch (entry.Resource)
            {
                case DocumentReference:
                case Media:
                    continue;
            }
            outgoing.Entry.Add(entry);
        }
        await _hie.SendAsync(outgoing);
    }
}
