namespace HelpPoint.Domain.Devices;

/// <summary>A device's heartbeat or last will, as reported on its <c>status</c> topic.</summary>
public sealed record DeviceStatus(bool Online, string? Firmware, long? UptimeS, int? Rssi, long? FreeHeap, int? Queued);
