using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace HelpPoint.Device
{
    /// <summary>Joins the library's Wi-Fi. The radio then reconnects by itself; the MQTT session's backoff covers the gaps.</summary>
    public static class WifiLink
    {
        /// <summary>
        /// Connects with DHCP, waiting at most <paramref name="timeoutMs"/>; with <paramref name="needsClock"/>
        /// (TLS certificates) it also waits for SNTP time. False on timeout or error.
        /// </summary>
        public static bool Connect(string ssid, string password, bool needsClock, int timeoutMs)
        {
            var cancel = new CancellationTokenSource(timeoutMs);
            return WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, needsClock, 0, cancel.Token);
        }
    }
}
