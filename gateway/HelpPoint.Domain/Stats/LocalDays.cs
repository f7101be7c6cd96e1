namespace HelpPoint.Domain.Stats;

/// <summary>Local days of a time zone as instants: where a day starts, how long it is (23, 24 or 25 hours across DST).</summary>
public static class LocalDays
{
    /// <summary>The local day <paramref name="instant"/> falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The first instant of the local day (local midnight; where midnight is skipped by DST, the first valid local time).</summary>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // An ambiguous midnight (clocks turned back over it) starts at its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Hours the local day lasts: 24, or 23/25 on DST change days.</summary>
    public static int HoursIn(DateOnly date, TimeZoneInfo zone) =>
        (int)Math.Round((StartOf(date.AddDays(1), zone) - StartOf(date, zone)).TotalHours);

    /// <summary>Every date from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public static IEnumerable<DateOnly> Range(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
