using System.Buffers;
using HelpPoint.Core;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace HelpPoint.Simulator.Adapters;

/// <summary>
/// Core's <see cref="IMqttConnection"/> over an MQTTnet client: MQTT 3.1.1, clean sessions, QoS 1.
/// The calls block (Core's app loop is synchronous) and never throw: failures come back as false.
/// </summary>
public sealed class MqttNetConnection : IMqttConnection, IDisposable
{
    private readonly IMqttClient _client;
    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    /// <summary>Creates an unconnected client for the broker at host:port.</summary>
    public MqttNetConnection(string host, int port, TimeSpan timeout, ILogger logger)
    {
        _host = host;
        _port = port;
        _timeout = timeout;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    /// <inheritdoc/>
    public event MqttMessageHandler? MessageReceived;

    /// <inheritdoc/>
    public event MqttConnectionLostHandler? ConnectionLost;

    /// <inheritdoc/>
    public bool IsConnected => _client.IsConnected;

    /// <inheritdoc/>
    public bool Connect(string clientId, string user, string password, string willTopic, byte[] willPayload, bool willRetain)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_host, _port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(clientId)
            .WithCredentials(user, password)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(_timeout)
            .WithWillTopic(willTopic)
            .WithWillPayload(willPayload)
            .WithWillRetain(willRetain)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

        try
        {
            if (_client.IsConnected)
            {
                Disconnect();
            }

            using var cts = new CancellationTokenSource(_timeout);
            MqttClientConnectResult result = _client.ConnectAsync(options, cts.Token).GetAwaiter().GetResult();
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                _logger.LogWarning("{Device}: broker {Host}:{Port} refused the connection: {Code}", user, _host, _port, result.ResultCode);
                return false;
            }

            return true;
        }
        catch (Exception e)
        {
            // Expected while the broker is down; the device retries with backoff.
            _logger.LogDebug("{Device}: cannot connect to {Host}:{Port}: {Message}", user, _host, _port, e.Message);
            return false;
        }
    }

    /// <inheritdoc/>
    public bool Publish(string topic, byte[] payload, bool retain)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        try
        {
            // With QoS 1 the task completes when the broker's PUBACK arrives.
            using var cts = new CancellationTokenSource(_timeout);
            MqttClientPublishResult result = _client.PublishAsync(message, cts.Token).GetAwaiter().GetResult();
            return result.IsSuccess;
        }
        catch (Exception e)
        {
            _logger.LogDebug("publish to {Topic} failed: {Message}", topic, e.Message);
            return false;
        }
    }

    /// <inheritdoc/>
    public bool Subscribe(string[] topics)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (string topic in topics)
        {
            builder.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        try
        {
            using var cts = new CancellationTokenSource(_timeout);
            MqttClientSubscribeResult result = _client.SubscribeAsync(builder.Build(), cts.Token).GetAwaiter().GetResult();
            foreach (MqttClientSubscribeResultItem item in result.Items)
            {
                if (item.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS0
                    or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
                {
                    _logger.LogWarning("subscription to {Topic} refused: {Code}", item.TopicFilter.Topic, item.ResultCode);
                    return false;
                }
            }

            return true;
        }
        catch (Exception e)
        {
            _logger.LogDebug("subscribe failed: {Message}", e.Message);
            return false;
        }
    }

    /// <inheritdoc/>
    public void Disconnect()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var cts = new CancellationTokenSource(_timeout);
                _client.DisconnectAsync(new MqttClientDisconnectOptions(), cts.Token).GetAwaiter().GetResult();
            }
        }
        catch (Exception e)
        {
            _logger.LogDebug("disconnect failed: {Message}", e.Message);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Disconnect();
        _client.Dispose();
    }

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        try
        {
            MqttApplicationMessage message = e.ApplicationMessage;
            MessageReceived?.Invoke(message.Topic, message.Payload.ToArray(), message.Retain);
        }
        catch (Exception ex)
        {
            // Never let a handler fault break the client's receive loop.
            _logger.LogError(ex, "handling a message on {Topic} failed", e.ApplicationMessage.Topic);
        }

        return Task.CompletedTask;
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected)
        {
            try
            {
                ConnectionLost?.Invoke();
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "handling a lost connection failed");
            }
        }

        return Task.CompletedTask;
    }
}
