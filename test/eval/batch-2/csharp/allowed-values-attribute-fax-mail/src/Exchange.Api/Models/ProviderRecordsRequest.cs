using System.ComponentModel.DataAnnotations;

namespace Exchange.Api.Models;

public class ProviderRecordsRequest
{
    [Required, StringLength(10, MinimumLength = 10)]
    public string RequestingNpi { get; set; } = "";

    [Required]
    public string PatientMrn { get; set; } = "";

    [AllowedValues("fax", "mail")]
    public string DeliveryMethod { get; set; } = "fax";

    public string? FaxNumber { get; set; }
}
