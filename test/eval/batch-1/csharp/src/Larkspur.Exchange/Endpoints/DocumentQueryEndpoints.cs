using System.Linq;
using System.Threading;
using Larkspur.Exchange.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Larkspur.Exchange.Endpoints;

/// <summary>
/// Document retrieve for participants of the regional exchange (treatment purpose of use).
/// </summary>
public static class DocumentQueryEndpoints
{
    private static readonly string[] BehavioralHealthSettings = { "behavioral-health", "psychiatry", "addiction-medicine" };

    public static void MapDocumentQuery(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exchange/documents/{documentId}", async (string documentId, HttpContext http, IExchangeDocumentStore store, CancellationToken ct) =>
        {
            var document = await store.FindAsync(documentId, ct);
            if (document is null)
            {
                return Results.NotFound();
            }

            var requesterOrg = http.User.FindFirst("organization")?.Value;
            var isExternal = requesterOrg is not null && !requesterOrg.StartsWith("urn:oid:2.16.840.1.113883.3.9871");

            if (isExternal && BehavioralHealthSettings.Contains(document.PracticeSetting))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return Results.File(document.Content, document.ContentType, document.FileName);
        })
        .RequireAuthorization("ExchangePartner");
    }
}
