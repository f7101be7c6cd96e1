using HelpPoint.Domain.Duty;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>The weekly roster in the database.</summary>
public sealed class EfRosterStore(DbFactory factory, StoreChanges changes) : IRosterStore
{
    public Task<IReadOnlyList<RosterShift>> AllAsync(CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<RosterShift>>(async db => await db.Roster.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false));

    public Task<IReadOnlyList<RosterShift>> ForBranchAsync(string branch, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<RosterShift>>(async db => await db.Roster.AsNoTracking().Where(r => r.Branch == branch)
            .OrderBy(r => r.Day).ThenBy(r => r.Start).ThenBy(r => r.UserName).ToListAsync(cancellationToken).ConfigureAwait(false));

    public async Task ReplaceBranchAsync(string branch, IReadOnlyList<RosterShift> shifts, CancellationToken cancellationToken = default)
    {
        await factory.WriteAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.Roster.Where(r => r.Branch == branch).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            db.Roster.AddRange(shifts);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return shifts.Count;
        }, cancellationToken).ConfigureAwait(false);
        changes.OnRosterChanged();
    }
}
