using System.Buffers;
using System.Threading.Channels;
using HelpPoint.Gateway.Cluster;
using HelpPoint.Gateway.Notifications;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// External-broker mode: the gateway is an MQTT 5 client of Mosquitto/EMQX. Device messages arrive through shared
/// subscriptions (<c>$share/{group}/…</c>), so several gateways split them; each message is acknowledged only after
/// ingest stored it, so a gateway that dies mid-message leaves it to the broker to deliver again. Device authentication
/// and topic rules are the broker's (see docs/deployment.md); the gateway still checks that a topic names a known device
/// of that branch. Also carries the live-update backplane between gateways.
/// </summary>
public sealed class ExternalBrokerClient(
    IOptions<MqttOptions> options,
    DeviceDirectory directory,
    DeviceMessageHandler handler,
    IBranchOwnership ownership,
    DeviceMessageForwarder forwarder,
    GatewayMetrics metrics,
    StaffEventBus events,
    ExternalBrokerConnection connection,
    IServiceProvider services,
    ILogger<ExternalBrokerClient> logger) : BackgroundService
{
    private const string BackplaneTopic = ExternalBrokerConnection.BackplaneTopic;
    private static readonly string[] DeviceKinds = ["request", "cancel", "feedback", "status"];
    private readonly IMqttClient _client = connection.Client;
    private readonly TaskCompletionSource _firstConnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Channel<MqttApplicationMessageReceivedEventArgs>[] _lanes = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.Password))
        {
            throw new InvalidOperationException("Mqtt:Mode=external needs Mqtt:Password (the gateway's own broker user)");
        }

        _lanes = Enumerable.Range(0, Math.Max(1, o.Workers))
            .Select(_ => Channel.CreateBounded<MqttApplicationMessageReceivedEventArgs>(new BoundedChannelOptions(1000) { SingleReader = true }))
            .ToArray();
        _client.ApplicationMessageReceivedAsync += ReceiveAsync;
        events.Attach(connection);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);

        // Startup waits (bounded) for the first connection, so that "ready" means ready.
        await Task.WhenAny(_firstConnect.Task, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken)).ConfigureAwait(false);
        if (!_firstConnect.Task.IsCompleted)
        {
            logger.LogWarning("Not connected to the broker at {Host}:{Port} yet; still trying", o.Host, o.Port);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = _lanes.Select(lane => Task.Run(() => WorkAsync(lane, stoppingToken), stoppingToken)).ToArray();
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    var sessionPresent = await ConnectAsync(stoppingToken).ConfigureAwait(false);
                    delay = TimeSpan.FromSeconds(1);
                    if (_firstConnect.Task.IsCompleted && !sessionPresent)
                    {
                        // The broker came back without our session: it may also have lost its retained messages.
                        await services.GetRequiredService<DeviceStateRepublisher>().RepublishAsync(stoppingToken).ConfigureAwait(false);
                    }

                    _firstConnect.TrySetResult();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Broker connection failed ({Message}); retrying in {Delay}", ex.Message, delay);
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                    delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
                    continue;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken).ConfigureAwait(false);
        }

        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Connects and subscribes; returns whether the broker still had this gateway's session.</summary>
    private async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(o.Host, o.Port)
            .WithCredentials(o.Username, o.Password)
            .WithClientId(o.ClientId ?? $"helppoint-gateway-{Environment.MachineName}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            // A persistent session: messages in flight to this gateway survive its reconnects.
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (o.UseTls)
        {
            builder.WithTlsOptions(t => t.UseTls());
        }

        var result = await _client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the gateway: {result.ResultCode}");
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var kind in DeviceKinds)
        {
            subscribe.WithTopicFilter(f => f.WithTopic($"$share/{o.SharedGroup}/helppoint/v1/+/+/{kind}").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        subscribe.WithTopicFilter(f => f.WithTopic(BackplaneTopic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).WithNoLocal());
        var subscribed = await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        var refused = subscribed.Items.Where(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException($"the broker refused subscriptions: {string.Join(", ", refused.Select(i => $"{i.TopicFilter.Topic} ({i.ResultCode})"))}");
        }

        logger.LogInformation("Connected to the broker at {Host}:{Port} as {Client} (session present: {Present})", o.Host, o.Port, o.ClientId, result.IsSessionPresent);
        return result.IsSessionPresent;
    }

    private async Task ReceiveAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (topic == BackplaneTopic)
        {
            await connection.OnBackplaneAsync(e.ApplicationMessage).ConfigureAwait(false);
            return;
        }

        // Acknowledged by a worker after ingest stored it; per-device order is kept by always using the device's lane.
        e.AutoAcknowledge = false;
        Topics.TryParseDeviceTopic(topic, out _, out var device, out _);
        var lane = _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(device) % (uint)_lanes.Length)];
        await lane.Writer.WriteAsync(e).ConfigureAwait(false);
    }

    private async Task WorkAsync(Channel<MqttApplicationMessageReceivedEventArgs> lane, CancellationToken stoppingToken)
    {
        await foreach (var e in lane.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                if (await HandleAsync(e, stoppingToken).ConfigureAwait(false))
                {
                    await e.AcknowledgeAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not acknowledged. Reconnecting makes the broker send the unacknowledged message again.
                metrics.Count("ingest_failed");
                logger.LogError(ex, "Could not handle {Topic}; reconnecting so the broker delivers it again", e.ApplicationMessage.Topic);
                try
                {
                    await _client.DisconnectAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Already disconnected.
                }
            }
        }
    }

    private async Task<bool> HandleAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken cancellationToken)
    {
        var topic = e.ApplicationMessage.Topic;
        if (!Topics.TryParseDeviceTopic(topic, out var branch, out var deviceId, out var kind))
        {
            metrics.Count("mqtt_refused_publish");
            logger.LogWarning("Ignored a message on {Topic}: not a device topic", topic);
            return true;
        }

        var device = await directory.FindAsync(deviceId, cancellationToken).ConfigureAwait(false);
        if (device is null || device.Branch != branch || !Topics.MayPublish(device, topic, out _))
        {
            // The broker's ACL should have stopped this; it is logged and counted, never acted upon.
            metrics.Count("mqtt_refused_publish");
            logger.LogWarning("Ignored {Kind} on {Topic}: {Why}", kind, topic, device is null ? "unknown device" : "not this device's topic");
            return true;
        }

        var payload = e.ApplicationMessage.Payload.ToArray();
        if (ownership.IsShared && !ownership.Owns(device.Branch) && await forwarder.ForwardAsync(device, kind, payload, cancellationToken).ConfigureAwait(false))
        {
            // Stored by the gateway that runs the branch.
            return true;
        }

        try
        {
            await handler.HandleAsync(device, kind, payload, cancellationToken).ConfigureAwait(false);
        }
        catch (BranchElsewhereException)
        {
            // The branch moved away while this message waited.
            if (!await forwarder.ForwardAsync(device, kind, payload, cancellationToken).ConfigureAwait(false))
            {
                await handler.HandleAsync(device, kind, payload, cancellationToken).ConfigureAwait(false);
            }
        }

        return true;
    }
}
