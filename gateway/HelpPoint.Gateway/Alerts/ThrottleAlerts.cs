using System.Collections.Concurrent;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Alerts;

/// <summary>
/// Tells a branch's managers when the broker throttles one of its help points (too many messages or connections: a faulty or
/// stolen device, or someone using its secret), live on the dashboard and on their phones' channels. At most once per device
/// per <see cref="Every"/>, on the injected clock, so a flood cannot turn into a flood of alerts.
/// </summary>
public sealed class ThrottleAlerts(EfContactStore contacts, IAnnouncer announcer, GatewayMetrics metrics, TimeProvider time, ILogger<ThrottleAlerts> logger)
{
    /// <summary>The shortest time between two alerts about one device.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    /// <summary>The broker refused <paramref name="device"/> because of too many <paramref name="what"/>. Returns at once.</summary>
    public void Throttled(DeviceIdentity device, string what)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            if (_last.TryGetValue(device.Id, out var last))
            {
                if (now - last < Every)
                {
                    return;
                }

                if (_last.TryUpdate(device.Id, now, last))
                {
                    break;
                }
            }
            else if (_last.TryAdd(device.Id, now))
            {
                break;
            }
        }

        metrics.Count("throttle_alerts", device.Id);
        _ = Task.Run(() => SendAsync(device, what));
    }

    private async Task SendAsync(DeviceIdentity device, string what)
    {
        try
        {
            var managers = await contacts.ManagersOfAsync(device.Branch).ConfigureAwait(false);
            if (managers.Count == 0)
            {
                // An empty list would mean "everyone watching the branch": hosts are not told.
                logger.LogWarning("Device {Device} is throttled and branch {Branch} has no manager to tell", device.Id, device.Branch);
                return;
            }

            var detail = $"{device.Id} sent too many {what}; the gateway is slowing it down";
            await announcer.StaffNoticeAsync(new StaffNotice(StaffNoticeKinds.DeviceThrottled, device.Branch, [.. managers.Select(m => m.UserName)], null, device.Id, detail))
                .ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not tell the managers of {Branch} that {Device} is throttled", device.Branch, device.Id);
        }
    }
}
