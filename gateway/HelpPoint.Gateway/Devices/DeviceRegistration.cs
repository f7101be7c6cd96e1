namespace HelpPoint.Gateway.Devices;

/// <summary>The provisioning record of a device id: who registered it, when its secret was last issued, and whether it was revoked.</summary>
public sealed class DeviceRegistration
{
    public required string DeviceId { get; init; }

    public required string Branch { get; set; }

    /// <summary><c>helppoint</c> or <c>board</c>; kept here so a revoked device (its device row gone) still shows what it was.</summary>
    public string Kind { get; set; } = "helppoint";

    public required DateTimeOffset RegisteredAt { get; set; }

    public required string RegisteredBy { get; set; }

    public required DateTimeOffset SecretIssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
