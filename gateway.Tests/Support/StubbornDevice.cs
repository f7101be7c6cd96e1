using System.Text.Json;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>
/// A device that behaves like the firmware where it matters for fault tests: it reconnects when the connection drops and
/// sends a request again until its ticket arrives. Every attempt is bounded; the whole loop stops at a deadline.
/// </summary>
public sealed class StubbornDevice(int port, string branch, string device, string secret) : IAsyncDisposable
{
    private DeviceClient? _client;

    public int Attempts { get; private set; }

    public async Task<JsonElement?> PressUntilTicketAsync(long seq, string expectedState, TimeSpan deadline, TimeSpan perAttempt)
    {
        var id = $"{device}-{seq:D6}";
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            Attempts++;
            try
            {
                if (_client is not { Mqtt.IsConnected: true })
                {
                    if (_client is not null)
                    {
                        await _client.DisposeAsync();
                    }

                    _client = await DeviceClient.ConnectAsync(port, branch, device, secret, mqtt5: false, clientId: null);
                    await _client.SubscribeTicketAsync();
                }

                using var publishTimeout = new CancellationTokenSource(perAttempt);
                await _client.RequestAsync(seq).WaitAsync(publishTimeout.Token);
                if (await _client.WaitForTicketAsync(id, expectedState, perAttempt) is { } ticket)
                {
                    return ticket;
                }
            }
            catch (Exception e) when (e is not AssertFailedException)
            {
                // Connection refused, dropped or publish not acknowledged: back off a little and try again, like a device.
                await Task.Delay(300);
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }
}
