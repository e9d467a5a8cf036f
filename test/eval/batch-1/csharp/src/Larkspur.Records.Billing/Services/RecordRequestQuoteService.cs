using System;
using Larkspur.Records.Billing.Model;
using Microsoft.Extensions.Options;

namespace Larkspur.Records.Billing.Services;

public sealed class RecordRequestFeeOptions
{
    public const string Section = "RecordRequestFees";

    public decimal ElectronicCopyFee { get; set; }
    public string Currency { get; set; } = "USD";
    public int InvoiceDueDays { get; set; } = 30;
}

/// <summary>
/// Produces the quote shown when a patient requests an electronic copy of their record (download or email).
/// Fulfilment starts once the quote is paid.
/// </summary>
public sealed class RecordRequestQuoteService
{
    private readonly IOptionsSnapshot<RecordRequestFeeOptions> _fees;
    private readonly TimeProvider _clock;

    public RecordRequestQuoteService(IOptionsSnapshot<RecordRequestFeeOptions> fees, TimeProvider clock)
    {
        _fees = fees;
        _clock = clock;
    }

    public Quote QuoteElectronicCopy(RecordRequest request)
    {
        var fees = _fees.Value;

        return new Quote
        {
            RequestId = request.Id,
            PatientId = request.PatientId,
            Lines =
            {
                new QuoteLine("Electronic copy of health record", fees.ElectronicCopyFee),
            },
            Currency = fees.Currency,
            DueBy = _clock.GetUtcNow().AddDays(fees.InvoiceDueDays),
            FulfilOnPayment = true,
        };
    }
}
