using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Stats;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>
/// Statistics' reads and retention's folds. Only plain LINQ (no provider-specific SQL), so SQLite and PostgreSQL return the same
/// rows; all arithmetic (percentiles, local hours) happens in C# on those rows.
/// </summary>
public sealed class EfStatsStore(DbFactory factory, TimeProvider time) : IStatsStore
{
    /// <summary>Populate keeps the aggregate's own (ordinal) dictionaries when reading it back.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    };

    private static readonly string[] CountedKinds = [.. EventTally.CountedKinds];

    /// <summary>Only the columns statistics use (at 10,000 requests a day, materialising whole entities is the slow part).</summary>
    private static readonly Expression<Func<HelpRequest, StatsRow>> AsRow = r => new StatsRow
    {
        Id = r.Id,
        Device = r.Device,
        Category = r.Category,
        Lang = r.Lang,
        LocalDay = r.LocalDay,
        PressedAt = r.PressedAt,
        State = r.State,
        HostUser = r.HostUser,
        HostName = r.HostName,
        AssignedAt = r.AssignedAt,
        FinishedAt = r.FinishedAt,
        Escalated = r.Escalated,
        Outcome = r.Outcome,
        Feedback = r.Feedback,
    };

    public Task<IReadOnlyList<StatsRow>> RowsAsync(string branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<StatsRow>>(async db =>
        {
            var requests = await db.Requests.AsNoTracking()
                .Where(r => r.Branch == branch && r.LocalDay >= from && r.LocalDay <= to)
                .OrderBy(r => r.PressedAt)
                .Select(AsRow)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            var events = await db.RequestEvents.AsNoTracking()
                .Join(db.Requests.AsNoTracking(), e => e.RequestId, r => r.Id, (e, r) => new { e.RequestId, e.Kind, r.Branch, r.LocalDay })
                .Where(x => x.Branch == branch && x.LocalDay >= from && x.LocalDay <= to && CountedKinds.Contains(x.Kind))
                .Select(x => new { x.RequestId, x.Kind })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var tallies = events.GroupBy(e => e.RequestId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => EventTally.From(g.Select(e => e.Kind)), StringComparer.Ordinal);

            foreach (var row in requests)
            {
                row.Events = tallies.GetValueOrDefault(row.Id) ?? EventTally.None;
            }

            return requests;
        });

    public async Task<FigureInputs> FigureInputsAsync(string branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        // Two narrow queries instead of reading the event log: the rows, and per day the counts of what is only added up (offers,
        // declines…) together with the requests whose log says escalated or unstaffed when their row does not. No event row is
        // materialised, and the two run side by side on their own connections. Task.Run because Microsoft.Data.Sqlite's async
        // methods complete synchronously: without it they would still run one after the other.
        var rowsTask = Task.Run(() => factory.ReadAsync(db => db.Requests.AsNoTracking()
            .Where(r => r.Branch == branch && r.LocalDay >= from && r.LocalDay <= to)
            .Select(AsRow)
            .ToListAsync(cancellationToken)), cancellationToken);

        var countsTask = Task.Run(() => factory.ReadAsync(db => db.RequestEvents.AsNoTracking()
            .Join(db.Requests.AsNoTracking(), e => e.RequestId, r => r.Id, (e, r) => new { e.RequestId, e.Kind, r.Branch, r.LocalDay, r.Escalated, r.State })
            .Where(x => x.Branch == branch && x.LocalDay >= from && x.LocalDay <= to
                // EventTotals' kinds spelled out: a list parameter would become json_each() on SQLite, slower for constants.
                && (x.Kind == "offered" || x.Kind == "declined" || x.Kind == "offer-timeout" || x.Kind == "released"
                    || (x.Kind == "escalated" && !x.Escalated) || (x.Kind == "unstaffed" && x.State != RequestState.Unstaffed)))
            .GroupBy(x => new { x.LocalDay, x.Kind })
            .Select(g => new { g.Key.LocalDay, g.Key.Kind, Count = g.Count(), Requests = g.Select(x => x.RequestId).Distinct().Count() })
            .ToListAsync(cancellationToken)), cancellationToken);

        await Task.WhenAll(rowsTask, countsTask).ConfigureAwait(false);
        var totals = (await countsTask.ConfigureAwait(false)).GroupBy(c => c.LocalDay).ToDictionary(
            g => g.Key,
            g => EventTotals.From(g.Select(c => (c.Kind, c.Kind is "escalated" or "unstaffed" ? c.Requests : c.Count))));
        return new FigureInputs(await rowsTask.ConfigureAwait(false), totals);
    }

    public Task<IReadOnlyDictionary<DateOnly, DayToken>> DayTokensAsync(string branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyDictionary<DateOnly, DayToken>>(async db => (await db.Requests.AsNoTracking()
            .Where(r => r.Branch == branch && r.LocalDay >= from && r.LocalDay <= to)
            .GroupBy(r => r.LocalDay)
            .Select(g => new
            {
                Day = g.Key,
                Count = g.Count(),
                Versions = g.Sum(r => r.Version),
                Open = g.Count(r => r.State == RequestState.Queued || r.State == RequestState.Assigned),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(t => t.Day, t => new DayToken(t.Count, t.Versions, t.Open)));

    public Task<IReadOnlyList<DayAggregate>> StoredAsync(string branch, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<DayAggregate>>(async db =>
        {
            var stored = await db.DailyAggregates.AsNoTracking()
                .Where(a => a.Branch == branch && a.Day >= from && a.Day <= to)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return stored.Select(Deserialize).ToList();
        });

    public Task<IReadOnlyList<DateOnly>> RawDaysBeforeAsync(string branch, DateOnly before, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<DateOnly>>(async db => await db.Requests.AsNoTracking()
            .Where(r => r.Branch == branch && r.LocalDay < before)
            .Select(r => r.LocalDay).Distinct().OrderBy(d => d)
            .ToListAsync(cancellationToken).ConfigureAwait(false));

    public Task<int> FoldAsync(DayAggregate day, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var payload = JsonSerializer.Serialize(day, Json);
            var existing = await db.DailyAggregates.FirstOrDefaultAsync(a => a.Branch == day.Branch && a.Day == day.Date, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                db.DailyAggregates.Add(new StoredDayAggregate
                {
                    Branch = day.Branch,
                    Day = day.Date,
                    Total = day.Total,
                    Format = day.Format,
                    Payload = payload,
                    FoldedAt = time.GetUtcNow(),
                });
            }
            else
            {
                existing.Total = day.Total;
                existing.Format = day.Format;
                existing.Payload = payload;
                existing.FoldedAt = time.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var (branch, date) = (day.Branch, day.Date);
            await db.RequestEvents
                .Where(e => db.Requests.Any(r => r.Id == e.RequestId && r.Branch == branch && r.LocalDay == date))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var deleted = await db.Requests.Where(r => r.Branch == branch && r.LocalDay == date)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted;
        }, cancellationToken);

    private static DayAggregate Deserialize(StoredDayAggregate stored) =>
        JsonSerializer.Deserialize<DayAggregate>(stored.Payload, Json)
        ?? throw new InvalidOperationException($"kept aggregate of {stored.Branch} {stored.Day} is empty");
}
