namespace HelpPoint.Domain.Duty;

/// <summary>Storage of the weekly roster.</summary>
public interface IRosterStore
{
    Task<IReadOnlyList<RosterShift>> AllAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RosterShift>> ForBranchAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>Replaces a branch's whole roster in one transaction.</summary>
    Task ReplaceBranchAsync(string branch, IReadOnlyList<RosterShift> shifts, CancellationToken cancellationToken = default);
}
