using HelpPoint.Domain.Duty;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>Hosts' duty state in the database.</summary>
public sealed class EfDutyStore(DbFactory factory) : IDutyStore
{
    public Task<HostDuty?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        factory.ReadAsync(db => db.Duty.AsNoTracking().FirstOrDefaultAsync(d => d.UserName == userName, cancellationToken));

    public Task<IReadOnlyList<HostDuty>> OnDutyAsync(string branch, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<HostDuty>>(async db => await db.Duty.AsNoTracking().Where(d => d.Branch == branch && d.OnDuty)
            .OrderBy(d => d.UserName).ToListAsync(cancellationToken).ConfigureAwait(false));

    public Task UpsertAsync(HostDuty duty, CancellationToken cancellationToken = default) =>
        factory.WriteBatchedAsync(async db =>
        {
            if (await db.Duty.AnyAsync(d => d.UserName == duty.UserName, cancellationToken).ConfigureAwait(false))
            {
                db.Duty.Update(duty);
            }
            else
            {
                db.Duty.Add(duty);
            }

            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
