using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>A plain MQTT client acting as a device: publishes its messages and records everything it receives.</summary>
public sealed class DeviceClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Topic, string Payload)> _received = new();
    private readonly SemaphoreSlim _signal = new(0);

    private DeviceClient(IMqttClient client, string branch, string device)
    {
        Mqtt = client;
        Branch = branch;
        Device = device;
        client.ApplicationMessageReceivedAsync += e =>
        {
            _received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload)));
            _signal.Release();
            return Task.CompletedTask;
        };
    }

    public IMqttClient Mqtt { get; }

    public string Branch { get; }

    public string Device { get; }

    public string TicketTopic => $"helppoint/v1/{Branch}/{Device}/ticket";

    public IReadOnlyList<(string Topic, string Payload)> Received => [.. _received];

    /// <summary>True when the broker resumed a session under this client id (CONNACK session present).</summary>
    public bool SessionPresent { get; private init; }

    public static async Task<DeviceClient> ConnectAsync(int port, string branch, string device, string secret, bool mqtt5, string? clientId, bool cleanSession = true, string? user = null, System.Net.IPAddress? from = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port);
        var options = builder
            .WithCredentials(user ?? device, secret)
            .WithClientId(clientId ?? $"{device}-{Guid.NewGuid():N}")
            .WithCleanSession(cleanSession)
            .WithSessionExpiryInterval(cleanSession ? 0u : 3600u)
            .WithProtocolVersion(mqtt5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        if (from is not null)
        {
            // Another loopback address as the source: another machine on the network, as the broker sees it.
            ((MqttClientTcpOptions)options.ChannelOptions).LocalEndpoint = new System.Net.IPEndPoint(from, 0);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await client.ConnectAsync(options, cts.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new ConnectRefusedException(result.ResultCode);
        }

        return new DeviceClient(client, branch, device) { SessionPresent = result.IsSessionPresent };
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string topic)
    {
        var result = await Mqtt.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        return result.Items.Single().ResultCode;
    }

    public Task<MqttClientSubscribeResultCode> SubscribeTicketAsync() => SubscribeAsync(TicketTopic);

    public Task<MqttClientPublishResult> PublishAsync(string kind, string payload, string? device = null, bool retain = false) =>
        Mqtt.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"helppoint/v1/{Branch}/{device ?? Device}/{kind}")
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build());

    public Task<MqttClientPublishResult> RequestAsync(long seq, string category = "bankid", string? lang = "sv", long ageMs = 0)
    {
        var id = $"{Device}-{seq:D6}";
        var json = lang is null
            ? $"{{\"id\":\"{id}\",\"category\":\"{category}\",\"ageMs\":{ageMs}}}"
            : $"{{\"id\":\"{id}\",\"category\":\"{category}\",\"lang\":\"{lang}\",\"ageMs\":{ageMs}}}";
        return PublishAsync("request", json);
    }

    /// <summary>Waits for a message on <paramref name="topic"/> whose JSON satisfies <paramref name="match"/>; null on timeout.</summary>
    public async Task<JsonElement?> WaitForAsync(string topic, Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            foreach (var (t, p) in _received)
            {
                if (t == topic && TryParse(p) is { } json && match(json))
                {
                    return json;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public Task<JsonElement?> WaitForTicketAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null) => WaitForAsync(TicketTopic, match, timeout);

    public Task<JsonElement?> WaitForTicketAsync(string id, string state, TimeSpan? timeout = null) =>
        WaitForTicketAsync(t => t.GetProperty("id").ValueKind == JsonValueKind.String && t.GetProperty("id").GetString() == id && t.GetProperty("state").GetString() == state, timeout);

    /// <summary>Waits until the broker has closed this connection; false on timeout.</summary>
    public async Task<bool> WaitDisconnectedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!Mqtt.IsConnected)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return !Mqtt.IsConnected;
    }

    private static JsonElement? TryParse(string payload)
    {
        try
        {
            return JsonDocument.Parse(payload).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Mqtt.IsConnected)
        {
            try
            {
                await Mqtt.DisconnectAsync();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }

        Mqtt.Dispose();
    }
}

/// <summary>The broker answered CONNECT with a refusal.</summary>
public sealed class ConnectRefusedException(MqttClientConnectResultCode resultCode) : Exception($"connection refused: {resultCode}")
{
    public MqttClientConnectResultCode ResultCode { get; } = resultCode;
}
