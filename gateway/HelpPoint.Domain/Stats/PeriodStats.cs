using System.Diagnostics.CodeAnalysis;

namespace HelpPoint.Domain.Stats;

/// <summary>A branch's figures over a range of local days (<c>GET /api/v1/stats/range</c>), with one trend entry per day.</summary>
public sealed record PeriodStats : StatsFigures
{
    [SetsRequiredMembers]
    public PeriodStats(StatsFigures figures, string branch, string branchName, DateOnly from, DateOnly to, IReadOnlyList<DayTrend>? days)
        : base(figures)
    {
        Branch = branch;
        BranchName = branchName;
        From = from;
        To = to;
        Days = days;
    }

    public string Branch { get; }

    public string BranchName { get; }

    public DateOnly From { get; }

    /// <summary>Last day, inclusive.</summary>
    public DateOnly To { get; }

    /// <summary>Per day, oldest first; null in a comparison of branches.</summary>
    public IReadOnlyList<DayTrend>? Days { get; }
}
