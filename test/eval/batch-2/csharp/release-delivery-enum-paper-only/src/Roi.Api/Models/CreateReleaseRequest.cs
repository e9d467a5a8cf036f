using System.ComponentModel.DataAnnotations;

namespace Roi.Api.Models;

public record CreateReleaseRequest(
    [Required] string PatientMrn,
    [Required] string RequesterName,
    [Required] ReleaseDeliveryMethod Delivery,
    DateOnly? From,
    DateOnly? To);
