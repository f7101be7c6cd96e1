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

    /// <summary>Seconds an offer waits for an accept before the next host is tried.</summary>
    public int AcceptTimeoutS { get; set; } = 60;

    /// <summary>
    /// Seconds between the louder repeats of an escalated request: once every host has passed on it, it is offered to everyone
    /// (hosts, the desk, the branch's managers) at once, and again every this many seconds until someone takes it.
    /// </summary>
    public int EscalationRepeatS { get; set; } = 120;

    /// <summary>The branch's service target: a request should be accepted within this many seconds (statistics).</summary>
    public int TargetAcceptS { get; set; } = 120;

    /// <summary>Weekly opening hours, e.g. <c>mon-fri 10:00-19:00; sat 11:00-16:00</c>. Empty: open all day, every day.</summary>
    public string OpeningHours { get; set; } = "";

    /// <summary>The language help points start in.</summary>
    public string DefaultLanguage => Languages.Count > 0 ? Languages[0] : "sv";

    public DateOnly LocalDayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The branch's time zone (looked up once per id: the system lookup takes a global lock).</summary>
    public TimeZoneInfo TimeZone
    {
        get
        {
            var zone = _zone;
            if (zone is null || !string.Equals(zone.Id, TimeZoneId, StringComparison.Ordinal))
            {
                zone = _zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
            }

            return zone;
        }
    }

    private TimeZoneInfo? _zone;
}
