namespace Acme.Fhir.Quotas;

public class PatientApiQuotaOptions
{
    // ruleid: discriminatory-terms
    public int ThirdPartyAppDailyQuota { get; set; } = 100;

    // ok: discriminatory-terms
    public int DailyQuota { get; set; } = 10000;
}

public class QuotaPolicy
{
    public int PriorityFor(ClientApp app, Metrics metrics)
    {
        // ruleid: discriminatory-terms
        var priority = app.IsFirstParty ? 1 : 5;
        // ok: discriminatory-terms
        var weight = metrics.ErrorRate > 0.2 ? 5 : 1;
        return priority * weight;
    }
}
