namespace HelpPoint.Domain.Stats;

/// <summary>One host's part of a day: requests they accepted, finished, and how long helping took.</summary>
public sealed class HostTally
{
    /// <summary>The host's display name when the figures were computed.</summary>
    public string Name { get; set; } = "";

    public int Requests { get; set; }

    public int Done { get; set; }

    public DurationHistogram Handling { get; init; } = new();

    public HostTally Copy() => new() { Name = Name, Requests = Requests, Done = Done, Handling = Handling.Copy() };
}
