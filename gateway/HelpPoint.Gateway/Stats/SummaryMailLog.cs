namespace HelpPoint.Gateway.Stats;

/// <summary>A daily summary that was e-mailed, so a restart never sends the same day twice.</summary>
public sealed class SummaryMailLog
{
    public required string Branch { get; init; }

    public required DateOnly Day { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    public int Recipients { get; init; }
}
