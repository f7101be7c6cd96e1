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

    /// <summary>One UPDATE per heartbeat (no read first): heartbeats from thousands of help points share the write path with requests.</summary>
    public async Task<bool> RecordStatusAsync(string id, DeviceStatus status, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await factory.WriteBatchedAsync(db => status.Online
            ? db.Devices.Where(d => d.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Online, true)
                .SetProperty(d => d.LastSeen, at)
                .SetProperty(d => d.Firmware, d => status.Firmware ?? d.Firmware)
                .SetProperty(d => d.UptimeS, d => status.UptimeS ?? d.UptimeS)
                .SetProperty(d => d.Rssi, d => status.Rssi ?? d.Rssi)
                .SetProperty(d => d.FreeHeap, d => status.FreeHeap ?? d.FreeHeap)
                .SetProperty(d => d.Queued, d => status.Queued ?? d.Queued), cancellationToken)
            : db.Devices.Where(d => d.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Online, false)
                .SetProperty(d => d.LastSeen, at), cancellationToken), cancellationToken).ConfigureAwait(false) > 0;
}
