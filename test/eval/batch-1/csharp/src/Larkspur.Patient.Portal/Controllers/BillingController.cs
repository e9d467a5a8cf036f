using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Patient.Portal.Billing;
using Larkspur.Patient.Portal.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Stripe;

namespace Larkspur.Patient.Portal.Controllers;

/// <summary>
/// Pay a statement balance or a visit copay from the portal.
/// </summary>
[ApiController]
[Authorize]
[Route("portal/api/billing")]
public sealed class BillingController : ControllerBase
{
    private readonly IStatementRepository _statements;
    private readonly ICurrentPatient _currentPatient;
    private readonly PaymentIntentService _paymentIntents;

    public BillingController(IStatementRepository statements, ICurrentPatient currentPatient, PaymentIntentService paymentIntents)
    {
        _statements = statements;
        _currentPatient = currentPatient;
        _paymentIntents = paymentIntents;
    }

    [HttpPost("statements/{statementId}/pay")]
    public async Task<IActionResult> PayStatement(string statementId, CancellationToken ct)
    {
        var statement = await _statements.GetAsync(_currentPatient.PatientId, statementId, ct);
        if (statement is null)
        {
            return NotFound();
        }

        var intent = await _paymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = (long)(statement.BalanceDue * 100),
            Currency = "usd",
            Description = $"Statement {statement.Number} (guarantor {statement.GuarantorAccount})",
            Metadata = new Dictionary<string, string> { ["statementId"] = statement.Id, ["kind"] = "patient-balance" },
        }, cancellationToken: ct);

        return Ok(new { clientSecret = intent.ClientSecret });
    }

    [HttpPost("visits/{encounterId}/copay")]
    public async Task<IActionResult> PayCopay(string encounterId, CancellationToken ct)
    {
        var copay = await _statements.GetCopayAsync(_currentPatient.PatientId, encounterId, ct);
        var intent = await _paymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = (long)(copay.Amount * 100),
            Currency = "usd",
            Description = $"Copay for visit on {copay.VisitDate:d}",
        }, cancellationToken: ct);

        return Ok(new { clientSecret = intent.ClientSecret });
    }
}
