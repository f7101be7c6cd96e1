using HelpPoint.Domain.Requests;

namespace HelpPoint.Domain.Stats;

/// <summary>A branch's figures for one local day, computed from its stored requests.</summary>
public sealed record DailyStats(
    string Branch,
    DateOnly Date,
    int Total,
    IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyList<int> ByHour,
    IReadOnlyDictionary<string, int> ByState,
    IReadOnlyDictionary<string, int> ByLanguage,
    IReadOnlyDictionary<string, int> ByDevice,
    IReadOnlyDictionary<string, int> ByHost,
    double? WaitMedianS,
    double? WaitP90S,
    double? HandlingMedianS,
    double? HandlingP90S,
    IReadOnlyDictionary<string, int> Feedback)
{
    /// <summary>Computes the day's figures; hours are local hours of the press in <paramref name="zone"/>.</summary>
    public static DailyStats Compute(string branch, DateOnly date, IReadOnlyList<HelpRequest> requests, TimeZoneInfo zone)
    {
        var byHour = new int[24];
        foreach (var r in requests)
        {
            byHour[TimeZoneInfo.ConvertTime(r.PressedAt, zone).Hour]++;
        }

        var waits = requests.Where(r => r.AssignedAt is not null).Select(r => (r.AssignedAt!.Value - r.PressedAt).TotalSeconds).ToList();
        var handling = requests.Where(r => r.State == RequestState.Done && r.AssignedAt is not null && r.FinishedAt is not null)
            .Select(r => (r.FinishedAt!.Value - r.AssignedAt!.Value).TotalSeconds).ToList();

        return new DailyStats(
            branch,
            date,
            requests.Count,
            Count(requests, r => r.Category),
            byHour,
            Count(requests, r => r.State.ToWire()),
            Count(requests, r => r.Lang ?? "none"),
            Count(requests, r => r.Device),
            Count(requests.Where(r => r.HostName is not null), r => r.HostName!),
            Percentile(waits, 0.5),
            Percentile(waits, 0.9),
            Percentile(handling, 0.5),
            Percentile(handling, 0.9),
            Count(requests.Where(r => r.Feedback is not null), r => r.Feedback switch { 1 => "unhappy", 2 => "neutral", _ => "happy" }));
    }

    /// <summary>Nearest-rank percentile (the value at rank ceil(p·n)); null for no data.</summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static SortedDictionary<string, int> Count(IEnumerable<HelpRequest> requests, Func<HelpRequest, string> key)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in requests)
        {
            var k = key(r);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        return counts;
    }
}
