using Hl7.Fhir.Model;

namespace Portal.Fhir;

public class TimelineBuilder
{
    public Bundle Build(Bundle chart)
    {
        chart.Entry.RemoveAll(e => PortalVisibility.HiddenResourceTypes.Contains(e.Resource.TypeName));
        chart.Total = chart.Entry.Count;
        return chart;
    }
}
