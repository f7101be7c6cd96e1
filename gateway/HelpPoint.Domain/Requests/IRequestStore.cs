namespace HelpPoint.Domain.Requests;

/// <summary>Durable storage of help requests. Implementations make every method atomic, also across gateway processes sharing a database.</summary>
public interface IRequestStore
{
    Task<HelpRequest?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new request with the next ticket number of its branch and local day, in one transaction.
    /// When a request with the same id exists already, nothing is written and the stored one is returned with <c>Inserted = false</c>.
    /// </summary>
    Task<(HelpRequest Request, bool Inserted)> InsertWithTicketAsync(NewHelpRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="changed"/> and appends <paramref name="evt"/> if, and only if, the stored version is still <paramref name="expectedVersion"/>.
    /// Returns false (writing nothing) when someone else changed the request first.
    /// </summary>
    Task<bool> TryUpdateAsync(HelpRequest changed, long expectedVersion, RequestEvent evt, CancellationToken cancellationToken = default);

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
