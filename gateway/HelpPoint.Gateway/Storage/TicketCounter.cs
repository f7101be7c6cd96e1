namespace HelpPoint.Gateway.Storage;

/// <summary>The last ticket number given out in a branch on a local day.</summary>
public sealed class TicketCounter
{
    public required string Branch { get; init; }

    public required DateOnly Day { get; init; }

    public int Last { get; set; }
}
