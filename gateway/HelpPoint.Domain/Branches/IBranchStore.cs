namespace HelpPoint.Domain.Branches;

/// <summary>Storage of branches.</summary>
public interface IBranchStore
{
    Task<Branch?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Branch>> AllAsync(CancellationToken cancellationToken = default);

    Task UpsertAsync(Branch branch, CancellationToken cancellationToken = default);
}
