namespace HelpPoint.Domain.Routing;

/// <summary>
/// Chooses who is offered a request: among the eligible hosts, those who speak the visitor's language if anyone does,
/// then those not already helping someone if anyone is free, then the least recently assigned (fair rotation).
/// </summary>
public static class Router
{
    public static HostCandidate? Choose(string? lang, IEnumerable<HostCandidate> eligible)
    {
        IReadOnlyList<HostCandidate> pool = eligible.ToList();
        if (pool.Count == 0)
        {
            return null;
        }

        if (lang is not null && pool.Any(h => h.Languages.Contains(lang)))
        {
            pool = pool.Where(h => h.Languages.Contains(lang)).ToList();
        }

        if (pool.Any(h => !h.Helping))
        {
            pool = pool.Where(h => !h.Helping).ToList();
        }

        return pool
            .OrderBy(h => h.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(h => h.Since)
            .ThenBy(h => h.UserName, StringComparer.Ordinal)
            .First();
    }
}
