using System.Device.Wifi;
using HelpPoint.Core;
using nanoFramework.Networking;

namespace HelpPoint.Device
{
    /// <summary>Core's <see cref="IDeviceMetrics"/>: free managed heap and the Wi-Fi signal of the network joined.</summary>
    public sealed class DeviceMetrics : IDeviceMetrics
    {
        private readonly string _ssid;

        /// <summary>Reports the signal of <paramref name="ssid"/>.</summary>
        public DeviceMetrics(string ssid)
        {
            _ssid = ssid;
        }

        /// <inheritdoc/>
        public int Rssi
        {
            get
            {
                // The signal as seen by the last scan (the helper scans when it connects); 0 when unknown.
                WifiAdapter adapter = WifiNetworkHelper.WifiAdapter;
                if (adapter == null)
                {
                    return 0;
                }

                WifiAvailableNetwork[] networks = adapter.NetworkReport.AvailableNetworks;
                for (int i = 0; i < networks.Length; i++)
                {
                    if (networks[i].Ssid == _ssid)
                    {
                        return (int)networks[i].NetworkRssiInDecibelMilliwatts;
                    }
                }

                return 0;
            }
        }

        /// <inheritdoc/>
        public long FreeHeapBytes
        {
            get { return nanoFramework.Runtime.Native.GC.Run(false); }
        }
    }
}
