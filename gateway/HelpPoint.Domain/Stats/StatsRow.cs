using HelpPoint.Domain.Requests;

namespace HelpPoint.Domain.Stats;

/// <summary>
/// One help request as statistics see it: what happened and when, never who asked. Built by the store from the request row and
/// the tally of its events.
/// </summary>
public sealed class StatsRow
{
    /// <summary>The request id; empty in rows read only for figures (nothing there needs it).</summary>
    public string Id { get; init; } = "";

    public required string Device { get; init; }

    public required string Category { get; init; }

    public string? Lang { get; init; }

    /// <summary>The branch's local day of the ticket: the day the request counts on.</summary>
    public required DateOnly LocalDay { get; init; }

    public required DateTimeOffset PressedAt { get; init; }

    public required RequestState State { get; init; }

    public string? HostUser { get; init; }

    public string? HostName { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The request's escalation flag (the desk was alerted).</summary>
    public bool Escalated { get; init; }

    public string? Outcome { get; init; }

    public int? Feedback { get; init; }

    /// <summary>What the event log adds to the row (settable, so a store can project rows in SQL and add tallies afterwards).</summary>
    public EventTally Events { get; set; } = EventTally.None;

    public bool WasEscalated => Escalated || Events.Escalated > 0;

    public bool WasUnstaffed => State == RequestState.Unstaffed || Events.Unstaffed > 0;

    public TimeSpan? Wait => AssignedAt - PressedAt;

    public TimeSpan? Handling => State == RequestState.Done && AssignedAt is { } a && FinishedAt is { } f ? f - a : null;
}
