using Hl7.Fhir.Model;

namespace Fhir.Facade;

public static class BundleExtensions
{
    public static Bundle WithoutOutcomes(this Bundle bundle)
    {
        bundle.Entry = bundle.Entry.Where(e => e.Resource is not OperationOutcome).ToList();
        return bundle;
    }
}
