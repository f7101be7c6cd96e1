using System.Collections.Concurrent;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Requests;

namespace HelpPoint.Domain.Routing;

/// <summary>
/// How long a visitor can expect to wait: the branch's recent average handling time (accept → done) per visitor,
/// divided among the hosts on duty; the branch's configured default while there is no history.
/// </summary>
public sealed class WaitEstimator(IRequestStore requests, RoutingSettings settings, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (int Seconds, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>Average seconds per visitor at this branch.</summary>
    public async Task<int> HandlingSecondsAsync(Branch branch, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(branch.Id, out var cached) && cached.Until > now)
        {
            return cached.Seconds;
        }

        var recent = await requests.RecentHandlingSecondsAsync(branch.Id, now - settings.HandlingWindow, settings.HandlingHistory, cancellationToken).ConfigureAwait(false);
        var seconds = recent.Count == 0 ? branch.DefaultHandlingS : (int)Math.Max(1, Math.Round(recent.Average()));
        _cache[branch.Id] = (seconds, now + CacheFor);
        return seconds;
    }

    /// <summary>Forget the cached average (a request was just finished).</summary>
    public void Invalidate(string branch) => _cache.TryRemove(branch, out _);
}
