using HelpPoint.Domain.Fleet;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>Fleet alerts in the database.</summary>
public sealed class EfFleetAlertStore(DbFactory factory) : IFleetAlertStore
{
    public Task<IReadOnlyList<FleetAlert>> OpenAsync(CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<FleetAlert>>(async db => await db.FleetAlerts.AsNoTracking()
            .Where(a => a.ClearedAt == null).OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false));

    public Task AddAsync(FleetAlert alert, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(async db =>
        {
            db.FleetAlerts.Add(alert);
            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task ClearAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(db => db.FleetAlerts.Where(a => a.Id == id && a.ClearedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClearedAt, at), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<FleetAlert>> RecentAsync(IReadOnlyCollection<string>? branches, DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<FleetAlert>>(async db =>
        {
            var query = db.FleetAlerts.AsNoTracking().Where(a => a.ClearedAt == null || a.RaisedAt >= since);
            if (branches is not null)
            {
                var list = branches.ToList();
                query = query.Where(a => list.Contains(a.Branch));
            }

            return await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        });
}
