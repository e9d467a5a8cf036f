using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Larkspur.Exchange.Auditing;
using Larkspur.Exchange.Consent;

namespace Larkspur.Exchange.Services;

/// <summary>
/// Removes records created by the Larkspur Recovery Center (a federally assisted SUD program) from bundles
/// sent to outside providers unless the patient's Part 2 consent covers the recipient.
/// </summary>
public sealed class Part2RecordSegmenter
{
    private const string ProgramCategorySystem = "https://fhir.larkspurhealth.org/CodeSystem/document-category";
    private const string Part2ProgramCategory = "part2-sud-program";

    private readonly IPart2ConsentRegistry _consents;
    private readonly IEhiAuditLog _audit;

    public Part2RecordSegmenter(IPart2ConsentRegistry consents, IEhiAuditLog audit)
    {
        _consents = consents;
        _audit = audit;
    }

    public async Task<Bundle> SegmentAsync(Bundle bundle, string patientId, string recipientOrg, CancellationToken ct)
    {
        if (await _consents.CoversRecipientAsync(patientId, recipientOrg, ct))
        {
            return bundle;
        }

        await _audit.AuditAsync("data-class-filter", "required-by-law", "Part 2 program documents withheld: no consent covering recipient", ct);

        // ehi-exception: required-by-law
        //   reason: Documents from the Part 2 SUD program may not be disclosed without written consent naming the recipient
        //   law: 42 CFR Part 2 (42 CFR 2.31, 2.33)
        //   owner: privacy-office
        //   review-by: 2027-12-31
        bundle.Entry.RemoveAll(e => e.Resource is DocumentReference doc
            && doc.Category.Any(c => c.Coding.Any(cd => cd.System == ProgramCategorySystem && cd.Code == Part2ProgramCategory)));

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }
}
