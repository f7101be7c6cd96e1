using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>Reads a gateway's server-sent event stream (<c>/api/v1/events</c>) in the background and keeps every event.</summary>
public sealed class SseListener : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private SseListener(HttpClient client, string path)
    {
        _reader = Task.Run(() => ReadAsync(client, path));
    }

    public ConcurrentQueue<(string Type, JsonElement Data)> Events { get; } = new();

    /// <summary>True once the stream answered (its queue snapshot arrived).</summary>
    public bool Connected { get; private set; }

    /// <summary>True once the stream's response headers arrived (the gateway subscribed it before sending them).</summary>
    public bool Answered { get; private set; }

    public static SseListener Start(Uri baseUrl, string token, string path = "/api/v1/events?branch=demo")
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new SseListener(client, path);
    }

    /// <summary>Ids of requests seen in <c>request</c> events.</summary>
    public HashSet<string> RequestIds() =>
        Events.Where(e => e.Type == "request").Select(e => e.Data.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);

    private async Task ReadAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            Answered = true;
            using var stream = await response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(stream);
            string? type = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && type is not null)
                {
                    var data = JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("data").Clone();
                    Events.Enqueue((type, data));
                    if (type == "queue")
                    {
                        Connected = true;
                    }
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Stopped by the test.
        }
        catch (HttpRequestException)
        {
            // The gateway went away (killed by the test).
        }
        catch (IOException)
        {
            // The gateway went away (killed by the test).
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
            // Expected.
        }

        _stop.Dispose();
    }
}
