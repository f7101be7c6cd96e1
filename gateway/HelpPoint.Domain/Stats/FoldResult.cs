namespace HelpPoint.Domain.Stats;

/// <summary>What a retention run did: days folded into kept aggregates and raw requests deleted.</summary>
public sealed record FoldResult(int Days, int Requests);
