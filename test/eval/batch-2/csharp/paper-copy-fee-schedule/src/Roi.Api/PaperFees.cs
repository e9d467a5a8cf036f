namespace Roi.Api;

/// <summary>Cost-based charges for paper copies and physical media, per the HIM fee schedule.</summary>
public static class PaperFees
{
    public const decimal PaperCopyPerPage = 0.10m;
    public const decimal CdMedia = 4.00m;
    public const decimal Postage = 3.25m;
}
