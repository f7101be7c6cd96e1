namespace HelpPoint.Core
{
    /// <summary>
    /// The provisioning file <c>config.json</c> as plain values, in the JSON's shape (property names match
    /// its keys case-insensitively): filled by nanoFramework.Json on a device, by Core's parser on .NET,
    /// and checked by <see cref="DeviceConfig.FromFile"/>. A null or 0 means "not in the file".
    /// </summary>
    public sealed class ProvisioningFile
    {
        /// <summary>The <c>wifi</c> object.</summary>
        public WifiSection Wifi { get; set; }

        /// <summary>The <c>mqtt</c> object.</summary>
        public MqttSection Mqtt { get; set; }

        /// <summary>The device id.</summary>
        public string Device { get; set; }

        /// <summary>The per-device secret.</summary>
        public string Secret { get; set; }

        /// <summary>The branch.</summary>
        public string Branch { get; set; }

        /// <summary>The display's default language, or null.</summary>
        public string Language { get; set; }

        /// <summary>True to keep the buzzer quiet.</summary>
        public bool Silent { get; set; }
    }
}
