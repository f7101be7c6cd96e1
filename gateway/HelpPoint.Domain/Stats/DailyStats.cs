using System.Diagnostics.CodeAnalysis;

namespace HelpPoint.Domain.Stats;

/// <summary>A branch's figures for one local day (<c>GET /api/v1/stats/daily</c>).</summary>
public sealed record DailyStats : StatsFigures
{
    [SetsRequiredMembers]
    public DailyStats(StatsFigures figures, string branch, DateOnly date, string timeZone, int hoursInDay, bool folded)
        : base(figures)
    {
        Branch = branch;
        Date = date;
        TimeZone = timeZone;
        HoursInDay = hoursInDay;
        Folded = folded;
    }

    public string Branch { get; }

    public DateOnly Date { get; }

    /// <summary>The IANA time zone the day and its hours are local to.</summary>
    public string TimeZone { get; }

    /// <summary>23 on the spring DST day, 25 on the autumn one, else 24.</summary>
    public int HoursInDay { get; }

    /// <summary>True when the day's raw requests are gone (retention) and these figures come from its kept aggregate.</summary>
    public bool Folded { get; }
}
