namespace HelpPoint.Domain.Fleet;

/// <summary>What one fleet check did.</summary>
public sealed record FleetCheck(int Devices, int Raised, int Cleared);
