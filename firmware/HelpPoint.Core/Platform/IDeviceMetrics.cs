namespace HelpPoint.Core
{
    /// <summary>Health figures the platform can measure, reported in the status heartbeat.</summary>
    public interface IDeviceMetrics
    {
        /// <summary>Wi-Fi signal strength in dBm (negative; 0 when unknown).</summary>
        int Rssi { get; }

        /// <summary>Free managed heap in bytes.</summary>
        long FreeHeapBytes { get; }
    }
}
