using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>Counters of what the gateway refused and handled, exported on <c>/metrics</c> (Prometheus text) and as .NET metrics.</summary>
public sealed class GatewayMetrics : IDisposable
{
    private readonly Meter _meter = new("HelpPoint.Gateway");
    private readonly Counter<long> _counter;
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public GatewayMetrics() => _counter = _meter.CreateCounter<long>("helppoint_events_total");

    /// <summary>Counts one event, e.g. <c>mqtt_rejected{reason="malformed JSON"}</c>.</summary>
    public void Count(string name, string? label = null)
    {
        var key = label is null ? name : $"{name}{{reason=\"{label.Replace("\"", "'", StringComparison.Ordinal)}\"}}";
        _totals.AddOrUpdate(key, 1, (_, v) => v + 1);
        _counter.Add(1, new KeyValuePair<string, object?>("event", name), new KeyValuePair<string, object?>("reason", label));
    }

    private static readonly double[] Buckets = [1, 2, 5, 10, 25, 50, 100, 250, 1000, double.PositiveInfinity];
    private readonly ConcurrentDictionary<string, long[]> _histograms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _sums = new(StringComparer.Ordinal);

    /// <summary>Records a duration (milliseconds) in a histogram, e.g. how long ingest took per message.</summary>
    public void Observe(string name, double milliseconds)
    {
        var counts = _histograms.GetOrAdd(name, _ => new long[Buckets.Length]);
        for (var i = 0; i < Buckets.Length; i++)
        {
            if (milliseconds <= Buckets[i])
            {
                Interlocked.Increment(ref counts[i]);
                break;
            }
        }

        _sums.AddOrUpdate(name, milliseconds, (_, v) => v + milliseconds);
    }

    public long Get(string name, string? label = null) =>
        _totals.GetValueOrDefault(label is null ? name : $"{name}{{reason=\"{label}\"}}");

    public string ToPrometheusText()
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in _totals.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            sb.Append("helppoint_").Append(key).Append(' ').Append(value).Append('\n');
        }

        foreach (var (name, counts) in _histograms.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            long cumulative = 0;
            for (var i = 0; i < Buckets.Length; i++)
            {
                cumulative += Interlocked.Read(ref counts[i]);
                var le = double.IsPositiveInfinity(Buckets[i]) ? "+Inf" : Buckets[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
                sb.Append("helppoint_").Append(name).Append("_bucket{le=\"").Append(le).Append("\"} ").Append(cumulative).Append('\n');
            }

            sb.Append("helppoint_").Append(name).Append("_sum ").Append(_sums.GetValueOrDefault(name).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("helppoint_").Append(name).Append("_count ").Append(cumulative).Append('\n');
        }

        return sb.ToString();
    }

    public void Dispose() => _meter.Dispose();
}
