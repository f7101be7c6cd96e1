namespace HelpPoint.Domain.Routing;

/// <summary>An on-duty host as the router sees them.</summary>
public sealed record HostCandidate(string UserName, IReadOnlyList<string> Languages, DateTimeOffset? LastAssignedAt, DateTimeOffset Since, bool Helping);
