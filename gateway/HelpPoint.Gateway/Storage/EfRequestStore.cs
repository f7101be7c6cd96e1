using HelpPoint.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>Help requests in the database. Ticket numbers come from an upserted counter row in the same transaction as the insert.</summary>
public sealed class EfRequestStore(DbFactory factory) : IRequestStore
{
    public Task<HelpRequest?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        factory.ReadAsync(db => db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken));

    public async Task<(HelpRequest Request, bool Inserted)> InsertWithTicketAsync(NewHelpRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await factory.WriteBatchedAsync(async db =>
            {
                var existing = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    return (existing, false);
                }

                var numbers = await db.Database.SqlQuery<int>(
                    $"""
                    INSERT INTO ticket_counters (branch, day, last) VALUES ({request.Branch}, {request.LocalDay}, 1)
                    ON CONFLICT (branch, day) DO UPDATE SET last = ticket_counters.last + 1
                    RETURNING last AS "Value"
                    """).ToListAsync(cancellationToken).ConfigureAwait(false);

                var stored = new HelpRequest
                {
                    Id = request.Id,
                    Branch = request.Branch,
                    Device = request.Device,
                    Category = request.Category,
                    Lang = request.Lang,
                    Ticket = numbers[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    LocalDay = request.LocalDay,
                    PressedAt = request.PressedAt,
                    ReceivedAt = request.ReceivedAt,
                    State = request.State,
                    QueueKey = request.PressedAt.ToUnixTimeMilliseconds(),
                    FinishedAt = request.State.IsOpen() ? null : request.ReceivedAt,
                };
                db.Requests.Add(stored);
                db.RequestEvents.Add(new RequestEvent
                {
                    RequestId = stored.Id,
                    Branch = stored.Branch,
                    At = request.ReceivedAt,
                    Kind = request.State == RequestState.Unstaffed ? "unstaffed" : "created",
                    Actor = request.Device,
                });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return (stored, true);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another gateway inserted the same id between our check and our insert: the stored one is the request.
            var existing = await FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                throw;
            }

            return (existing, false);
        }
    }

    public Task<bool> TryUpdateAsync(HelpRequest changed, long expectedVersion, RequestEvent evt, CancellationToken cancellationToken = default) =>
        factory.WriteBatchedAsync(async db =>
        {
            var copy = changed.Copy();
            copy.Version = expectedVersion + 1;
            var entry = db.Requests.Attach(copy);
            entry.State = EntityState.Modified;
            entry.Property(r => r.Version).OriginalValue = expectedVersion;
            db.RequestEvents.Add(evt);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }

            changed.Version = copy.Version;
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<HelpRequest>> OpenAsync(string branch, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<HelpRequest>>(async db => await db.Requests.AsNoTracking()
            .Where(r => r.Branch == branch && (r.State == RequestState.Queued || r.State == RequestState.Assigned))
            .OrderBy(r => r.QueueKey).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false));

    public Task<IReadOnlyList<HelpRequest>> AssignedToAsync(string hostUser, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<HelpRequest>>(async db => await db.Requests.AsNoTracking()
            .Where(r => r.HostUser == hostUser && r.State == RequestState.Assigned)
            .ToListAsync(cancellationToken).ConfigureAwait(false));

    public Task<IReadOnlyList<HelpRequest>> ForDayAsync(string branch, DateOnly day, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<HelpRequest>>(async db => await db.Requests.AsNoTracking()
            .Where(r => r.Branch == branch && r.LocalDay == day)
            .OrderBy(r => r.ReceivedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false));

    public Task<IReadOnlyList<double>> RecentHandlingSecondsAsync(string branch, DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<double>>(async db =>
        {
            var rows = await db.Requests.AsNoTracking()
                .Where(r => r.Branch == branch && r.State == RequestState.Done && r.FinishedAt >= since && r.AssignedAt != null)
                .OrderByDescending(r => r.FinishedAt)
                .Take(limit)
                .Select(r => new { r.AssignedAt, r.FinishedAt })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.Select(r => (r.FinishedAt!.Value - r.AssignedAt!.Value).TotalSeconds).ToList();
        });

    public Task<IReadOnlyList<HelpRequest>> LatestPerDeviceAsync(CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<HelpRequest>>(async db =>
        {
            var devices = await db.Requests.AsNoTracking().Select(r => r.Device).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
            var latest = new List<HelpRequest>(devices.Count);
            foreach (var device in devices)
            {
                var r = await db.Requests.AsNoTracking().Where(x => x.Device == device)
                    .OrderByDescending(x => x.ReceivedAt).ThenByDescending(x => x.Id)
                    .FirstAsync(cancellationToken).ConfigureAwait(false);
                latest.Add(r);
            }

            return latest;
        });
}
