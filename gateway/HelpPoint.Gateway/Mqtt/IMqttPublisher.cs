namespace HelpPoint.Gateway.Mqtt;

/// <summary>Publishes the gateway's own messages (tickets, boards, config) to devices, QoS 1.</summary>
public interface IMqttPublisher
{
    /// <summary>True when messages can be published (the broker runs, or the connection to it is up).</summary>
    bool IsReady { get; }

    Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken = default);
}
