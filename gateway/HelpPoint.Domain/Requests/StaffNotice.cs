namespace HelpPoint.Domain.Requests;

/// <summary>Something staff must be told about, beyond the queue changing: an offer, an escalation, a duty check.</summary>
/// <param name="Kind">One of <see cref="StaffNoticeKinds"/>.</param>
/// <param name="Branch">The branch it concerns.</param>
/// <param name="Users">Who is told; empty means every staff member watching the branch.</param>
/// <param name="Request">The request it is about, if any.</param>
/// <param name="Device">The device it is about, if any (fleet alerts).</param>
/// <param name="Detail">A sentence for the staff member (fleet alerts: what is wrong).</param>
public sealed record StaffNotice(string Kind, string Branch, IReadOnlyList<string> Users, HelpRequest? Request, string? Device = null, string? Detail = null);

/// <summary>The kinds of <see cref="StaffNotice"/>.</summary>
public static class StaffNoticeKinds
{
    /// <summary>A request is offered to a host; they should accept or say "not now".</summary>
    public const string Offer = "offer";

    /// <summary>An offer was taken back (timed out, declined, or someone else accepted).</summary>
    public const string OfferWithdrawn = "offer-withdrawn";

    /// <summary>Every reachable host passed on a request: it is offered to everyone at once (hosts, desk, managers).</summary>
    public const string Escalation = "escalation";

    /// <summary>An escalated request still waits: offered to everyone again; phones ring louder than for an offer.</summary>
    public const string EscalationRepeat = "escalation-repeat";

    /// <summary>A visitor pressed while nobody was on duty; they were sent to the desk.</summary>
    public const string Unstaffed = "unstaffed";

    /// <summary>"Are you still on duty?"</summary>
    public const string DutyCheck = "duty-check";

    /// <summary>A help point or board of the branch has gone silent during opening hours (to the branch's managers).</summary>
    public const string FleetAlert = "fleet-alert";

    /// <summary>The broker is slowing a device of the branch down: too many messages or connections (to the branch's managers).</summary>
    public const string DeviceThrottled = "device-throttled";
}
