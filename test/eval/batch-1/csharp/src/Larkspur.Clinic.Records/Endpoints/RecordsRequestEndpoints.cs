using System;
using System.Threading;
using Larkspur.Clinic.Records.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Larkspur.Clinic.Records.Endpoints;

public enum DeliveryMethod
{
    Fax,
    Mail,
    Direct,
    Email,
    FhirApi,
    PortalDownload,
}

public sealed record ClinicRecordsRequest(
    Guid PatientId,
    string RequesterName,
    DeliveryMethod Delivery,
    string? FaxNumber,
    string? MailingAddress,
    string? ElectronicAddress);

public static class ClinicRecordsEndpoints
{
    public static void MapClinicRecordsRequests(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/clinic/records-requests", async (ClinicRecordsRequest req, IRecordsRequestQueue queue, CancellationToken ct) =>
        {
            if (req.Delivery is DeliveryMethod.Direct or DeliveryMethod.Email or DeliveryMethod.FhirApi or DeliveryMethod.PortalDownload)
            {
                return Results.UnprocessableEntity(new
                {
                    error = "electronic_delivery_unavailable",
                    message = "Records can be sent by fax or mail only. Please choose one of those options.",
                });
            }

            if (req.Delivery == DeliveryMethod.Fax && string.IsNullOrWhiteSpace(req.FaxNumber))
            {
                return Results.BadRequest(new { error = "fax_number_required" });
            }

            var ticket = await queue.EnqueueAsync(req, ct);
            return Results.Accepted($"/api/clinic/records-requests/{ticket}", new { ticket });
        })
        .RequireAuthorization("FrontDesk")
        .WithName("CreateClinicRecordsRequest");
    }
}
