using HelpPoint.Domain.Devices;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>Registered devices and their last reported health.</summary>
public sealed class EfDeviceStore(DbFactory factory) : IDeviceStore
{
    public Task<Device?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        factory.ReadAsync(db => db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken));

    public Task<IReadOnlyList<Device>> AllAsync(CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<Device>>(async db => await db.Devices.AsNoTracking().OrderBy(d => d.Branch).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false));

    public Task UpsertAsync(Device device, CancellationToken cancellationToken = default) =>
        factory.WriteBatchedAsync(async db =>
        {
            if (await db.Devices.AnyAsync(d => d.Id == device.Id, cancellationToken).ConfigureAwait(false))
            {
                db.Devices.Update(device);
            }
            else
            {
                db.Devices.Add(device);
            }

            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> RecordStatusAsync(string id, DeviceStatus status, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        factory.WriteBatchedAsync(async db =>
        {
            var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
            if (device is null)
            {
                return false;
            }

            device.Online = status.Online;
            device.LastSeen = at;
            if (status.Online)
            {
                device.Firmware = status.Firmware ?? device.Firmware;
                device.UptimeS = status.UptimeS ?? device.UptimeS;
                device.Rssi = status.Rssi ?? device.Rssi;
                device.FreeHeap = status.FreeHeap ?? device.FreeHeap;
                device.Queued = status.Queued ?? device.Queued;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
