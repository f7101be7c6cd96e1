namespace HelpPoint.Domain.Stats;

/// <summary>How often the kinds of events that statistics count happened to one request.</summary>
public sealed record EventTally(int Offered, int Declined, int OfferTimeouts, int Escalated, int Unstaffed, int Released)
{
    public static readonly EventTally None = new(0, 0, 0, 0, 0, 0);

    /// <summary>The event kinds (<c>request_events.kind</c>) that feed a tally; the others are read from the request row.</summary>
    public static readonly IReadOnlyList<string> CountedKinds = ["offered", "declined", "offer-timeout", "escalated", "unstaffed", "released"];

    /// <summary>Counts the event kinds of one request.</summary>
    public static EventTally From(IEnumerable<string> kinds)
    {
        int offered = 0, declined = 0, timeouts = 0, escalated = 0, unstaffed = 0, released = 0;
        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case "offered":
                    offered++;
                    break;
                case "declined":
                    declined++;
                    break;
                case "offer-timeout":
                    timeouts++;
                    break;
                case "escalated":
                    escalated++;
                    break;
                case "unstaffed":
                    unstaffed++;
                    break;
                case "released":
                    released++;
                    break;
            }
        }

        return offered + declined + timeouts + escalated + unstaffed + released == 0
            ? None
            : new EventTally(offered, declined, timeouts, escalated, unstaffed, released);
    }
}
