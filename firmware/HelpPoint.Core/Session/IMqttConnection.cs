namespace HelpPoint.Core
{
    /// <summary>
    /// One MQTT client connection, as Core needs it. Calls block; the device calls them from its
    /// app loop only. Events arrive on the client library's own thread.
    /// </summary>
    public interface IMqttConnection
    {
        /// <summary>True while the broker connection is up.</summary>
        bool IsConnected { get; }

        /// <summary>Raised for every message on a subscribed topic.</summary>
        event MqttMessageHandler MessageReceived;

        /// <summary>Raised when an established connection goes down, for whatever reason.</summary>
        event MqttConnectionLostHandler ConnectionLost;

        /// <summary>
        /// Opens a clean session with the given credentials and a last will published with QoS 1.
        /// Returns false (never throws) when the broker is unreachable or refuses.
        /// </summary>
        bool Connect(string clientId, string user, string password, string willTopic, byte[] willPayload, bool willRetain);

        /// <summary>Publishes with QoS 1 and waits for the broker's PUBACK; false on timeout or error.</summary>
        bool Publish(string topic, byte[] payload, bool retain);

        /// <summary>Subscribes with QoS 1; false unless the broker granted every topic.</summary>
        bool Subscribe(string[] topics);

        /// <summary>Closes the connection; harmless when it is already closed.</summary>
        void Disconnect();
    }
}
