using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Duty;

namespace HelpPoint.Domain.Requests;

/// <summary>
/// A branch's queue as one operation sees it: its open requests in queue order, who is on duty, and the handling time
/// for wait estimates. Read once per operation and kept current as the operation writes, so offering and announcing do
/// not read the same rows again and again.
/// </summary>
public sealed class BranchState(Branch branch, List<HelpRequest> open, IReadOnlyList<HostDuty> onDuty, int handlingS)
{
    public Branch Branch { get; } = branch;

    public IReadOnlyList<HelpRequest> Open => open;

    public IReadOnlyList<HostDuty> OnDuty { get; } = onDuty;

    public int HandlingS { get; } = handlingS;

    /// <summary>IT-hosts on duty (not the desk).</summary>
    public int Hosts => OnDuty.Count(d => !d.IsDesk);

    /// <summary>Takes a stored change into account: an open request replaces its old self (in queue order), a finished one leaves.</summary>
    public void Apply(HelpRequest changed)
    {
        open.RemoveAll(r => r.Id == changed.Id);
        if (changed.State.IsOpen())
        {
            var at = open.FindIndex(r => r.QueueKey > changed.QueueKey || (r.QueueKey == changed.QueueKey && string.CompareOrdinal(r.Id, changed.Id) > 0));
            open.Insert(at < 0 ? open.Count : at, changed);
        }
    }
}
