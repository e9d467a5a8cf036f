using Hl7.Fhir.Model;

namespace Example.Fhir;

public static class BundleShaper
{
    public static Bundle ForPatientApp(Bundle bundle)
    {
        // ruleid: data-class-filter
        bundle.Entry.RemoveAll(e => e.Resource is DocumentReference);
        // ok: data-class-filter
        bundle.Entry.RemoveAll(e => e.Resource is OperationOutcome);
        return bundle;
    }

    public static IEnumerable<Resource> Notes(IEnumerable<Resource> resources)
    {
        // ruleid: data-class-filter
        return resources.Where(r => r.TypeName != "DiagnosticReport");
    }

    public static int CountObservations(IEnumerable<Resource> resources)
    {
        // ok: data-class-filter
        return resources.Where(r => r.TypeName == "Observation").Count();
    }
}
