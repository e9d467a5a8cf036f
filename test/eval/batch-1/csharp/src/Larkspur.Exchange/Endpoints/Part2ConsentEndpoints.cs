using System.Threading;
using Larkspur.Exchange.Auditing;
using Larkspur.Exchange.Consent;
using Larkspur.Exchange.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Larkspur.Exchange.Endpoints;

/// <summary>
/// Retrieval of documents from the Part 2 substance-use treatment program by outside providers.
/// </summary>
public static class Part2ConsentEndpoints
{
    public static void MapPart2DocumentRetrieve(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exchange/part2/documents/{documentId}", async (
            string documentId,
            HttpContext http,
            IExchangeDocumentStore store,
            IPart2ConsentRegistry consents,
            IEhiAuditLog audit,
            ILogger<Part2DocumentLog> logger,
            CancellationToken ct) =>
        {
            var document = await store.FindAsync(documentId, ct);
            if (document is null)
            {
                return Results.NotFound();
            }

            var requester = http.User.FindFirst("organization")?.Value ?? "unknown";
            if (!await consents.HasWrittenConsentAsync(document.PatientId, requester, ct))
            {
                logger.LogWarning("Part 2 document {DocumentId} withheld from {Org}: no consent on file (HIPAA alone would have allowed treatment disclosure)", documentId, requester);
                await audit.AuditAsync("undocumented-denial", "required-by-law", "42 CFR Part 2 written consent not on file", ct);

                return Results.Json(new
                {
                    error = "consent_required",
                    message = "Records covered by 42 CFR Part 2 need the patient's written consent before they can be disclosed to your organization.",
                }, statusCode: StatusCodes.Status403Forbidden);
            }

            return Results.File(document.Content, document.ContentType, document.FileName);
        })
        .RequireAuthorization("ExchangePartner");
    }
}

public sealed class Part2DocumentLog
{
}
