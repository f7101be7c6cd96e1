namespace HelpPoint.Gateway.Storage;

/// <summary>
/// Tells the parts that hold state in memory (the branch engines, the roster clock) that rows they were built from changed,
/// so they reload those rows instead of re-reading the database on every operation.
/// </summary>
public sealed class StoreChanges
{
    /// <summary>A branch's settings were written (opening hours, offer timeout, languages…).</summary>
    public event Action<HelpPoint.Domain.Branches.Branch>? BranchChanged;

    /// <summary>A staff user was written (a manager's branches decide who is told of escalations).</summary>
    public event Action<HelpPoint.Domain.Staff.StaffUser>? StaffChanged;

    /// <summary>A roster was replaced.</summary>
    public event Action? RosterChanged;

    public void OnBranchChanged(HelpPoint.Domain.Branches.Branch branch) => BranchChanged?.Invoke(branch);

    public void OnStaffChanged(HelpPoint.Domain.Staff.StaffUser user) => StaffChanged?.Invoke(user);

    public void OnRosterChanged() => RosterChanged?.Invoke();
}
