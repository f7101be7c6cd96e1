using System.Device.Wifi;
using System.Threading;
using HelpPoint.Core;
using nanoFramework.Networking;

namespace HelpPoint.Device
{
    /// <summary>
    /// Joins the library's Wi-Fi for Core's <see cref="NetworkJoin"/>, which checks each result and
    /// retries with backoff. Once joined, the radio reconnects by itself; the MQTT session's backoff
    /// covers the gaps.
    /// </summary>
    public sealed class WifiLink : INetworkLink
    {
        private readonly string _ssid;
        private readonly string _password;
        private readonly bool _needsClock;
        private readonly int _timeoutMs;

        /// <summary>
        /// A link to <paramref name="ssid"/>; each attempt waits at most <paramref name="timeoutMs"/>, and
        /// with <paramref name="needsClock"/> (TLS certificates) also for SNTP time.
        /// </summary>
        public WifiLink(string ssid, string password, bool needsClock, int timeoutMs)
        {
            _ssid = ssid;
            _password = password;
            _needsClock = needsClock;
            _timeoutMs = timeoutMs;
        }

        /// <summary>Connects with DHCP; false on timeout or error (the helper's result, not assumed).</summary>
        public bool Join()
        {
            var cancel = new CancellationTokenSource(_timeoutMs);
            return WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, _needsClock, 0, cancel.Token);
        }
    }
}
