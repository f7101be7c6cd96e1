using HelpPoint.Domain.Requests;

namespace HelpPoint.Domain.Stats;

/// <summary>
/// Turns a day's stored requests into a <see cref="DayAggregate"/>. The rules, so that every figure can be checked by hand:
/// <list type="bullet">
/// <item>A request counts on the local day of its ticket; its hour is the local clock hour of the press in the branch's time zone.
/// On the spring DST day hour 02 stays empty (that hour does not exist); on the autumn day hour 02 holds both 02:00–03:00 hours.</item>
/// <item>Wait is press → accept, handling accept → done, both rounded to whole seconds; medians and 90th percentiles are
/// nearest-rank over those seconds.</item>
/// <item>Target share: of the requests that counted for it, those accepted at most <c>TargetAcceptS</c> after the press.
/// Every accepted request counts; so does any other request that waited past the target (expired, cancelled late, still open).
/// Unstaffed requests never had anyone to accept them and a visitor who cancelled within the target did not wait for one, so those
/// do not count.</item>
/// </list>
/// </summary>
public static class DayAggregator
{
    /// <param name="events">
    /// The day's event totals when the store counted them in bulk (the rows then carry no tallies); null to add up the rows' own
    /// tallies. Both give the same figures.
    /// </param>
    public static DayAggregate Compute(
        string branch, DateOnly date, IEnumerable<StatsRow> rows, TimeZoneInfo zone, int targetAcceptS, DateTimeOffset asOf, EventTotals? events = null)
    {
        var day = new DayAggregate { Branch = branch, Date = date, TargetAcceptS = targetAcceptS };
        var target = TimeSpan.FromSeconds(targetAcceptS);
        var hours = new LocalHours(zone);
        foreach (var r in rows)
        {
            day.Total++;
            day.HoursOf(r.Category)[hours.HourOf(r.PressedAt)]++;
            DayAggregate.Increment(day.States, r.State.ToWire());
            DayAggregate.Increment(day.Languages, r.Lang ?? "none");
            DayAggregate.Increment(day.Devices, r.Device);
            if (r.Feedback is { } score)
            {
                DayAggregate.Increment(day.Feedback, score switch { 1 => "unhappy", 2 => "neutral", _ => "happy" });
            }

            if (r.Wait is { } wait)
            {
                day.Wait.Add(wait);
            }

            if (r.Handling is { } handling)
            {
                day.Handling.Add(handling);
            }

            if (r.HostUser is { } user)
            {
                if (!day.Hosts.TryGetValue(user, out var host))
                {
                    host = new HostTally();
                    day.Hosts[user] = host;
                }

                host.Name = r.HostName ?? user;
                host.Requests++;
                if (r.State == RequestState.Done)
                {
                    host.Done++;
                }

                if (r.Handling is { } hostHandling)
                {
                    host.Handling.Add(hostHandling);
                }
            }

            switch (r.State)
            {
                case RequestState.Done:
                    day.Done++;
                    DayAggregate.Increment(day.Outcomes, r.Outcome ?? "unknown");
                    break;
                case RequestState.Cancelled:
                    day.Cancelled++;
                    break;
                case RequestState.Expired:
                    day.Expired++;
                    break;
            }

            if (r.WasEscalated)
            {
                day.Escalated++;
            }

            if (r.WasUnstaffed)
            {
                day.Unstaffed++;
            }

            day.Offers += r.Events.Offered;
            day.Declines += r.Events.Declined;
            day.OfferTimeouts += r.Events.OfferTimeouts;
            day.Releases += r.Events.Released;

            if (CountsForTarget(r, target, asOf))
            {
                day.TargetEligible++;
                if (r.Wait is { } w && DurationHistogram.ToSeconds(w) <= targetAcceptS)
                {
                    day.WithinTarget++;
                }
            }
        }

        if (events is not null)
        {
            day.Offers = events.Offered;
            day.Declines = events.Declined;
            day.OfferTimeouts = events.OfferTimeouts;
            day.Releases = events.Released;
            day.Escalated += events.EscalatedOnlyInLog;
            day.Unstaffed += events.UnstaffedOnlyInLog;
        }

        return day;
    }

    /// <summary>Whether a request counts for the target share (see the class summary).</summary>
    public static bool CountsForTarget(StatsRow r, TimeSpan target, DateTimeOffset asOf)
    {
        if (r.AssignedAt is not null)
        {
            return true;
        }

        if (r.State == RequestState.Unstaffed)
        {
            return false;
        }

        var waitedUntil = r.State.IsOpen() ? asOf : r.FinishedAt ?? asOf;
        return waitedUntil - r.PressedAt > target;
    }
}
