namespace HelpPoint.Domain.Devices;

/// <summary>A help point or ticket display registered to a branch, with its last reported health.</summary>
public sealed class Device
{
    public required string Id { get; init; }

    public required string Branch { get; set; }

    public DeviceKind Kind { get; set; }

    /// <summary>Hash of the device's MQTT secret; the secret itself is never stored.</summary>
    public required string SecretHash { get; set; }

    public bool Online { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public string? Firmware { get; set; }

    public long? UptimeS { get; set; }

    public int? Rssi { get; set; }

    public long? FreeHeap { get; set; }

    public int? Queued { get; set; }
}

/// <summary>What a device is: a help point with buttons, or a ticket display.</summary>
public enum DeviceKind
{
    HelpPoint,
    Board,
}
