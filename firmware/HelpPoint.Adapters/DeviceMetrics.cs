using System;
using System.Device.Wifi;
using HelpPoint.Core;
using nanoFramework.Networking;

namespace HelpPoint.Device
{
    /// <summary>
    /// Core's <see cref="IDeviceMetrics"/>: the Wi-Fi signal of the network joined and the free managed heap,
    /// both sampled now and then rather than on every read.
    /// </summary>
    public sealed class DeviceMetrics : IDeviceMetrics
    {
        // A scan costs the radio a few hundred milliseconds, a GC a pause of the app loop: the heartbeat runs every minute.
        private const int ScanEveryMs = 5 * 60 * 1000;
        private const int HeapEveryMs = 10 * 60 * 1000;

        private readonly string _ssid;
        private WifiAdapter _adapter;
        private int _rssi;
        private long _nextScanMs;
        private long _freeHeap;
        private long _nextHeapMs;

        /// <summary>Reports the signal of <paramref name="ssid"/>.</summary>
        public DeviceMetrics(string ssid)
        {
            _ssid = ssid;
        }

        /// <inheritdoc/>
        /// <remarks>
        /// nanoFramework exposes no RSSI of the access point the station is associated with, so this is the
        /// strongest access point of the joined SSID in the adapter's own scan, started here every five minutes
        /// (0 until the first scan has completed).
        /// </remarks>
        public int Rssi
        {
            get
            {
                long now = Environment.TickCount64;
                if (now >= _nextScanMs)
                {
                    _nextScanMs = now + ScanEveryMs;
                    StartScan();
                }

                return _rssi;
            }
        }

        /// <inheritdoc/>
        /// <remarks>A non-compacting collection at most every ten minutes; in between the last figure.</remarks>
        public long FreeHeapBytes
        {
            get
            {
                long now = Environment.TickCount64;
                if (_freeHeap == 0 || now >= _nextHeapMs)
                {
                    _nextHeapMs = now + HeapEveryMs;
                    _freeHeap = nanoFramework.Runtime.Native.GC.Run(false);
                }

                return _freeHeap;
            }
        }

        private void StartScan()
        {
            try
            {
                if (_adapter == null)
                {
                    WifiAdapter adapter = WifiNetworkHelper.WifiAdapter;
                    if (adapter == null)
                    {
                        return;
                    }

                    adapter.AvailableNetworksChanged += OnScanned;
                    _adapter = adapter;
                }

                _adapter.ScanAsync();
            }
            catch (Exception)
            {
                // The radio is busy (connecting): the next heartbeat after the interval tries again.
            }
        }

        private void OnScanned(WifiAdapter sender, object e)
        {
            WifiAvailableNetwork[] networks = sender.NetworkReport.AvailableNetworks;
            int best = 0;
            for (int i = 0; i < networks.Length; i++)
            {
                int rssi = (int)networks[i].NetworkRssiInDecibelMilliwatts;
                if (networks[i].Ssid == _ssid && (best == 0 || rssi > best))
                {
                    best = rssi;
                }
            }

            _rssi = best;
        }
    }
}
