namespace HelpPoint.Domain.Duty;

/// <summary>An IT-host's shift state: where they are on duty, which languages they help in, and when they last got a request.</summary>
public sealed class HostDuty
{
    public required string UserName { get; init; }

    public required string Branch { get; set; }

    public bool OnDuty { get; set; }

    public List<string> Languages { get; set; } = [];

    public DateTimeOffset Since { get; set; }

    /// <summary>True for the information desk: it gets escalations, not regular offers.</summary>
    public bool IsDesk { get; set; }

    /// <summary>Last time the host did something (accept, done, duty, "still here").</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>When the host was asked whether they are still on duty, if unanswered.</summary>
    public DateTimeOffset? PromptedAt { get; set; }

    /// <summary>Since when the host is on a break (paused without ending the shift); null while taking requests. Paused hosts get no offers.</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>When this host last accepted a request; the fair-rotation key.</summary>
    public DateTimeOffset? LastAssignedAt { get; set; }

    public HostDuty Copy()
    {
        var copy = (HostDuty)MemberwiseClone();
        copy.Languages = [.. Languages];
        return copy;
    }
}
