namespace HelpPoint.Gateway.Stats;

/// <summary>What sending a daily summary did.</summary>
public sealed record SummarySendResult(string Branch, DateOnly Date, int Recipients, IReadOnlyList<string> ManagersWithoutEmail);
