using HelpPoint.Domain.Common;

namespace HelpPoint.Domain.Devices;

/// <summary>Keeps the fleet's health current from devices' status reports.</summary>
public sealed class DeviceService(IDeviceStore devices, TimeProvider time)
{
    public async Task<Result<bool>> RecordStatusAsync(string deviceId, DeviceStatus status, CancellationToken cancellationToken = default)
    {
        if (status.Rssi is < -127 or > 0 || status.FreeHeap is < 0 || status.Queued is < 0 || status.UptimeS is < 0 || status.Firmware is { Length: > 32 })
        {
            return DomainError.Invalid("invalid status");
        }

        return await devices.RecordStatusAsync(deviceId, status, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ? true
            : DomainError.NotFound("unknown device");
    }

    public Task<IReadOnlyList<Device>> FleetAsync(CancellationToken cancellationToken = default) => devices.AllAsync(cancellationToken);
}
