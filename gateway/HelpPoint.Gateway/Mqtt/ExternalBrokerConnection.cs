using System.Buffers;
using HelpPoint.Gateway.Notifications;
using MQTTnet;
using MQTTnet.Protocol;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// The gateway's MQTT client connection to an external broker, as the rest of the gateway uses it: publish tickets,
/// boards and config, and carry the live-update backplane. <see cref="ExternalBrokerClient"/> keeps it connected and
/// consumes device messages from it.
/// </summary>
public sealed class ExternalBrokerConnection : IMqttPublisher, IBackplaneTransport, IDisposable
{
    /// <summary>Topic of the live-update backplane; not a valid branch name, so it can never clash with a branch.</summary>
    public const string BackplaneTopic = "helppoint/v1/_gateways/events";

    public IMqttClient Client { get; } = new MqttClientFactory().CreateMqttClient();

    public bool IsReady => Client.IsConnected;

    public event Func<ReadOnlyMemory<byte>, Task>? BackplaneReceived;

    public async Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken = default)
    {
        var result = await Client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build(), cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            throw new InvalidOperationException($"the broker refused a publish to {topic}: {result.ReasonCode}");
        }
    }

    public Task PublishBackplaneAsync(byte[] payload, CancellationToken cancellationToken) =>
        Client.IsConnected
            ? Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(BackplaneTopic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build(), cancellationToken)
            : Task.CompletedTask;

    internal Task OnBackplaneAsync(MqttApplicationMessage message) =>
        BackplaneReceived is { } received ? received(message.Payload.ToArray()) : Task.CompletedTask;

    public void Dispose() => Client.Dispose();
}
