namespace HelpPoint.Gateway.Mqtt;

/// <summary>The MQTT side of the gateway (configuration section <c>Mqtt</c>).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary>TCP port of the embedded broker. Default 1883.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address the embedded broker listens on. Default all interfaces, so help points on the library network reach it.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";
}
