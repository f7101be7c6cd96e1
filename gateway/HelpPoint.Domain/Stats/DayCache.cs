using System.Collections.Concurrent;

namespace HelpPoint.Domain.Stats;

/// <summary>
/// Figures of closed days (no request still open), kept in memory while their <see cref="DayToken"/> and the branch's target and
/// time zone stay the same. A past day of a busy branch is then computed once, not on every dashboard refresh; any change to one
/// of its requests changes the token and the day is computed again. Callers get copies, never the kept aggregate.
/// </summary>
public sealed class DayCache
{
    /// <summary>About 13 years of one branch, or a year of 13 branches; beyond that the cache starts over.</summary>
    public const int Capacity = 5000;

    private readonly ConcurrentDictionary<(string Branch, DateOnly Day), Entry> _days = new();

    public int Count => _days.Count;

    public bool TryGet(string branch, DateOnly day, DayToken token, int targetAcceptS, string timeZone, out DayAggregate aggregate)
    {
        if (_days.TryGetValue((branch, day), out var entry) && entry.Token == token && entry.TargetAcceptS == targetAcceptS && entry.TimeZone == timeZone)
        {
            aggregate = entry.Day.Copy();
            return true;
        }

        aggregate = null!;
        return false;
    }

    public void Set(string branch, DateOnly day, DayToken token, int targetAcceptS, string timeZone, DayAggregate aggregate)
    {
        if (_days.Count >= Capacity)
        {
            _days.Clear();
        }

        _days[(branch, day)] = new Entry(token, targetAcceptS, timeZone, aggregate.Copy());
    }

    private sealed record Entry(DayToken Token, int TargetAcceptS, string TimeZone, DayAggregate Day);
}
