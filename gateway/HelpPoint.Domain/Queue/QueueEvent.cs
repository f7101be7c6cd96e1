using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;

namespace HelpPoint.Domain.Queue;

/// <summary>
/// One fact decided by <see cref="BranchQueue.Decide"/>, carrying everything <see cref="BranchQueue.Apply"/> needs, so
/// applying it never decides anything again.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When (the clock of the decision).</param>
/// <param name="Actor">Who did it: a staff login, a device id, <c>router</c>, or <c>shift-end:{user}</c>.</param>
public sealed record QueueEvent(QueueEventKind Kind, DateTimeOffset At, string Actor)
{
    /// <summary>The request it is about (request facts).</summary>
    public string? RequestId { get; init; }

    /// <summary>The new request (<see cref="QueueEventKind.Created"/>, <see cref="QueueEventKind.Unstaffed"/>).</summary>
    public HelpRequest? Request { get; init; }

    /// <summary>The host offered, accepting, handing back, or whose duty changed.</summary>
    public string? Host { get; init; }

    /// <summary>The accepting host's display name.</summary>
    public string? HostName { get; init; }

    /// <summary>When an offer lapses; for an escalation, when it is repeated.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>The queue key a released request moves to.</summary>
    public long? QueueKey { get; init; }

    /// <summary>Outcome of <see cref="QueueEventKind.Done"/>.</summary>
    public string? Outcome { get; init; }

    /// <summary>Corrected category of <see cref="QueueEventKind.Done"/>.</summary>
    public string? Category { get; init; }

    /// <summary>Score of <see cref="QueueEventKind.Feedback"/>.</summary>
    public int? Score { get; init; }

    /// <summary>The shift as it is after a duty fact.</summary>
    public HostDuty? Duty { get; init; }

    /// <summary>Who an escalation is offered to: the reachable hosts, the desk and the branch's managers.</summary>
    public IReadOnlyList<string>? Audience { get; init; }

    /// <summary>An accept that took a request offered to someone else: that host's offer is withdrawn.</summary>
    public string? WithdrawnFrom { get; init; }
}
