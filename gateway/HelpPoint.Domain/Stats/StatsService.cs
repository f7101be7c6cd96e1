using HelpPoint.Domain.Branches;

namespace HelpPoint.Domain.Stats;

/// <summary>
/// Figures of days, ranges and branches, computed from stored requests and events (percentiles in C#, so every database gives the
/// same answer), and retention's folding of old days into kept aggregates.
/// </summary>
public sealed class StatsService(IStatsStore store, TimeProvider time, DayCache? cache = null)
{
    /// <summary>The longest range one call may cover.</summary>
    public const int MaxRangeDays = 366;

    public async Task<DailyStats> DailyAsync(Branch branch, DateOnly date, HostNaming naming, CancellationToken cancellationToken = default)
    {
        var (day, folded) = (await DaysAsync(branch, date, date, cancellationToken).ConfigureAwait(false))[0];
        return new DailyStats(StatsFigures.FromAggregate(day, naming), branch.Id, date, branch.TimeZoneId, LocalDays.HoursIn(date, branch.TimeZone), folded);
    }

    public async Task<PeriodStats> RangeAsync(Branch branch, DateOnly from, DateOnly to, HostNaming naming, CancellationToken cancellationToken = default)
    {
        var days = await DaysAsync(branch, from, to, cancellationToken).ConfigureAwait(false);
        var total = new DayAggregate { Branch = branch.Id, Date = from, TargetAcceptS = branch.TargetAcceptS };
        var trend = new List<DayTrend>(days.Count);
        foreach (var (day, _) in days)
        {
            total.Merge(day);
            trend.Add(DayTrend.From(day.Date, StatsFigures.FromAggregate(day, naming)));
        }

        return new PeriodStats(StatsFigures.FromAggregate(total, naming), branch.Id, branch.Name, from, to, trend);
    }

    /// <summary>The same range for several branches, side by side (no per-day trend).</summary>
    public async Task<IReadOnlyList<PeriodStats>> CompareAsync(
        IReadOnlyList<Branch> branches, DateOnly from, DateOnly to, HostNaming naming, CancellationToken cancellationToken = default)
    {
        var result = new List<PeriodStats>(branches.Count);
        foreach (var branch in branches)
        {
            var total = new DayAggregate { Branch = branch.Id, Date = from, TargetAcceptS = branch.TargetAcceptS };
            foreach (var (day, _) in await DaysAsync(branch, from, to, cancellationToken).ConfigureAwait(false))
            {
                total.Merge(day);
            }

            result.Add(new PeriodStats(StatsFigures.FromAggregate(total, naming), branch.Id, branch.Name, from, to, null));
        }

        return result;
    }

    /// <summary>The day's key figures with last week's same weekday beside them: the daily summary page and e-mail.</summary>
    public async Task<DailySummary> SummaryAsync(Branch branch, DateOnly date, HostNaming naming, CancellationToken cancellationToken = default)
    {
        var day = await DailyAsync(branch, date, naming, cancellationToken).ConfigureAwait(false);
        var weekBefore = await DailyAsync(branch, date.AddDays(-7), naming, cancellationToken).ConfigureAwait(false);
        return new DailySummary(branch.Id, branch.Name, day, weekBefore);
    }

    /// <summary>Anonymised request rows of a range (only days whose raw requests are still kept).</summary>
    public Task<IReadOnlyList<StatsRow>> RowsAsync(Branch branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        store.RowsAsync(branch.Id, from, to, cancellationToken);

    /// <summary>
    /// Every day of the range as an aggregate: computed from raw requests, or read from the kept aggregate of a folded day
    /// (merged with any raw rows still there, so no request is ever counted twice or lost).
    /// </summary>
    public async Task<IReadOnlyList<(DayAggregate Day, bool Folded)>> DaysAsync(Branch branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxRangeDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"a range is 1 to {MaxRangeDays} days");
        }

        var stored = (await store.StoredAsync(branch.Id, from, to, cancellationToken).ConfigureAwait(false)).ToDictionary(d => d.Date);
        var now = time.GetUtcNow();
        var zone = branch.TimeZone;

        // With the cache, closed days whose fingerprint did not change are reused and only the others are read.
        var tokens = cache is null ? null : await store.DayTokensAsync(branch.Id, from, to, cancellationToken).ConfigureAwait(false);
        var cached = new Dictionary<DateOnly, DayAggregate>();
        if (tokens is not null)
        {
            foreach (var (date, token) in tokens)
            {
                if (cache!.TryGet(branch.Id, date, token, branch.TargetAcceptS, branch.TimeZoneId, out var day))
                {
                    cached[date] = day;
                }
            }
        }

        var toRead = tokens is null ? LocalDays.Range(from, to).ToList() : tokens.Keys.Where(d => !cached.ContainsKey(d)).Order().ToList();
        var inputs = toRead.Count == 0
            ? new FigureInputs([], new Dictionary<DateOnly, EventTotals>())
            : await store.FigureInputsAsync(branch.Id, toRead[0], toRead[^1], cancellationToken).ConfigureAwait(false);
        var rows = inputs.Rows.ToLookup(r => r.LocalDay);
        var days = new List<(DayAggregate, bool)>(to.DayNumber - from.DayNumber + 1);
        foreach (var date in LocalDays.Range(from, to))
        {
            if (!cached.TryGetValue(date, out var live))
            {
                live = DayAggregator.Compute(branch.Id, date, rows[date], zone, branch.TargetAcceptS, now, inputs.Events.GetValueOrDefault(date) ?? EventTotals.None);
                if (tokens is not null && tokens.TryGetValue(date, out var token) && token.Open == 0)
                {
                    cache!.Set(branch.Id, date, token, branch.TargetAcceptS, branch.TimeZoneId, live);
                }
            }

            if (stored.TryGetValue(date, out var kept))
            {
                kept.Merge(live);
                days.Add((kept, true));
            }
            else
            {
                days.Add((live, false));
            }
        }

        return days;
    }

    /// <summary>Retention: folds every day of the branch before <paramref name="before"/> into its kept aggregate and deletes its raw requests.</summary>
    public async Task<FoldResult> FoldBeforeAsync(Branch branch, DateOnly before, CancellationToken cancellationToken = default)
    {
        var days = 0;
        var deleted = 0;
        foreach (var date in await store.RawDaysBeforeAsync(branch.Id, before, cancellationToken).ConfigureAwait(false))
        {
            var (day, _) = (await DaysAsync(branch, date, date, cancellationToken).ConfigureAwait(false))[0];
            deleted += await store.FoldAsync(day, cancellationToken).ConfigureAwait(false);
            days++;
        }

        return new FoldResult(days, deleted);
    }
}
