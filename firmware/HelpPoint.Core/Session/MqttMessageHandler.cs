namespace HelpPoint.Core
{
    /// <summary>
    /// A message arrived. <paramref name="retained"/> is the MQTT retain flag as delivered: true when
    /// the broker replays a stored message because of a new subscription, false for a live one.
    /// </summary>
    public delegate void MqttMessageHandler(string topic, byte[] payload, bool retained);
}
