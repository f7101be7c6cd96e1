using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;

namespace HelpPoint.Domain.Fleet;

/// <summary>
/// Raises an alert when a device has been silent during its branch's opening hours for longer than allowed, and clears it when the
/// device is heard from again (or is no longer registered). Silence before the branch opened does not count, so a device switched
/// off overnight is reported <see cref="FleetWatchOptions.SilentAfter"/> after opening, not at opening. A device never heard from
/// (registered, not installed yet) raises nothing.
/// </summary>
public sealed class FleetWatch(IDeviceStore devices, IBranchStore branches, IFleetAlertStore alerts, IAlertNotifier notifier, TimeProvider time)
{
    public async Task<FleetCheck> CheckAsync(FleetWatchOptions options, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var byBranch = (await branches.AllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(b => b.Id, StringComparer.Ordinal);
        var fleet = await devices.AllAsync(cancellationToken).ConfigureAwait(false);
        var open = (await alerts.OpenAsync(cancellationToken).ConfigureAwait(false))
            .Where(a => a.Kind == FleetAlert.DeviceSilent).GroupBy(a => a.Device, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var openSince = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        var raised = 0;
        var cleared = 0;

        foreach (var device in fleet)
        {
            var existing = open.GetValueOrDefault(device.Id) ?? [];
            open.Remove(device.Id);
            foreach (var alert in existing.Where(a => device.LastSeen is { } seen && (a.Since is null || seen > a.Since)))
            {
                await ClearAsync(alert, now, cancellationToken).ConfigureAwait(false);
                cleared++;
            }

            if (existing.Any(a => a.IsOpen) || device.LastSeen is not { } lastSeen || !byBranch.TryGetValue(device.Branch, out var branch))
            {
                continue;
            }

            if (!openSince.TryGetValue(branch.Id, out var opened))
            {
                opened = BranchOpening.OpenSince(branch, now);
                openSince[branch.Id] = opened;
            }

            if (opened is not { } start)
            {
                continue;
            }

            var silentFor = now - (lastSeen > start ? lastSeen : start);
            if (silentFor < options.SilentAfter)
            {
                continue;
            }

            var alertToRaise = new FleetAlert
            {
                Branch = branch.Id,
                Device = device.Id,
                Kind = FleetAlert.DeviceSilent,
                Since = lastSeen,
                RaisedAt = now,
                Message = $"{device.Id} has been silent for {Describe(now - lastSeen)} ({(device.Online ? "no heartbeat" : "offline")}) while {branch.Name} is open",
            };
            await alerts.AddAsync(alertToRaise, cancellationToken).ConfigureAwait(false);
            await notifier.RaisedAsync(alertToRaise, cancellationToken).ConfigureAwait(false);
            raised++;
        }

        // Alerts of devices that are gone (revoked) end with them.
        foreach (var alert in open.Values.SelectMany(a => a))
        {
            await ClearAsync(alert, now, cancellationToken).ConfigureAwait(false);
            cleared++;
        }

        return new FleetCheck(fleet.Count, raised, cleared);
    }

    private async Task ClearAsync(FleetAlert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await alerts.ClearAsync(alert.Id, now, cancellationToken).ConfigureAwait(false);
        alert.ClearedAt = now;
        await notifier.ClearedAsync(alert, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"12 minutes", "3 h 5 min", "2 days".</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => $"{Math.Max(0, (int)span.TotalSeconds)} seconds",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} minutes",
        { TotalDays: < 2 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} days",
    };
}
