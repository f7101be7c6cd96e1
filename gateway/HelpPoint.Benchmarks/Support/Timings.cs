using System.Globalization;

namespace HelpPoint.Benchmarks.Support;

/// <summary>Collected durations of one measured operation, reported as min, median, 90th, 99th percentile and max (nearest rank).</summary>
public sealed class Timings(string name)
{
    private readonly List<double> _ms = [];

    public string Name { get; } = name;

    public int Count => _ms.Count;

    /// <summary>Process CPU time per call, when measured.</summary>
    public TimeSpan? CpuPerCall { get; set; }

    public void Add(TimeSpan elapsed) => _ms.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        var sorted = _ms.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length), 1, sorted.Length) - 1];
    }

    public string Report() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-34} n={Count,4}  min {_ms.Min(),7:0.0} ms  median {Percentile(0.5),7:0.0} ms  p90 {Percentile(0.9),7:0.0} ms  p99 {Percentile(0.99),7:0.0} ms  max {_ms.Max(),7:0.0} ms{(CpuPerCall is { } cpu ? $"  cpu/call {cpu.TotalMilliseconds,6:0.0} ms" : "")}");
}
