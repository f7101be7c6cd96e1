namespace HelpPoint.Domain.Duty;

/// <summary>A weekly shift set ahead: the host is put on duty at the branch at <see cref="Start"/> and off at <see cref="End"/> (branch local time).</summary>
public sealed class RosterShift
{
    public long Id { get; set; }

    public required string UserName { get; init; }

    public required string Branch { get; init; }

    public required DayOfWeek Day { get; init; }

    public required TimeOnly Start { get; init; }

    public required TimeOnly End { get; init; }
}
