namespace HelpPoint.Domain.Staff;

/// <summary>Storage of staff users.</summary>
public interface IStaffStore
{
    Task<StaffUser?> FindAsync(string userName, CancellationToken cancellationToken = default);

    Task UpsertAsync(StaffUser user, CancellationToken cancellationToken = default);
}
