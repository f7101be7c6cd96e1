namespace HelpPoint.Gateway.Stats;

/// <summary>Statistics and retention (configuration section <c>Stats</c>).</summary>
public sealed class StatsOptions
{
    public const string Section = "Stats";

    /// <summary>Days raw requests and their events are kept; older days are folded into daily aggregates. Default 365.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>How often the retention job runs (it also runs once shortly after start). Default 6 hours.</summary>
    public TimeSpan RetentionEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Keep the figures of closed past days in memory and reuse them while their requests do not change. Default true.</summary>
    public bool CacheClosedDays { get; set; } = true;

    /// <summary>Roles that see IT-hosts' names in figures and exports; others see "Host A", "Host B"… Default <c>manager,admin</c>.</summary>
    public string HostNamesFor { get; set; } = "manager,admin";
}
