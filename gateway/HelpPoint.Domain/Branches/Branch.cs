namespace HelpPoint.Domain.Branches;

/// <summary>A library branch: its queue, its time zone and the languages its help points offer.</summary>
public sealed class Branch
{
    public const string DefaultTimeZone = "Europe/Stockholm";

    public required string Id { get; init; }

    public required string Name { get; set; }

    /// <summary>IANA time zone that defines the branch's local day (ticket numbers, statistics).</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZone;

    /// <summary>Languages the branch's help points offer, first is the default.</summary>
    public List<string> Languages { get; set; } = ["sv", "en"];

    /// <summary>Seconds an IT-host typically spends per visitor; the wait estimate until there is history.</summary>
    public int DefaultHandlingS { get; set; } = 120;

    public DateOnly LocalDayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
