using System.Collections.Concurrent;
using System.Diagnostics;
using HelpPoint.Core;

namespace HelpPoint.Simulator.Load;

/// <summary>
/// Thousands of <see cref="LoadDevice"/>s: connects them (each with its own credentials), sends their heartbeats, and
/// presses at a steady rate, timing every press until its ticket comes back. The simulator's load mode and the
/// gateway benchmarks both drive it.
/// </summary>
public sealed class LoadFleet : IAsyncDisposable
{
    private readonly List<LoadDevice> _devices;

    public LoadFleet(IEnumerable<(string Branch, string Device, string Secret)> devices)
    {
        _devices = devices.Select(d => new LoadDevice(d.Branch, d.Device, d.Secret)).ToList();
        foreach (var d in _devices)
        {
            d.Sent += (id, at) => SentAt[id] = at;
        }
    }

    /// <summary>When each request was published (<see cref="Stopwatch"/> timestamps), for measuring what follows it elsewhere.</summary>
    public ConcurrentDictionary<string, long> SentAt { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<LoadDevice> Devices => _devices;

    /// <summary>Device ids <c>load-{branch}-{n}</c> in branches <c>load-{b}</c>, with secrets derived from <paramref name="secretPrefix"/>.</summary>
    public static IReadOnlyList<(string Branch, string Device, string Secret)> Plan(int branches, int perBranch, string secretPrefix) =>
        [.. from b in Enumerable.Range(1, branches)
            from i in Enumerable.Range(1, perBranch)
            let branch = $"load-{b}"
            let device = $"load-{b}-{i}"
            select (branch, device, $"{secretPrefix}-{device}")];

    /// <summary>Connects every device, a few at a time.</summary>
    public async Task ConnectAsync(string host, int port, int concurrency, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(_devices.Select(async d =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await d.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    /// <summary>One round of status heartbeats, spread over <paramref name="over"/>.</summary>
    public async Task HeartbeatAsync(TimeSpan over, CancellationToken cancellationToken)
    {
        var pause = _devices.Count == 0 ? TimeSpan.Zero : over / _devices.Count;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < _devices.Count; i++)
        {
            _ = _devices[i].HeartbeatAsync(cancellationToken);
            var due = pause * (i + 1);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(5))
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Presses at <paramref name="perSecond"/> for <paramref name="duration"/>, each on an idle device (a help point has
    /// one request at a time); after its ticket the visitor withdraws, so queues stay short, as when hosts keep up.
    /// </summary>
    public async Task<LoadRun> RunAsync(double perSecond, TimeSpan duration, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var timeouts = 0;
        var skipped = 0;
        var busy = new bool[_devices.Count];
        var inflight = new List<Task>();
        var next = 0;
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var started = Stopwatch.GetTimestamp();
        var total = (int)(perSecond * duration.TotalSeconds);
        for (var n = 0; n < total; n++)
        {
            var due = interval * n;
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            var index = -1;
            for (var tries = 0; tries < _devices.Count; tries++)
            {
                var candidate = (next + tries) % _devices.Count;
                if (!Volatile.Read(ref busy[candidate]))
                {
                    index = candidate;
                    break;
                }
            }

            if (index < 0)
            {
                skipped++;
                continue;
            }

            next = index + 1;
            Volatile.Write(ref busy[index], true);
            var device = _devices[index];
            var slot = index;
            inflight.Add(Task.Run(async () =>
            {
                try
                {
                    var result = await device.PressAsync(Category.BankId, "sv", timeout, cancellationToken).ConfigureAwait(false);
                    if (result is null)
                    {
                        Interlocked.Increment(ref timeouts);
                        return;
                    }

                    latencies.Add(result.Latency.TotalMilliseconds);
                    await device.CancelAsync(result.Id, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Volatile.Write(ref busy[slot], false);
                }
            }, cancellationToken));
        }

        await Task.WhenAll(inflight).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadRun(perSecond, total, [.. latencies], timeouts, skipped, elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var d in _devices)
        {
            await d.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>The outcome of one steady-rate run: latencies of answered presses (ms), timeouts, presses skipped (no idle device).</summary>
public sealed record LoadRun(double Rate, int Presses, IReadOnlyList<double> LatenciesMs, int Timeouts, int Skipped, TimeSpan Elapsed)
{
    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length), 1, sorted.Length) - 1];
    }

    /// <summary>Answered presses per second actually achieved.</summary>
    public double Throughput => LatenciesMs.Count / Elapsed.TotalSeconds;
}
