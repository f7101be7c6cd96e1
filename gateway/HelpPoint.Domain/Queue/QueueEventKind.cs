namespace HelpPoint.Domain.Queue;

/// <summary>The facts a branch's queue is made of. Request facts are appended to the event log; duty facts are kept as duty rows.</summary>
public enum QueueEventKind
{
    /// <summary>A visitor pressed and hosts are on duty: the request waits in the queue.</summary>
    Created,

    /// <summary>A visitor pressed with nobody on duty: recorded, and the visitor is sent to the desk.</summary>
    Unstaffed,

    /// <summary>The request is offered to one host until the offer lapses.</summary>
    Offered,

    /// <summary>The offer lapsed (or its host left) without an answer.</summary>
    OfferTimeout,

    /// <summary>The offered host said "not now".</summary>
    Declined,

    /// <summary>Every reachable host passed on it: it is offered to everyone at once (hosts, desk, managers); the visitor keeps waiting.</summary>
    Escalated,

    /// <summary>An escalated request nobody took is offered to everyone again, with a louder notice.</summary>
    EscalationRepeated,

    /// <summary>A host took the request.</summary>
    Accepted,

    /// <summary>The request went back to the front of the queue (handed back, or its host's shift ended).</summary>
    Released,

    /// <summary>The host finished helping.</summary>
    Done,

    /// <summary>A mistaken "done" was undone by its host.</summary>
    Reopened,

    /// <summary>Withdrawn by the visitor or by staff.</summary>
    Cancelled,

    /// <summary>Still waiting at closing time.</summary>
    Expired,

    /// <summary>The visitor rated the help.</summary>
    Feedback,

    /// <summary>A host or the desk started a shift here, or changed its languages.</summary>
    DutyStarted,

    /// <summary>A shift ended (by the host, the roster, or an unanswered duty check).</summary>
    DutyEnded,

    /// <summary>An idle host was asked "are you still on duty?".</summary>
    DutyPrompted,

    /// <summary>A host did something (which also answers an open duty check).</summary>
    Activity,

    /// <summary>A host on duty went on a break: no offers until they resume; the shift goes on.</summary>
    DutyPaused,

    /// <summary>A paused host takes requests again.</summary>
    DutyResumed,
}

/// <summary>Maps <see cref="QueueEventKind"/> to the names the event log and the statistics use.</summary>
public static class QueueEventKinds
{
    public static string ToWire(this QueueEventKind kind) => kind switch
    {
        QueueEventKind.Created => "created",
        QueueEventKind.Unstaffed => "unstaffed",
        QueueEventKind.Offered => "offered",
        QueueEventKind.OfferTimeout => "offer-timeout",
        QueueEventKind.Declined => "declined",
        QueueEventKind.Escalated => "escalated",
        QueueEventKind.EscalationRepeated => "escalated-again",
        QueueEventKind.Accepted => "accepted",
        QueueEventKind.Released => "released",
        QueueEventKind.Done => "done",
        QueueEventKind.Reopened => "reopened",
        QueueEventKind.Cancelled => "cancelled",
        QueueEventKind.Expired => "expired",
        QueueEventKind.Feedback => "feedback",
        QueueEventKind.DutyStarted => "duty-started",
        QueueEventKind.DutyEnded => "duty-ended",
        QueueEventKind.DutyPrompted => "duty-prompted",
        QueueEventKind.Activity => "activity",
        QueueEventKind.DutyPaused => "duty-paused",
        QueueEventKind.DutyResumed => "duty-resumed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>True for facts about one request (appended to the event log); false for duty facts.</summary>
    public static bool IsRequestFact(this QueueEventKind kind) => kind < QueueEventKind.DutyStarted;
}
