namespace HelpPoint.Core
{
    /// <summary>The <c>mqtt</c> object of <see cref="ProvisioningFile"/>.</summary>
    public sealed class MqttSection
    {
        /// <summary>Broker host name or address.</summary>
        public string Host { get; set; }

        /// <summary>Broker TCP port; 0 when not given (then 1883, or 8883 with TLS).</summary>
        public int Port { get; set; }

        /// <summary>True to connect with TLS.</summary>
        public bool Tls { get; set; }
    }
}
