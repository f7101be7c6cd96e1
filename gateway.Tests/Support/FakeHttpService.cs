using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>
/// A small real HTTP server on 127.0.0.1 standing in for an outside service (a browser's push service, ntfy, an SMS API):
/// records every request and answers with the status the test chooses (a queue of statuses, then <see cref="DefaultStatus"/>).
/// </summary>
public sealed class FakeHttpService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeHttpService(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int DefaultStatus { get; set; } = 201;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeHttpService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeHttpService(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    /// <summary>The next requests get these statuses, in order.</summary>
    public void Answer(params int[] statuses)
    {
        foreach (var s in statuses)
        {
            _statuses.Enqueue(s);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<RecordedRequest[]> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Requests.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Assert.Fail($"expected {count} requests at the fake service, got {Requests.Count}");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }

        return [.. Requests];
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var status = _statuses.TryDequeue(out var s) ? s : DefaultStatus;
        Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body.ToArray(), status));
        _arrived.Release();
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A request the fake service received, and the status it answered.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredStatus)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
