using HelpPoint.Gateway.Devices;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>Device provisioning records, and removing a revoked device so that its secret no longer opens a connection.</summary>
public sealed class EfProvisioningStore(DbFactory factory)
{
    public Task<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken = default) =>
        factory.ReadAsync(db => db.DeviceRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.DeviceId == deviceId, cancellationToken));

    public Task<IReadOnlyList<DeviceRegistration>> AllAsync(CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<DeviceRegistration>>(async db => await db.DeviceRegistrations.AsNoTracking()
            .OrderBy(r => r.Branch).ThenBy(r => r.DeviceId).ToListAsync(cancellationToken).ConfigureAwait(false));

    public Task UpsertAsync(DeviceRegistration registration, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(async db =>
        {
            if (await db.DeviceRegistrations.AnyAsync(r => r.DeviceId == registration.DeviceId, cancellationToken).ConfigureAwait(false))
            {
                db.DeviceRegistrations.Update(registration);
            }
            else
            {
                db.DeviceRegistrations.Add(registration);
            }

            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Marks the registration revoked and deletes the device row (its history in requests stays), in one transaction.</summary>
    public Task<bool> RevokeAsync(DeviceRegistration registration, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var deleted = await db.Devices.Where(d => d.Id == registration.DeviceId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (await db.DeviceRegistrations.AnyAsync(r => r.DeviceId == registration.DeviceId, cancellationToken).ConfigureAwait(false))
            {
                db.DeviceRegistrations.Update(registration);
            }
            else
            {
                db.DeviceRegistrations.Add(registration);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted > 0;
        }, cancellationToken);
}
