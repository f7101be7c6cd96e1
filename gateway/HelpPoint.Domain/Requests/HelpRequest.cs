namespace HelpPoint.Domain.Requests;

/// <summary>One visitor's request for help, from the button press to its end. No visitor data: the ticket is the only handle.</summary>
public sealed class HelpRequest
{
    /// <summary>The device's request id, <c>{device}-{seq}</c>; the idempotency key.</summary>
    public required string Id { get; init; }

    public required string Branch { get; init; }

    public required string Device { get; init; }

    public required string Category { get; set; }

    /// <summary>ISO 639-1 code the visitor picked, or null.</summary>
    public string? Lang { get; init; }

    /// <summary>The number shown to the visitor, unique per branch and local day.</summary>
    public required string Ticket { get; init; }

    /// <summary>The branch's local day the ticket number belongs to.</summary>
    public required DateOnly LocalDay { get; init; }

    /// <summary>When the visitor pressed: received time minus the device's reported age.</summary>
    public required DateTimeOffset PressedAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public RequestState State { get; set; }

    /// <summary>Sort key of the branch queue: smaller is served first. Starts as the press time; a release moves it to the front.</summary>
    public long QueueKey { get; set; }

    /// <summary>Login name of the IT-host who accepted (assigned and done requests).</summary>
    public string? HostUser { get; set; }

    /// <summary>Display name of that host, shown to the visitor.</summary>
    public string? HostName { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>True once every reachable on-duty host passed on the request and it was offered to everyone at once (hosts, desk, managers).</summary>
    public bool Escalated { get; set; }

    /// <summary>When an escalated request that nobody took is offered to everyone again, with a louder notice.</summary>
    public DateTimeOffset? RepeatAt { get; set; }

    /// <summary>The host the request is currently offered to, if any.</summary>
    public string? OfferedTo { get; set; }

    /// <summary>When the current offer lapses and the next host is tried.</summary>
    public DateTimeOffset? OfferExpiresAt { get; set; }

    /// <summary>Hosts already offered this request (or who handed it back), in order.</summary>
    public List<string> Tried { get; set; } = [];

    /// <summary>How the help ended, set with <c>done</c>: <c>helped</c>, <c>referred</c> or <c>no-show</c> (never free text).</summary>
    public string? Outcome { get; set; }

    /// <summary>Visitor feedback after help: 1 unhappy, 2 neutral, 3 happy.</summary>
    public int? Feedback { get; set; }

    /// <summary>Optimistic-concurrency version: every stored change increments it, and a change written against an old version is refused.</summary>
    public long Version { get; set; }

    public HelpRequest Copy()
    {
        var copy = (HelpRequest)MemberwiseClone();
        copy.Tried = [.. Tried];
        return copy;
    }
}
