using System.Text.Json;

namespace HelpPoint.Gateway.Notifications;

/// <summary>
/// Publishes staff events to this gateway's live views and, when several gateways run, to the others' through the
/// backplane, so a host sees every change whichever gateway their phone is connected to.
/// </summary>
public sealed class StaffEventBus
{
    private readonly EventHub _hub;
    private readonly ILogger<StaffEventBus> _logger;
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private volatile IBackplaneTransport? _transport;

    public StaffEventBus(EventHub hub, ILogger<StaffEventBus> logger)
    {
        _hub = hub;
        _logger = logger;
    }

    /// <summary>Connects this bus to the other gateways (called by the transport when it starts).</summary>
    public void Attach(IBackplaneTransport transport)
    {
        transport.BackplaneReceived += ReceiveAsync;
        _transport = transport;
    }

    public async ValueTask PublishAsync(string type, string branch, object data, IReadOnlyList<string>? users, CancellationToken cancellationToken)
    {
        _hub.Publish(type, branch, data, users);
        if (_transport is not { } transport)
        {
            return;
        }

        try
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(new BackplaneMessage(_origin, type, branch, users ?? [], JsonSerializer.SerializeToElement(data, JsonSerializerOptions.Web)), JsonSerializerOptions.Web);
            await transport.PublishBackplaneAsync(payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Live views of other gateways resynchronise from their queue snapshot; the stored state is unaffected.
            _logger.LogWarning(ex, "Could not forward a {Type} event to the other gateways", type);
        }
    }

    private Task ReceiveAsync(ReadOnlyMemory<byte> payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<BackplaneMessage>(payload.Span, JsonSerializerOptions.Web);
            if (message is not null && message.Origin != _origin)
            {
                _hub.Publish(message.Type, message.Branch, message.Data, message.Users);
            }
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignored a malformed backplane message");
        }

        return Task.CompletedTask;
    }

    private sealed record BackplaneMessage(string Origin, string Type, string Branch, IReadOnlyList<string> Users, JsonElement Data);
}
