namespace HelpPoint.Domain.Stats;

/// <summary>
/// Durations counted per whole second. Percentiles of a merged range come out exactly as if computed from the raw durations,
/// which is what lets old days be folded into kept aggregates without changing any figure.
/// </summary>
public sealed class DurationHistogram
{
    /// <summary>Count per whole second (key: seconds, value: how many durations rounded to it).</summary>
    public SortedDictionary<int, int> Buckets { get; init; } = [];

    public int Count => Buckets.Values.Sum();

    /// <summary>Rounds to the nearest second (half away from zero); a negative duration (clock skew) counts as zero.</summary>
    public static int ToSeconds(TimeSpan duration) =>
        duration <= TimeSpan.Zero ? 0 : (int)Math.Min(int.MaxValue, Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero));

    public void Add(TimeSpan duration) => Add(ToSeconds(duration));

    public void Add(int seconds, int count = 1)
    {
        if (count <= 0)
        {
            return;
        }

        Buckets[seconds] = Buckets.GetValueOrDefault(seconds) + count;
    }

    public void Merge(DurationHistogram other)
    {
        foreach (var (seconds, count) in other.Buckets)
        {
            Add(seconds, count);
        }
    }

    /// <summary>Nearest-rank percentile: the value at rank ceil(p·n) of the sorted durations; null when empty.</summary>
    public double? Percentile(double p)
    {
        var n = Count;
        if (n == 0)
        {
            return null;
        }

        var rank = Math.Clamp((int)Math.Ceiling(p * n), 1, n);
        var seen = 0;
        foreach (var (seconds, count) in Buckets)
        {
            seen += count;
            if (seen >= rank)
            {
                return seconds;
            }
        }

        return Buckets.Keys.Last();
    }

    public DurationHistogram Copy() => new() { Buckets = new SortedDictionary<int, int>(Buckets) };
}
