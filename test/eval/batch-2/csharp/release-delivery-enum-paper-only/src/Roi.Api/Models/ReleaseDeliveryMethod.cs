namespace Roi.Api.Models;

public enum ReleaseDeliveryMethod
{
    Fax,
    CertifiedMail,
    InPersonPickup,
}
