namespace HelpPoint.Domain.Stats;

/// <summary>
/// A day's counts of the routing events that statistics add up (offers, declines, offer timeouts, releases). Counted by the store in
/// one grouped query, because reading tens of thousands of event rows on a busy day is the slow part of a day's figures.
/// </summary>
/// <param name="EscalatedOnlyInLog">Requests with an <c>escalated</c> event whose row does not carry the escalation flag.</param>
/// <param name="UnstaffedOnlyInLog">Requests with an <c>unstaffed</c> event whose row is not in state <c>unstaffed</c>.</param>
public sealed record EventTotals(int Offered, int Declined, int OfferTimeouts, int Released, int EscalatedOnlyInLog = 0, int UnstaffedOnlyInLog = 0)
{
    public static readonly EventTotals None = new(0, 0, 0, 0);

    /// <summary>The kinds counted here (<c>request_events.kind</c>).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["offered", "declined", "offer-timeout", "released"];

    /// <summary>From (kind, count) pairs; for <c>escalated</c> and <c>unstaffed</c> the count is of requests whose row does not say so.</summary>
    public static EventTotals From(IEnumerable<(string Kind, int Count)> counts)
    {
        int offered = 0, declined = 0, timeouts = 0, released = 0, escalated = 0, unstaffed = 0;
        foreach (var (kind, count) in counts)
        {
            switch (kind)
            {
                case "escalated":
                    escalated += count;
                    break;
                case "unstaffed":
                    unstaffed += count;
                    break;
                case "offered":
                    offered += count;
                    break;
                case "declined":
                    declined += count;
                    break;
                case "offer-timeout":
                    timeouts += count;
                    break;
                case "released":
                    released += count;
                    break;
            }
        }

        return new EventTotals(offered, declined, timeouts, released, escalated, unstaffed);
    }
}
