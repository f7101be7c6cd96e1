using System.Collections;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>Publishes the gateway's messages by injecting them into the embedded broker (no network hop, not subject to device rules).</summary>
public sealed class EmbeddedBrokerPublisher : IMqttPublisher
{
    /// <summary>Session item that marks a message as the gateway's own.</summary>
    public const string GatewayKey = "helppoint.gateway";
    private const string GatewayClientId = "helppoint-gateway";

    private readonly Hashtable _gatewaySessionItems = new() { [GatewayKey] = true };
    private volatile MqttServer? _server;

    public bool IsReady => _server?.IsStarted == true;

    internal void Attach(MqttServer server) => _server = server;

    internal void Detach() => _server = null;

    public Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken = default)
    {
        var server = _server ?? throw new InvalidOperationException("the embedded broker is not running");
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        return server.InjectApplicationMessage(
            new InjectedMqttApplicationMessage(message) { SenderClientId = GatewayClientId, CustomSessionItems = _gatewaySessionItems },
            cancellationToken);
    }
}
