using HelpPoint.Domain.Branches;

namespace HelpPoint.Domain.Duty;

/// <summary>When rostered shifts start and end, as instants, for whoever drives the roster.</summary>
public static class RosterSchedule
{
    /// <summary>Shift starts and ends in (<paramref name="since"/>, <paramref name="now"/>].</summary>
    public static IEnumerable<(RosterShift Shift, bool Starts)> DueBetween(RosterShift shift, Branch branch, DateTimeOffset since, DateTimeOffset now)
    {
        foreach (var (start, end) in Occurrences(shift, branch, now))
        {
            if (start > since && start <= now)
            {
                yield return (shift, true);
            }

            if (end > since && end <= now)
            {
                yield return (shift, false);
            }
        }
    }

    /// <summary>The shift's start and end instants in the local days around <paramref name="now"/>.</summary>
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
