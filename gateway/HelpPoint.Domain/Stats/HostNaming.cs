namespace HelpPoint.Domain.Stats;

/// <summary>How hosts appear in figures: by display name, or as "Host A", "Host B"… for readers who may not see names.</summary>
public enum HostNaming
{
    Names,
    Pseudonyms,
}
