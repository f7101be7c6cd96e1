using System.Text.Json;
using System.Threading.Channels;

namespace HelpPoint.Gateway.Notifications;

/// <summary>
/// The server-sent-events plumbing the live streams share (staff events, fleet alerts): headers that keep proxies from
/// buffering, a reconnect hint, one event per write, and a comment line every <c>heartbeat</c> so idle connections stay open
/// and dead ones are noticed.
/// </summary>
public static class ServerSentEvents
{
    /// <summary>Starts the stream: event-stream headers and the browser's reconnect delay.</summary>
    public static async Task StartAsync(HttpContext http, TimeSpan retry, CancellationToken cancellationToken)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync($"retry: {(int)retry.TotalMilliseconds}\n\n", cancellationToken);
    }

    /// <summary>Writes one event with <paramref name="data"/> as JSON and flushes it.</summary>
    public static async Task WriteAsync(HttpContext http, long id, string type, object data, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(data, JsonSerializerOptions.Web);
        await http.Response.WriteAsync($"id: {id}\nevent: {type}\ndata: {json}\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Writes what arrives on <paramref name="reader"/> until the client goes away or the subscription ends, with a heartbeat
    /// comment whenever nothing was sent for <paramref name="heartbeat"/>.
    /// </summary>
    public static async Task PumpAsync<T>(
        HttpContext http, ChannelReader<T> reader, TimeSpan heartbeat, Func<T, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(heartbeat);
        var tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
        var next = reader.WaitToReadAsync(cancellationToken).AsTask();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await Task.WhenAny(tick, next) == tick)
                {
                    if (!await tick)
                    {
                        break;
                    }

                    await http.Response.WriteAsync(": ping\n\n", cancellationToken);
                    await http.Response.Body.FlushAsync(cancellationToken);
                    tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
                    continue;
                }

                if (!await next)
                {
                    break;
                }

                while (reader.TryRead(out var item))
                {
                    await write(item, cancellationToken);
                }

                next = reader.WaitToReadAsync(cancellationToken).AsTask();
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away: nothing to clean up beyond the caller's subscription.
        }
    }
}
