namespace HelpPoint.Gateway.Notifications;

/// <summary>Carries live-update events between gateway instances (external-broker mode: an MQTT topic only gateways may use).</summary>
public interface IBackplaneTransport
{
    Task PublishBackplaneAsync(byte[] payload, CancellationToken cancellationToken);

    event Func<ReadOnlyMemory<byte>, Task>? BackplaneReceived;
}
