using System.Buffers;
using System.Diagnostics;
using HelpPoint.Core;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace HelpPoint.Simulator.Load;

/// <summary>
/// One virtual help point in load mode: its own MQTT connection with its own credentials and last will, a status
/// heartbeat, and presses whose payloads come from HelpPoint.Core's codec, so the gateway sees exactly what a device
/// sends. It keeps no screen and no offline queue (that is <see cref="Devices.VirtualHelpPoint"/>'s job): a load device
/// is cheap enough to run thousands in one process. Times each press until its ticket arrives.
/// </summary>
public sealed class LoadDevice : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Lock _lock = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private TaskCompletionSource<TicketMessage>? _waiting;
    private string? _waitingFor;
    private long _seq;

    public LoadDevice(string branch, string device, string secret)
    {
        Branch = branch;
        Device = device;
        Secret = secret;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var ticket = ProtocolCodec.DecodeTicket(e.ApplicationMessage.Payload.ToArray());
            lock (_lock)
            {
                if (ticket is not null && ticket.Id == _waitingFor)
                {
                    _waiting?.TrySetResult(ticket);
                }
            }

            return Task.CompletedTask;
        };
    }

    public string Branch { get; }

    public string Device { get; }

    public string Secret { get; }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Raised just before a request is published: its id and the <see cref="Stopwatch"/> timestamp.</summary>
    public event Action<string, long>? Sent;

    public async Task ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(Device)
            .WithCredentials(Device, Secret)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithWillTopic(Topics.ForDevice(Branch, Device, "status"))
            .WithWillPayload(ProtocolCodec.EncodeOffline())
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await _client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"{Device}: connection refused ({result.ResultCode})");
        }

        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(Topics.ForDevice(Branch, Device, "ticket")).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The retained status heartbeat a help point sends every minute.</summary>
    public Task HeartbeatAsync(CancellationToken cancellationToken) =>
        PublishAsync("status", ProtocolCodec.EncodeStatus("load-1.0", (long)Stopwatch.GetElapsedTime(_started).TotalSeconds, -60, 90_000, 0), retain: true, cancellationToken);

    /// <summary>
    /// Presses a category and waits for the ticket: returns the request id, the elapsed time from publish to ticket, and
    /// the ticket's state; null if none came within <paramref name="timeout"/>.
    /// </summary>
    public async Task<PressResult?> PressAsync(Category category, string? lang, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Device + "-" + Interlocked.Increment(ref _seq).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var waiting = new TaskCompletionSource<TicketMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiting = waiting;
            _waitingFor = id;
        }

        var sent = Stopwatch.GetTimestamp();
        Sent?.Invoke(id, sent);
        await PublishAsync("request", ProtocolCodec.EncodeRequest(id, category, lang, 0), retain: false, cancellationToken).ConfigureAwait(false);
        var finished = await Task.WhenAny(waiting.Task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        if (finished != waiting.Task)
        {
            return null;
        }

        var ticket = await waiting.Task.ConfigureAwait(false);
        return new PressResult(id, Stopwatch.GetElapsedTime(sent), TicketStates.ToProtocol(ticket.State) ?? "?");
    }

    /// <summary>The visitor withdraws (keeps a benchmark branch's queue short).</summary>
    public Task CancelAsync(string id, CancellationToken cancellationToken) =>
        PublishAsync("cancel", ProtocolCodec.EncodeCancel(id), retain: false, cancellationToken);

    private Task PublishAsync(string kind, byte[] payload, bool retain, CancellationToken cancellationToken) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.ForDevice(Branch, Device, kind))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Gone already.
            }
        }

        _client.Dispose();
    }
}

/// <summary>One timed press: the request id, publish-to-ticket time, and the ticket's state.</summary>
public sealed record PressResult(string Id, TimeSpan Latency, string State);
