using HelpPoint.Domain.Branches;

namespace HelpPoint.Domain.Fleet;

/// <summary>
/// The fleet watch's view of opening hours: the one seam to <see cref="OpeningHours"/>. A branch whose hours do not parse counts as
/// always open, so a typo can cause an extra alert but never hide a dead help point.
/// </summary>
public static class BranchOpening
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(8);

    public static bool IsOpen(Branch branch, DateTimeOffset instant) => Hours(branch).IsOpen(instant, branch.TimeZone);

    /// <summary>
    /// When the current opening period began (to the minute), or null when the branch is closed at <paramref name="now"/>.
    /// A branch open around the clock has been open "forever": <see cref="DateTimeOffset.MinValue"/>.
    /// </summary>
    public static DateTimeOffset? OpenSince(Branch branch, DateTimeOffset now)
    {
        var hours = Hours(branch);
        if (hours.IsAlwaysOpen)
        {
            return DateTimeOffset.MinValue;
        }

        var zone = branch.TimeZone;
        if (!hours.IsOpen(now, zone))
        {
            return null;
        }

        // Periods are whole minutes, so walking back a minute at a time finds the opening exactly.
        var at = new DateTimeOffset(now.Ticks - (now.Ticks % Step.Ticks), now.Offset);
        var limit = now - Horizon;
        while (at > limit && hours.IsOpen(at - Step, zone))
        {
            at -= Step;
        }

        return at <= limit ? DateTimeOffset.MinValue : at;
    }

    private static OpeningHours Hours(Branch branch) =>
        OpeningHours.TryParse(branch.OpeningHours, out var hours, out _) ? hours : OpeningHours.AlwaysOpen;
}
