namespace HelpPoint.Domain.Stats;

/// <summary>One host's figures: requests accepted, finished, and handling time.</summary>
public sealed record HostFigures(string Name, int Requests, int Done, double? HandlingMedianS, double? HandlingP90S);
