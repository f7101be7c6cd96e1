namespace HelpPoint.Domain.Requests;

/// <summary>Something staff must be told about, beyond the queue changing: an offer, an escalation, a duty check.</summary>
/// <param name="Kind">One of <see cref="StaffNoticeKinds"/>.</param>
/// <param name="Branch">The branch it concerns.</param>
/// <param name="Users">Who is told; empty means every staff member watching the branch.</param>
/// <param name="Request">The request it is about, if any.</param>
public sealed record StaffNotice(string Kind, string Branch, IReadOnlyList<string> Users, HelpRequest? Request);

/// <summary>The kinds of <see cref="StaffNotice"/>.</summary>
public static class StaffNoticeKinds
{
    /// <summary>A request is offered to a host; they should accept or say "not now".</summary>
    public const string Offer = "offer";

    /// <summary>An offer was taken back (timed out, declined, or someone else accepted).</summary>
    public const string OfferWithdrawn = "offer-withdrawn";

    /// <summary>Every host was tried: the information desk should step in.</summary>
    public const string Escalation = "escalation";

    /// <summary>A visitor pressed while nobody was on duty; they were sent to the desk.</summary>
    public const string Unstaffed = "unstaffed";

    /// <summary>"Are you still on duty?"</summary>
    public const string DutyCheck = "duty-check";
}
