using System;
using System.Collections.Generic;
using System.Linq;
using Hl7.Fhir.Model;

namespace Larkspur.Patient.Portal.Charts;

public sealed record VitalPoint(DateTimeOffset When, string Code, decimal Value, string Unit);

/// <summary>
/// Turns the patient's record bundle into the blood pressure / weight trend chart on the portal home page.
/// The full record is still available on the Health Record tab; this only picks what the chart plots.
/// </summary>
public sealed class VitalsTrendService
{
    private static readonly HashSet<string> ChartedLoinc = new() { "29463-7", "8480-6", "8462-4", "8867-4" };

    public IReadOnlyList<VitalPoint> BuildTrend(Bundle record)
    {
        var vitals = record.Entry
            .Select(e => e.Resource)
            .OfType<Observation>()
            .Where(o => o.Category.Any(c => c.Coding.Any(cd => cd.Code == "vital-signs")));

        var points = new List<VitalPoint>();
        foreach (var obs in vitals)
        {
            var when = (obs.Effective as FhirDateTime)?.ToDateTimeOffset(TimeSpan.Zero);
            if (when is null)
            {
                continue;
            }

            foreach (var coding in obs.Code.Coding.Where(c => ChartedLoinc.Contains(c.Code)))
            {
                if (obs.Value is Quantity q && q.Value.HasValue)
                {
                    points.Add(new VitalPoint(when.Value, coding.Code, q.Value.Value, q.Unit));
                }
            }
        }

        return points.OrderBy(p => p.When).ToList();
    }
}
