using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using HelpPoint.Domain.Devices;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// The broker inside the gateway (MQTTnet): authenticates devices, enforces the contract's topic rules, and hands device
/// messages to ingest before the broker acknowledges them — so an acknowledged request is always stored.
/// </summary>
public sealed class EmbeddedBroker(
    IOptions<MqttOptions> options,
    DeviceDirectory directory,
    DeviceMessageHandler handler,
    IDeviceStore deviceStore,
    GatewayMetrics metrics,
    TimeProvider time,
    EmbeddedBrokerPublisher publisher,
    HelpPoint.Gateway.Alerts.ThrottleAlerts alerts,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private readonly DeviceRateLimiter _limiter = new(time, options.Value.RateLimit);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastThrottleLog = new(StringComparer.Ordinal);

    private const string DeviceKey = "helppoint.device";

    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);

    // Client id → the device whose connection last used it (the session's owner), and identities between CONNECT and connected.
    private readonly ConcurrentDictionary<string, string> _sessionOwners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeviceIdentity> _validated = new(StringComparer.Ordinal);
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!IPAddress.TryParse(o.BindAddress, out var address))
        {
            throw new InvalidOperationException($"Mqtt:BindAddress '{o.BindAddress}' is not an IP address");
        }

        var builder = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(address)
            .WithDefaultEndpointPort(o.Port)
            .WithPersistentSessions();
        if (o.Tls.Enabled)
        {
            builder.WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(address)
                .WithEncryptedEndpointPort(o.Tls.Port)
                .WithEncryptionCertificate(TlsCertificate.Load(o.Tls))
                .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
        }

        var serverOptions = builder.Build();

        // Each connection has its own packet writer: device messages are a few hundred bytes, so start small (it grows for a
        // big board and shrinks back after) instead of 4 KiB per connection — 40 MB for ten thousand help points.
        serverOptions.WriterBufferSize = 256;
        serverOptions.WriterBufferSizeMax = 8192;
        if (address.Equals(IPAddress.Any))
        {
            serverOptions.DefaultEndpointOptions.BoundInterNetworkV6Address = IPAddress.IPv6Any;
        }
        else
        {
            serverOptions.DefaultEndpointOptions.BoundInterNetworkV6Address = IPAddress.None;
        }

        var server = new MqttServerFactory().CreateMqttServer(serverOptions);
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        server.ClientConnectedAsync += ClientConnectedAsync;
        server.ClientDisconnectedAsync += ClientDisconnectedAsync;
        server.ClientUnsubscribedTopicAsync += e =>
        {
            publisher.Unsubscribed(e.ClientId, e.TopicFilter);
            return Task.CompletedTask;
        };
        server.SessionDeletedAsync += e =>
        {
            publisher.SessionDeleted(e.Id, e.SessionItems);
            return Task.CompletedTask;
        };
        await server.StartAsync().ConfigureAwait(false);
        _server = server;
        publisher.Attach(server);
        logger.LogInformation("Embedded MQTT broker listening on {Address}:{Port}{Tls}", address, o.Port, o.Tls.Enabled ? $" and TLS {o.Tls.Port}" : "");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        publisher.Detach();
        if (_server is { } server)
        {
            await server.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            server.Dispose();
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        // Failed attempts are limited per address, before any secret is checked; only a device's own authenticated
        // connections count against its connection limit, so nobody can keep a device out by failing in its name.
        var address = (e.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? e.RemoteEndPoint?.ToString() ?? "unknown";
        if (!_limiter.MayTryFrom(address))
        {
            e.ReasonCode = MqttConnectReasonCode.QuotaExceeded;
            Throttled(address, "failed connections");
            return;
        }

        var device = await directory.AuthenticateAsync(e.UserName, e.Password, e.CancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            _limiter.FailedFrom(address);
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            metrics.Count("mqtt_auth_failed");
            logger.LogWarning("MQTT connection refused for user {User} from {Endpoint}: bad user name or secret", e.UserName ?? "(none)", e.RemoteEndPoint);
            return;
        }

        if (!_limiter.TryConnect(device.Id))
        {
            e.ReasonCode = MqttConnectReasonCode.QuotaExceeded;
            Throttled(device.Id, "connections");
            alerts.Throttled(device, "connections");
            return;
        }

        if (!ClientIdAssignment.EnsureClientId(e, device.Id, out var clientId))
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            logger.LogWarning("MQTT connection of {Device} refused: an empty client id needs a clean session", device.Id);
            return;
        }

        if (!await OwnsClientIdAsync(device, clientId, e.CancellationToken).ConfigureAwait(false))
        {
            // A client id names a session: with another device's id this connection would resume or take over its session.
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            metrics.Count("mqtt_refused_client_id");
            logger.LogWarning("MQTT connection of {Device} from {Endpoint} refused: client id {ClientId} is not {Device} or {Device}-suffix", device.Id, e.RemoteEndPoint, clientId, device.Id, device.Id);
            return;
        }

        if (_sessionOwners.TryGetValue(clientId, out var owner) && owner != device.Id && !ClientIdAssignment.ForceCleanSession(e))
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            return;
        }

        // Only a new session takes these items; a resumed one keeps its own, so ClientConnectedAsync puts this identity there too.
        e.SessionItems[DeviceKey] = device;
        _validated[clientId] = device;
    }

    /// <summary>Is <paramref name="clientId"/> this device's (its id, or its id-suffix, and no longer device id spells it)?</summary>
    private async Task<bool> OwnsClientIdAsync(DeviceIdentity device, string clientId, CancellationToken cancellationToken)
    {
        if (!ClientIds.HasOwnerPrefix(device.Id, clientId))
        {
            return false;
        }

        foreach (var other in ClientIds.MoreSpecificOwners(device.Id, clientId))
        {
            if (await directory.FindAsync(other, cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The device of this connection: set at CONNECT from its credentials, and it must be the connection's user.</summary>
    private static DeviceIdentity? DeviceOf(IDictionary items, string? userName) =>
        items[DeviceKey] is DeviceIdentity device && device.Id == userName ? device : null;

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (DeviceOf(e.SessionItems, e.UserName) is not { } device)
        {
            e.ProcessPublish = false;
            e.CloseConnection = true;
            return;
        }

        var topic = e.ApplicationMessage.Topic;
        if (!Topics.MayPublish(device, topic, out var kind))
        {
            metrics.Count("mqtt_refused_publish");
            logger.LogWarning("Device {Device} may not publish to {Topic}: refused", device.Id, topic);
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;

            // MQTT 3.1.1 has no way to refuse a publish; the contract says: close the connection.
            e.CloseConnection = !SpeaksMqtt5(e.ClientId);
            return;
        }

        // Nobody but the gateway reads device topics, so the broker need not fan them out or retain them.
        e.ProcessPublish = false;
        if (!_limiter.TryMessage(device.Id))
        {
            // Refused unprocessed: MQTT 5 says why; MQTT 3.1.1 cannot, so the connection is closed (and reconnects are limited too).
            e.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
            e.CloseConnection = !SpeaksMqtt5(e.ClientId);
            Throttled(device.Id, "messages");
            alerts.Throttled(device, "messages");
            return;
        }

        var payload = e.ApplicationMessage.Payload;
        var bytes = payload.IsSingleSegment ? payload.First : payload.ToArray();
        try
        {
            await handler.HandleAsync(device, kind, bytes, e.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not acknowledged: closing the connection makes the device send it again after reconnecting.
            metrics.Count("ingest_failed");
            logger.LogError(ex, "Could not handle {Kind} from {Device}; closing its connection so it is sent again", kind, device.Id);
            e.CloseConnection = true;
        }
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (DeviceOf(e.SessionItems, e.UserName) is { } device && Topics.MaySubscribe(device, e.TopicFilter.Topic))
        {
            // Known before the subscription takes effect, so no ticket published meanwhile is missed (see EmbeddedBrokerPublisher).
            publisher.Subscribing(e.ClientId, e.SessionItems, e.TopicFilter);
            return Task.CompletedTask;
        }

        var who = (e.SessionItems[DeviceKey] as DeviceIdentity)?.Id ?? e.UserName ?? "(unknown)";
        metrics.Count("mqtt_refused_subscribe");
        logger.LogWarning("Device {Device} may not subscribe to {Filter}: refused", who, e.TopicFilter.Topic);
        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        return Task.CompletedTask;
    }

    private Task ClientConnectedAsync(ClientConnectedEventArgs e)
    {
        // Runs before the connection's first packet is processed. A resumed session still carries the items of the connection
        // that created it: replace them with the identity this connection authenticated as.
        if (_validated.TryRemove(e.ClientId, out var device) && device.Id == e.UserName)
        {
            e.SessionItems[DeviceKey] = device;
            _sessionOwners[e.ClientId] = device.Id;
            _connections.AddOrUpdate(device.Id, 1, (_, n) => n + 1);
            _protocol[e.ClientId] = e.ProtocolVersion;
        }

        return Task.CompletedTask;
    }

    private async Task ClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        _protocol.TryRemove(e.ClientId, out _);
        if (e.SessionItems[DeviceKey] is not DeviceIdentity device)
        {
            return;
        }

        var left = _connections.AddOrUpdate(device.Id, 0, (_, n) => Math.Max(0, n - 1));
        if (left == 0 && e.DisconnectType == MqttClientDisconnectType.Clean)
        {
            // A clean disconnect sends no last will; the fleet view should still show the device offline.
            try
            {
                await deviceStore.RecordStatusAsync(device.Id, new DeviceStatus(false, null, null, null, null, null), time.GetUtcNow()).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not record {Device} as offline", device.Id);
            }
        }
    }

    private void Throttled(string device, string what)
    {
        metrics.Count("mqtt_throttled", device);
        var now = time.GetUtcNow();
        if (!_lastThrottleLog.TryGetValue(device, out var last) || now - last > TimeSpan.FromMinutes(1))
        {
            _lastThrottleLog[device] = now;
            logger.LogWarning("Device {Device} is throttled: too many {What}", device, what);
        }
    }

    private readonly ConcurrentDictionary<string, MQTTnet.Formatter.MqttProtocolVersion> _protocol = new(StringComparer.Ordinal);

    private bool SpeaksMqtt5(string clientId) =>
        _protocol.TryGetValue(clientId, out var v) && v == MQTTnet.Formatter.MqttProtocolVersion.V500;
}
