using System.Linq;
using Example.Patient.Api.Fhir;
using Hl7.Fhir.Model;

namespace Example.Patient.Api.Services;

public sealed class RecordBundleService
{
    public Bundle Shape(Bundle everything)
    {
        // ruleid: data-class-filter
        var released = everything.Entry.Where(e => e.Resource is not null && PatientAccessTypes.Released.Contains(e.Resource.TypeName)).ToList();
        return new Bundle { Type = Bundle.BundleType.Searchset, Total = released.Count, Entry = released };
    }

    public Bundle WithoutEnvelopes(Bundle everything)
    {
        // ok: data-class-filter
        var entries = everything.Entry.Where(e => !PatientAccessTypes.Envelopes.Contains(e.Resource.TypeName)).ToList();
        return new Bundle { Entry = entries };
    }

    public int ReleasedCount(Bundle everything)
    {
        // ok: data-class-filter
        return everything.Entry.Where(e => PatientAccessTypes.Released.Contains(e.Resource.TypeName)).Count();
    }
}
