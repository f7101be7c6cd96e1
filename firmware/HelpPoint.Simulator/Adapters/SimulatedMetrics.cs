using HelpPoint.Core;

namespace HelpPoint.Simulator.Adapters;

/// <summary>Plausible ESP32 health figures for the status heartbeat: a fair Wi-Fi signal and a 100 KiB heap.</summary>
public sealed class SimulatedMetrics : IDeviceMetrics
{
    /// <inheritdoc/>
    public int Rssi => -55 - Random.Shared.Next(10);

    /// <inheritdoc/>
    public long FreeHeapBytes => 80000 + Random.Shared.Next(4096);
}
