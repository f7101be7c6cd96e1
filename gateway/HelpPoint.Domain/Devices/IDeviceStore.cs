namespace HelpPoint.Domain.Devices;

/// <summary>Storage of registered devices and their health.</summary>
public interface IDeviceStore
{
    Task<Device?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Device>> AllAsync(CancellationToken cancellationToken = default);

    Task UpsertAsync(Device device, CancellationToken cancellationToken = default);

    /// <summary>Records a status report; returns false when the device is unknown.</summary>
    Task<bool> RecordStatusAsync(string id, DeviceStatus status, DateTimeOffset at, CancellationToken cancellationToken = default);
}
