namespace HelpPoint.Domain.Fleet;

/// <summary>When a device counts as silent.</summary>
public sealed class FleetWatchOptions
{
    public const string Section = "Fleet";

    /// <summary>Silence during opening hours after which the branch's managers are alerted. Default 10 minutes (devices report every minute).</summary>
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An "online" device without a heartbeat for this long is shown as silent (it may be hung or cut off). Default 3 minutes.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often the fleet is checked. Default 30 seconds.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(30);
}
