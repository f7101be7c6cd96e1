using HelpPoint.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>Reads of help requests in the database (the branch engines write them through their event log).</summary>
public sealed class EfRequestStore(DbFactory factory) : IRequestStore
{
    public Task<HelpRequest?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        factory.ReadAsync(db => db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken));

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
