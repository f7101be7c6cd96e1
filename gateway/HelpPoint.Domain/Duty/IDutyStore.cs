namespace HelpPoint.Domain.Duty;

/// <summary>Storage of hosts' duty state.</summary>
public interface IDutyStore
{
    Task<HostDuty?> FindAsync(string userName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HostDuty>> OnDutyAsync(string branch, CancellationToken cancellationToken = default);

    Task UpsertAsync(HostDuty duty, CancellationToken cancellationToken = default);
}
