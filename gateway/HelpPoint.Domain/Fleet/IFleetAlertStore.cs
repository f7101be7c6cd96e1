namespace HelpPoint.Domain.Fleet;

/// <summary>Storage of fleet alerts.</summary>
public interface IFleetAlertStore
{
    /// <summary>Alerts not cleared yet.</summary>
    Task<IReadOnlyList<FleetAlert>> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a new alert and sets its id.</summary>
    Task AddAsync(FleetAlert alert, CancellationToken cancellationToken = default);

    Task ClearAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Open alerts and those raised since <paramref name="since"/>, newest first; of the given branches, or all when null.</summary>
    Task<IReadOnlyList<FleetAlert>> RecentAsync(IReadOnlyCollection<string>? branches, DateTimeOffset since, int limit, CancellationToken cancellationToken = default);
}
