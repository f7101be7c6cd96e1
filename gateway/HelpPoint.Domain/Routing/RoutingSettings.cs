namespace HelpPoint.Domain.Routing;

/// <summary>Deployment-wide routing settings (per-branch ones live on the branch).</summary>
public sealed class RoutingSettings
{
    /// <summary>An on-duty host with no activity for this long is asked whether they are still on duty.</summary>
    public TimeSpan InactivityPrompt { get; set; } = TimeSpan.FromMinutes(90);

    /// <summary>A host who does not answer that question within this time is taken off duty.</summary>
    public TimeSpan InactivityGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many recent handling times the wait estimate averages.</summary>
    public int HandlingHistory { get; set; } = 30;

    /// <summary>How far back handling times count for the wait estimate.</summary>
    public TimeSpan HandlingWindow { get; set; } = TimeSpan.FromDays(14);
}
