using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Larkspur.Patient.Apps.Consent;

namespace Larkspur.Patient.Apps.Services;

/// <summary>
/// Applies the choices a patient made on the "Connected apps" page: for each app they authorised,
/// they can untick data they do not want that app to receive. Nothing is removed unless the patient chose it.
/// </summary>
public sealed class AppSharingPreferenceFilter
{
    private readonly IAppSharingPreferenceStore _preferences;

    public AppSharingPreferenceFilter(IAppSharingPreferenceStore preferences) => _preferences = preferences;

    public async Task<Bundle> ApplyAsync(string patientId, string clientId, Bundle bundle, CancellationToken ct)
    {
        AppSharingPreference? preference = await _preferences.FindAsync(patientId, clientId, ct);
        if (preference is null || preference.ExcludedResourceTypes.Count == 0)
        {
            return bundle;
        }

        // The patient's own request not to share (recorded with the time and the page they used).
        HashSet<string> excludedByPatient = preference.ExcludedResourceTypes.ToHashSet();
        bundle.Entry.RemoveAll(e => e.Resource is not null && excludedByPatient.Contains(e.Resource.TypeName));

        bundle.Total = bundle.Entry.Count;
        bundle.Meta ??= new Meta();
        bundle.Meta.Tag.Add(new Coding("https://fhir.larkspurhealth.org/CodeSystem/sharing", "patient-preference-applied"));
        return bundle;
    }
}
