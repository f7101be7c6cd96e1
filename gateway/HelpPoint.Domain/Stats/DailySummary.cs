namespace HelpPoint.Domain.Stats;

/// <summary>A branch's day in a few figures, with the same weekday a week earlier for comparison (page and e-mail).</summary>
public sealed record DailySummary(string Branch, string BranchName, DailyStats Day, DailyStats WeekBefore)
{
    /// <summary>The local hour with the most presses, or null on a day without requests.</summary>
    public int? BusiestHour => Day.Total == 0 ? null : Day.ByHour.Select((count, hour) => (count, hour)).MaxBy(x => x.count).hour;

    /// <summary>Categories with requests, most first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> TopCategories =>
        Day.ByCategory.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
}
