namespace HelpPoint.Core
{
    /// <summary>An established MQTT connection went down.</summary>
    public delegate void MqttConnectionLostHandler();
}
