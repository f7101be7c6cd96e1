namespace HelpPoint.Core
{
    /// <summary>The state of a request as the gateway reports it in a ticket message.</summary>
    /// <remarks>Never call ToString on it: use <see cref="TicketStates"/>.</remarks>
    public enum TicketState
    {
        Queued = 0,
        Assigned = 1,
        Done = 2,
        Cancelled = 3,
        Expired = 4,
        Unstaffed = 5,
        Rejected = 6
    }
}
