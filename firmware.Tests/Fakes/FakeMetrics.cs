using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>Health figures a test chooses.</summary>
    public sealed class FakeMetrics : IDeviceMetrics
    {
        /// <inheritdoc/>
        public int Rssi { get; set; } = -61;

        /// <inheritdoc/>
        public long FreeHeapBytes { get; set; } = 81234;
    }
}
