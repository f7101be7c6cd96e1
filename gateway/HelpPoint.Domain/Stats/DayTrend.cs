namespace HelpPoint.Domain.Stats;

/// <summary>One day in a range: the figures a trend chart draws.</summary>
public sealed record DayTrend(
    DateOnly Date,
    int Total,
    IReadOnlyDictionary<string, int> ByCategory,
    double? WaitMedianS,
    double? WaitP90S,
    double? HandlingMedianS,
    double? HandlingP90S,
    double? WithinTargetShare,
    int Escalated,
    int Unstaffed,
    int Cancelled,
    int Expired,
    int Done)
{
    public static DayTrend From(DateOnly date, StatsFigures f) => new(
        date, f.Total, f.ByCategory, f.WaitMedianS, f.WaitP90S, f.HandlingMedianS, f.HandlingP90S, f.WithinTargetShare,
        f.Escalated, f.Unstaffed, f.Cancelled, f.Expired, f.Done);
}
