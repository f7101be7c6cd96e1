namespace HelpPoint.Domain.Stats;

/// <summary>
/// The figures of a period (a day, a range, a branch in a comparison), as managers read them. Built from a <see cref="DayAggregate"/>;
/// every property is derived, none is stored.
/// </summary>
public record StatsFigures
{
    public required int Total { get; init; }

    /// <summary>Requests per category (every category of protocol v1, zero included).</summary>
    public required IReadOnlyDictionary<string, int> ByCategory { get; init; }

    /// <summary>Requests per local hour of the press, 24 entries.</summary>
    public required IReadOnlyList<int> ByHour { get; init; }

    /// <summary>Category → 24 hour counts: the stacked bars.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<int>> ByCategoryHour { get; init; }

    /// <summary>Requests per final state (queued, assigned, done, cancelled, expired, unstaffed).</summary>
    public required IReadOnlyDictionary<string, int> ByState { get; init; }

    public required IReadOnlyDictionary<string, int> ByLanguage { get; init; }

    public required IReadOnlyDictionary<string, int> ByDevice { get; init; }

    /// <summary>Requests per host (display name, or pseudonym for readers who may not see names).</summary>
    public required IReadOnlyDictionary<string, int> ByHost { get; init; }

    public required IReadOnlyList<HostFigures> Hosts { get; init; }

    public required double? WaitMedianS { get; init; }

    public required double? WaitP90S { get; init; }

    public required double? HandlingMedianS { get; init; }

    public required double? HandlingP90S { get; init; }

    /// <summary>Number of waits (accepted requests) the wait percentiles are taken over.</summary>
    public required int WaitCount { get; init; }

    /// <summary>Number of finished helps the handling percentiles are taken over.</summary>
    public required int HandlingCount { get; init; }

    /// <summary>happy, neutral, unhappy (all three present).</summary>
    public required IReadOnlyDictionary<string, int> Feedback { get; init; }

    /// <summary>How done requests ended: helped, referred, no-show, unknown.</summary>
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    /// <summary>The target (seconds press → accept) of the branch; for several branches or days with different targets, the latest.</summary>
    public required int TargetAcceptS { get; init; }

    public required int WithinTarget { get; init; }

    public required int TargetEligible { get; init; }

    /// <summary><see cref="WithinTarget"/> / <see cref="TargetEligible"/>, 0…1; null when nothing counted.</summary>
    public required double? WithinTargetShare { get; init; }

    public required int Escalated { get; init; }

    public required int Unstaffed { get; init; }

    public required int Cancelled { get; init; }

    public required int Expired { get; init; }

    public required int Done { get; init; }

    public required int Offers { get; init; }

    public required int Declines { get; init; }

    public required int OfferTimeouts { get; init; }

    public required int Releases { get; init; }

    public static readonly IReadOnlyList<string> FeedbackKeys = ["happy", "neutral", "unhappy"];

    /// <summary>Reads the figures off an aggregate.</summary>
    public static StatsFigures FromAggregate(DayAggregate a, HostNaming naming)
    {
        var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byCategoryHour = new SortedDictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        var byHour = new int[24];
        foreach (var category in Requests.Categories.All.Concat(a.CategoryHours.Keys).Distinct(StringComparer.Ordinal))
        {
            var hours = a.CategoryHours.TryGetValue(category, out var h) ? h : new int[24];
            byCategory[category] = hours.Sum();
            byCategoryHour[category] = hours.ToArray();
            for (var i = 0; i < 24; i++)
            {
                byHour[i] += hours[i];
            }
        }

        var hosts = NameHosts(a.Hosts, naming);
        var feedback = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in FeedbackKeys)
        {
            feedback[key] = a.Feedback.GetValueOrDefault(key);
        }

        return new StatsFigures
        {
            Total = a.Total,
            ByCategory = byCategory,
            ByHour = byHour,
            ByCategoryHour = byCategoryHour,
            ByState = new SortedDictionary<string, int>(a.States, StringComparer.Ordinal),
            ByLanguage = new SortedDictionary<string, int>(a.Languages, StringComparer.Ordinal),
            ByDevice = new SortedDictionary<string, int>(a.Devices, StringComparer.Ordinal),
            ByHost = hosts.ToDictionary(h => h.Name, h => h.Requests, StringComparer.Ordinal),
            Hosts = hosts,
            WaitMedianS = a.Wait.Percentile(0.5),
            WaitP90S = a.Wait.Percentile(0.9),
            HandlingMedianS = a.Handling.Percentile(0.5),
            HandlingP90S = a.Handling.Percentile(0.9),
            WaitCount = a.Wait.Count,
            HandlingCount = a.Handling.Count,
            Feedback = feedback,
            Outcomes = new SortedDictionary<string, int>(a.Outcomes, StringComparer.Ordinal),
            TargetAcceptS = a.TargetAcceptS,
            WithinTarget = a.WithinTarget,
            TargetEligible = a.TargetEligible,
            WithinTargetShare = a.TargetEligible == 0 ? null : (double)a.WithinTarget / a.TargetEligible,
            Escalated = a.Escalated,
            Unstaffed = a.Unstaffed,
            Cancelled = a.Cancelled,
            Expired = a.Expired,
            Done = a.Done,
            Offers = a.Offers,
            Declines = a.Declines,
            OfferTimeouts = a.OfferTimeouts,
            Releases = a.Releases,
        };
    }

    /// <summary>
    /// Hosts, busiest first. Two hosts may share a display name, so names are made unique ("Sara", "Sara (2)"); pseudonyms follow
    /// the same order, so "Host A" is the busiest host of the period, not a stable identity.
    /// </summary>
    private static List<HostFigures> NameHosts(SortedDictionary<string, HostTally> hosts, HostNaming naming)
    {
        var ordered = hosts.OrderByDescending(h => h.Value.Requests).ThenBy(h => h.Value.Name, StringComparer.Ordinal).ThenBy(h => h.Key, StringComparer.Ordinal).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<HostFigures>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var tally = ordered[i].Value;
            var name = naming == HostNaming.Names ? tally.Name : Pseudonym(i);
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{name} ({n})";
            }

            result.Add(new HostFigures(unique, tally.Requests, tally.Done, tally.Handling.Percentile(0.5), tally.Handling.Percentile(0.9)));
        }

        return result;
    }

    /// <summary>Host A … Host Z, Host AA …</summary>
    public static string Pseudonym(int index)
    {
        var letters = "";
        for (var i = index; i >= 0; i = (i / 26) - 1)
        {
            letters = (char)('A' + (i % 26)) + letters;
        }

        return "Host " + letters;
    }
}
