namespace HelpPoint.Domain.Requests;

/// <summary>
/// Reads of stored help requests, for start-up, cold paths (an id not held in memory) and reports. Requests are written only
/// by their branch's engine, through its event log.
/// </summary>
public interface IRequestStore
{
    Task<HelpRequest?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Queued and assigned requests of a branch, in queue order.</summary>
    Task<IReadOnlyList<HelpRequest>> OpenAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>Open requests assigned to one host.</summary>
    Task<IReadOnlyList<HelpRequest>> AssignedToAsync(string hostUser, CancellationToken cancellationToken = default);

    /// <summary>Every request of a branch whose ticket belongs to <paramref name="day"/> (the branch's local day).</summary>
    Task<IReadOnlyList<HelpRequest>> ForDayAsync(string branch, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Seconds from accept to done of the branch's most recent finished requests (newest first), for the wait estimate.</summary>
    Task<IReadOnlyList<double>> RecentHandlingSecondsAsync(string branch, DateTimeOffset since, int limit, CancellationToken cancellationToken = default);

    /// <summary>The most recent request of each device (what its retained ticket topic should show).</summary>
    Task<IReadOnlyList<HelpRequest>> LatestPerDeviceAsync(CancellationToken cancellationToken = default);
}
