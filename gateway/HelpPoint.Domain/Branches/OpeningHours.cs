using System.Globalization;

namespace HelpPoint.Domain.Branches;

/// <summary>
/// A branch's weekly opening hours, written as people write them: <c>mon-fri 10:00-19:00; sat 11:00-16:00</c>.
/// Empty means open all day every day, with the day ending at local midnight (when ticket numbers restart).
/// </summary>
public sealed class OpeningHours
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly List<(DayOfWeek Day, TimeOnly Open, TimeOnly Close)> _periods;

    private OpeningHours(List<(DayOfWeek, TimeOnly, TimeOnly)> periods) => _periods = periods;

    public static OpeningHours AlwaysOpen { get; } = new([]);

    public bool IsAlwaysOpen => _periods.Count == 0;

    /// <summary>Parses the text form; an error names what is wrong.</summary>
    public static bool TryParse(string? text, out OpeningHours hours, out string? error)
    {
        hours = AlwaysOpen;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var periods = new List<(DayOfWeek, TimeOnly, TimeOnly)>();
        foreach (var rawPart in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = rawPart.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length != 2)
            {
                error = $"'{rawPart}' should look like 'mon-fri 10:00-19:00'";
                return false;
            }

            if (!TryParseDays(pieces[0].ToLowerInvariant(), out var days))
            {
                error = $"'{pieces[0]}' is not a day or day range (mon, tue, wed, thu, fri, sat, sun)";
                return false;
            }

            var times = pieces[1].Split('-');
            if (times.Length != 2
                || !TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
                || !TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close)
                || close <= open)
            {
                error = $"'{pieces[1]}' should be an opening and a later closing time, e.g. 10:00-19:00";
                return false;
            }

            foreach (var day in days)
            {
                periods.Add((day, open, close));
            }
        }

        hours = new OpeningHours(periods);
        return true;
    }

    public static OpeningHours Parse(string? text) =>
        TryParse(text, out var hours, out var error) ? hours : throw new FormatException(error);

    /// <summary>True when the branch is open at <paramref name="instant"/>.</summary>
    public bool IsOpen(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return _periods.Any(p => p.Day == local.DayOfWeek && time >= p.Open && time < p.Close);
    }

    /// <summary>
    /// The first closing instant after <paramref name="instant"/>: requests still waiting then have expired.
    /// For a branch that is always open this is the next local midnight.
    /// </summary>
    public DateTimeOffset NextClosing(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        for (var d = 0; d <= 8; d++)
        {
            var date = localDate.AddDays(d);
            var closings = IsAlwaysOpen
                ? [new TimeOnly(0, 0)]
                : _periods.Where(p => p.Day == date.DayOfWeek).Select(p => p.Close).OrderBy(t => t).ToArray();
            foreach (var close in closings)
            {
                var at = ToInstant(IsAlwaysOpen ? date.AddDays(1) : date, close, zone);
                if (at > instant)
                {
                    return at;
                }
            }
        }

        // Only reachable with no periods at all, which IsAlwaysOpen covers; a week ahead is a safe bound.
        return instant.AddDays(7);
    }

    public override string ToString() =>
        string.Join("; ", _periods.Select(p => $"{DayNames[(int)p.Day]} {p.Open:HH\\:mm}-{p.Close:HH\\:mm}"));

    /// <summary>Local wall-clock time to an instant; a time skipped by a DST change moves forward, an ambiguous one takes the first.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static bool TryParseDays(string text, out List<DayOfWeek> days)
    {
        days = [];
        foreach (var item in text.Split(','))
        {
            var range = item.Split('-');
            var first = Array.IndexOf(DayNames, range[0]);
            var last = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) : first;
            if (range.Length > 2 || first < 0 || last < 0)
            {
                return false;
            }

            // Weeks run Monday to Sunday here: "fri-sun" is Friday, Saturday, Sunday.
            var i = first;
            while (true)
            {
                days.Add((DayOfWeek)i);
                if (i == last)
                {
                    break;
                }

                i = (i + 1) % 7;
            }
        }

        return true;
    }
}
