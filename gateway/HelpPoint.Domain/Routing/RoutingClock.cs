using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;

namespace HelpPoint.Domain.Routing;

/// <summary>
/// Everything that happens because time passes: offers lapse, requests expire at closing time, idle hosts are asked,
/// rostered shifts start and end. <see cref="TickAsync"/> does what is due at the clock's now; a host calls it periodically,
/// tests call it after moving a fake clock. State lives in the database, so a restarted gateway simply carries on.
/// </summary>
public sealed class RoutingClock(IBranchStore branches, IRosterStore roster, RequestService requests, DutyService duty, TimeProvider time)
{
    private DateTimeOffset? _lastTick;

    public async Task TickAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var since = _lastTick ?? now.AddSeconds(-1);
        _lastTick = now;

        var all = await branches.AllAsync(cancellationToken).ConfigureAwait(false);
        var byId = all.ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var shift in await roster.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!byId.TryGetValue(shift.Branch, out var branch))
            {
                continue;
            }

            foreach (var (start, end) in Occurrences(shift, branch, now))
            {
                if (start > since && start <= now)
                {
                    await duty.StartRosteredAsync(shift, cancellationToken).ConfigureAwait(false);
                }

                if (end > since && end <= now)
                {
                    await duty.EndRosteredAsync(shift, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var branch in all)
        {
            await requests.ProcessDueAsync(branch, cancellationToken).ConfigureAwait(false);
            await duty.CheckInactivityAsync(branch.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The shift's start and end instants in the local weeks around <paramref name="now"/>.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(RosterShift shift, Branch branch, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, branch.TimeZone).DateTime);
        for (var d = -1; d <= 0; d++)
        {
            var date = today.AddDays(d);
            if (date.DayOfWeek == shift.Day)
            {
                yield return (OpeningHours.ToInstant(date, shift.Start, branch.TimeZone), OpeningHours.ToInstant(date, shift.End, branch.TimeZone));
            }
        }
    }
}
