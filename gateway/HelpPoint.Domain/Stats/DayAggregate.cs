namespace HelpPoint.Domain.Stats;

/// <summary>
/// Everything the figures of a branch's day are made of, in a form that can be added up across days and branches and kept after
/// the raw requests are deleted (retention): counts, per-second histograms for percentiles, and the parts of the target share.
/// </summary>
public sealed class DayAggregate
{
    /// <summary>Bump when the meaning of a stored field changes, so old stored days can be told apart.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; set; } = CurrentFormat;

    public string Branch { get; set; } = "";

    public DateOnly Date { get; set; }

    /// <summary>The branch's target (seconds from press to accept) the target share was computed against.</summary>
    public int TargetAcceptS { get; set; }

    public int Total { get; set; }

    /// <summary>Requests per category and local hour of the press (24 clock hours; see <see cref="DayAggregator"/> on DST days).</summary>
    public SortedDictionary<string, int[]> CategoryHours { get; init; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> States { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Per language the visitor picked; <c>none</c> when they picked none.</summary>
    public SortedDictionary<string, int> Languages { get; init; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Devices { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Keyed by the host's login name; the display name is inside.</summary>
    public SortedDictionary<string, HostTally> Hosts { get; init; } = new(StringComparer.Ordinal);

    /// <summary><c>happy</c>, <c>neutral</c>, <c>unhappy</c>.</summary>
    public SortedDictionary<string, int> Feedback { get; init; } = new(StringComparer.Ordinal);

    /// <summary><c>helped</c>, <c>referred</c>, <c>no-show</c>, or <c>unknown</c> for a done request without one.</summary>
    public SortedDictionary<string, int> Outcomes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Press → accept.</summary>
    public DurationHistogram Wait { get; init; } = new();

    /// <summary>Accept → done.</summary>
    public DurationHistogram Handling { get; init; } = new();

    public int Escalated { get; set; }

    public int Unstaffed { get; set; }

    public int Cancelled { get; set; }

    public int Expired { get; set; }

    public int Done { get; set; }

    /// <summary>Requests accepted within the target.</summary>
    public int WithinTarget { get; set; }

    /// <summary>Requests that count for the target share (see <see cref="DayAggregator"/>).</summary>
    public int TargetEligible { get; set; }

    public int Offers { get; set; }

    public int Declines { get; set; }

    public int OfferTimeouts { get; set; }

    public int Releases { get; set; }

    /// <summary>Adds another aggregate (another day, another branch) into this one.</summary>
    public void Merge(DayAggregate other)
    {
        Total += other.Total;
        foreach (var (category, hours) in other.CategoryHours)
        {
            var mine = HoursOf(category);
            for (var h = 0; h < 24 && h < hours.Length; h++)
            {
                mine[h] += hours[h];
            }
        }

        AddAll(States, other.States);
        AddAll(Languages, other.Languages);
        AddAll(Devices, other.Devices);
        AddAll(Feedback, other.Feedback);
        AddAll(Outcomes, other.Outcomes);
        foreach (var (user, tally) in other.Hosts)
        {
            if (Hosts.TryGetValue(user, out var mine))
            {
                mine.Requests += tally.Requests;
                mine.Done += tally.Done;
                mine.Handling.Merge(tally.Handling);
                mine.Name = tally.Name.Length > 0 ? tally.Name : mine.Name;
            }
            else
            {
                Hosts[user] = tally.Copy();
            }
        }

        Wait.Merge(other.Wait);
        Handling.Merge(other.Handling);
        Escalated += other.Escalated;
        Unstaffed += other.Unstaffed;
        Cancelled += other.Cancelled;
        Expired += other.Expired;
        Done += other.Done;
        WithinTarget += other.WithinTarget;
        TargetEligible += other.TargetEligible;
        Offers += other.Offers;
        Declines += other.Declines;
        OfferTimeouts += other.OfferTimeouts;
        Releases += other.Releases;
    }

    /// <summary>A deep copy (merging mutates, so shared aggregates are handed out as copies).</summary>
    public DayAggregate Copy()
    {
        var copy = new DayAggregate { Format = Format, Branch = Branch, Date = Date, TargetAcceptS = TargetAcceptS };
        copy.Merge(this);
        return copy;
    }

    /// <summary>The 24 hour counts of a category, created on first use.</summary>
    public int[] HoursOf(string category)
    {
        if (!CategoryHours.TryGetValue(category, out var hours))
        {
            hours = new int[24];
            CategoryHours[category] = hours;
        }

        return hours;
    }

    internal static void Increment(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void AddAll(SortedDictionary<string, int> into, SortedDictionary<string, int> from)
    {
        foreach (var (key, count) in from)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }
}
