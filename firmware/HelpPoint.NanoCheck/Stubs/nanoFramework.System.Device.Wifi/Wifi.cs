// Stub of nanoFramework.System.Device.Wifi 1.5.149 (assembly System.Device.Wifi): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/System.Device.Wifi at v1.5.147 (commit 282a90676d5b2b7fa583a4efeb47ec5cac77fa0e).
// (The newest commit when compared, tagged two builds before the package version.)
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual
    }

    public delegate void AvailableNetworksChangedEventHandler(WifiAdapter sender, object e);

    public sealed class WifiAdapter : IDisposable
    {
        internal WifiAdapter() => throw null;
        public event AvailableNetworksChangedEventHandler AvailableNetworksChanged;
        public WifiNetworkReport NetworkReport => throw null;
        public static WifiAdapter[] FindAllAdapters() => throw null;
        public void Disconnect() => throw null;
        public void ScanAsync() => throw null;
        public void Dispose() => throw null;
    }

    public class WifiNetworkReport
    {
        internal WifiNetworkReport() => throw null;
        public WifiAvailableNetwork[] AvailableNetworks => throw null;
    }

    public class WifiAvailableNetwork
    {
        public string Bsid => throw null;
        public string Ssid => throw null;
        public double NetworkRssiInDecibelMilliwatts => throw null;
        public byte SignalBars => throw null;
    }
}

namespace nanoFramework.Networking
{
    using System.Device.Wifi;
    using System.Threading;

    public static class WifiNetworkHelper
    {
        public static ManualResetEvent NetworkReady => throw null;
        public static WifiAdapter WifiAdapter => throw null;
        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default) => throw null;
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;
        public static void Disconnect() => throw null;
    }
}
