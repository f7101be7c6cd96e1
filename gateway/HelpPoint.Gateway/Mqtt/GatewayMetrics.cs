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

    public long Get(string name, string? label = null) =>
        _totals.GetValueOrDefault(label is null ? name : $"{name}{{reason=\"{label}\"}}");

    public string ToPrometheusText()
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in _totals.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            sb.Append("helppoint_").Append(key).Append(' ').Append(value).Append('\n');
        }

        return sb.ToString();
    }

    public void Dispose() => _meter.Dispose();
}
