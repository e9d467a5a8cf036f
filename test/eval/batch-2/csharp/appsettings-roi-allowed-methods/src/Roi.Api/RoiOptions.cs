namespace Roi.Api;

public sealed class RoiOptions
{
    public string[] AllowedMethods { get; set; } = Array.Empty<string>();
    public string QueueName { get; set; } = "";
}
