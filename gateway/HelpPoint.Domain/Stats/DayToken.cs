namespace HelpPoint.Domain.Stats;

/// <summary>
/// A cheap fingerprint of a day's raw requests: how many, the sum of their versions (every stored change of a request bumps its
/// version) and how many are still open. Equal fingerprints mean equal rows, so a closed day's figures can be reused.
/// </summary>
public sealed record DayToken(int Requests, long VersionSum, int Open);
