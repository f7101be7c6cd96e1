namespace HelpPoint.Domain.Stats;

/// <summary>
/// The local clock hour of instants in one time zone, remembered per UTC quarter hour. Every UTC offset in use and every DST change
/// falls on a quarter hour, so all instants of one quarter share their local hour; a busy day's 10,000 presses then need about
/// sixty time-zone conversions instead of 10,000.
/// </summary>
public sealed class LocalHours(TimeZoneInfo zone)
{
    private const long Quarter = 15 * 60;
    private readonly Dictionary<long, int> _hours = [];

    public int HourOf(DateTimeOffset instant)
    {
        var key = Math.DivRem(instant.ToUnixTimeSeconds(), Quarter, out var rest) - (rest < 0 ? 1 : 0);
        if (!_hours.TryGetValue(key, out var hour))
        {
            hour = TimeZoneInfo.ConvertTime(instant, zone).Hour;
            _hours[key] = hour;
        }

        return hour;
    }
}
