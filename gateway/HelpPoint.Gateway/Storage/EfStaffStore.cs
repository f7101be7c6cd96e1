using HelpPoint.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>Staff users in the database.</summary>
public sealed class EfStaffStore(DbFactory factory, StoreChanges? changes = null) : IStaffStore
{
    public Task<StaffUser?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        factory.ReadAsync(db => db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.UserName == userName, cancellationToken));

    public async Task UpsertAsync(StaffUser user, CancellationToken cancellationToken = default)
    {
        await factory.WriteAsync(async db =>
        {
            if (await db.Staff.AnyAsync(s => s.UserName == user.UserName, cancellationToken).ConfigureAwait(false))
            {
                db.Staff.Update(user);
            }
            else
            {
                db.Staff.Add(user);
            }

            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        changes?.OnStaffChanged(user);
    }
}
