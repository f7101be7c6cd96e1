namespace HelpPoint.Domain.Fleet;

/// <summary>Something wrong with a device that a branch's managers should know about, from when it was raised until it cleared.</summary>
public sealed class FleetAlert
{
    /// <summary>A help point or board has not been heard from during opening hours for longer than allowed.</summary>
    public const string DeviceSilent = "device-silent";

    public long Id { get; set; }

    public required string Branch { get; init; }

    public required string Device { get; init; }

    public required string Kind { get; init; }

    /// <summary>Last time the device was heard from (the start of the silence).</summary>
    public DateTimeOffset? Since { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }

    public DateTimeOffset? ClearedAt { get; set; }

    /// <summary>A sentence for people, e.g. "demo-hp-1 has been silent for 12 minutes during opening hours".</summary>
    public required string Message { get; init; }

    public bool IsOpen => ClearedAt is null;
}
