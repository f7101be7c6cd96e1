namespace HelpPoint.Gateway.Mqtt;

/// <summary>A device's message after parsing: one of the valid kinds, or a rejection with the reason the contract names.</summary>
public abstract record DeviceMessage;

/// <summary>A <c>request</c> message.</summary>
public sealed record RequestMessage(string Id, string Category, string? Lang, long AgeMs) : DeviceMessage;

/// <summary>A <c>cancel</c> message.</summary>
public sealed record CancelMessage(string Id) : DeviceMessage;

/// <summary>A <c>feedback</c> message.</summary>
public sealed record FeedbackMessage(string Id, int Score) : DeviceMessage;

/// <summary>A <c>status</c> message (heartbeat or last will).</summary>
public sealed record StatusMessage(bool Online, string? Firmware, long? UptimeS, int? Rssi, long? FreeHeap, int? Queued) : DeviceMessage;

/// <summary>An invalid message: the request id if one could be read, and why it was refused.</summary>
public sealed record RejectedMessage(string? Id, string Reason) : DeviceMessage;
