namespace HelpPoint.Core
{
    /// <summary>The device's network (Wi-Fi on an ESP32), as <see cref="NetworkJoin"/> sees it.</summary>
    public interface INetworkLink
    {
        /// <summary>Tries once to join, blocking at most the adapter's own timeout; true when the device has an address (and, if needed, the time).</summary>
        bool Join();
    }
}
