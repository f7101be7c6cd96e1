namespace HelpPoint.Domain.Stats;

/// <summary>What statistics read from storage: request rows with their event tallies, and the kept aggregates of folded days.</summary>
public interface IStatsStore
{
    /// <summary>Requests of a branch whose ticket day is in <paramref name="from"/>…<paramref name="to"/> (inclusive), oldest press first.</summary>
    Task<IReadOnlyList<StatsRow>> RowsAsync(string branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The inputs of the figures of <paramref name="from"/>…<paramref name="to"/>: rows without event tallies, and per-day event totals.
    /// Much cheaper than <see cref="RowsAsync"/> on busy days.
    /// </summary>
    Task<FigureInputs> FigureInputsAsync(string branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Fingerprints of the days in the range that have raw requests (days without any are absent).</summary>
    Task<IReadOnlyDictionary<DateOnly, DayToken>> DayTokensAsync(string branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Kept aggregates of folded days in the range.</summary>
    Task<IReadOnlyList<DayAggregate>> StoredAsync(string branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Ticket days before <paramref name="before"/> that still have raw requests, oldest first.</summary>
    Task<IReadOnlyList<DateOnly>> RawDaysBeforeAsync(string branch, DateOnly before, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: stores <paramref name="day"/> as the kept aggregate of its branch and date (replacing any), and deletes that
    /// day's raw requests and their events. Returns how many requests were deleted.
    /// </summary>
    Task<int> FoldAsync(DayAggregate day, CancellationToken cancellationToken = default);
}
