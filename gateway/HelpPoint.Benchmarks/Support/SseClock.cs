using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace HelpPoint.Benchmarks.Support;

/// <summary>Reads a host's server-sent event stream and notes when each new request first appeared in it.</summary>
public sealed class SseClock : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    public SseClock(Uri gateway, string token, string branch)
    {
        var client = new HttpClient { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _reader = Task.Run(() => ReadAsync(client, $"/api/v1/events?branch={branch}"));
    }

    /// <summary>Request id → <see cref="Stopwatch"/> timestamp of its first event.</summary>
    public ConcurrentDictionary<string, long> FirstSeen { get; } = new(StringComparer.Ordinal);

    public bool Connected { get; private set; }

    private async Task ReadAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            string? type = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                    Connected |= type == "queue";
                }
                else if (type == "request" && line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    var now = Stopwatch.GetTimestamp();
                    using var doc = JsonDocument.Parse(line.AsMemory(6));
                    FirstSeen.TryAdd(doc.RootElement.GetProperty("data").GetProperty("id").GetString()!, now);
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Stopped.
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
        catch (Exception)
        {
            // Stopping.
        }

        _stop.Dispose();
    }
}
