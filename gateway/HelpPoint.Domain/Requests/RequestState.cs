namespace HelpPoint.Domain.Requests;

/// <summary>Where a help request is in its life; the wire names are those of protocol v1's ticket message.</summary>
public enum RequestState
{
    Queued,
    Assigned,
    Done,
    Cancelled,
    Expired,
    Unstaffed,
}

/// <summary>Maps <see cref="RequestState"/> to and from the protocol's state names.</summary>
public static class RequestStates
{
    public static string ToWire(this RequestState state) => state switch
    {
        RequestState.Queued => "queued",
        RequestState.Assigned => "assigned",
        RequestState.Done => "done",
        RequestState.Cancelled => "cancelled",
        RequestState.Expired => "expired",
        RequestState.Unstaffed => "unstaffed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static bool IsOpen(this RequestState state) => state is RequestState.Queued or RequestState.Assigned;
}
