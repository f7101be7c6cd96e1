using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Queue;
using HelpPoint.Domain.Routing;

namespace HelpPoint.Gateway.Requests.Engine;

/// <summary>The branch engines' storage: append a batch (group-committed with whatever else is waiting), or rebuild a branch.</summary>
public interface IEventLog
{
    /// <summary>Writes <paramref name="commit"/> durably; returns only after the transaction holding it committed.</summary>
    Task AppendAsync(EngineCommit commit, CancellationToken cancellationToken = default);

    /// <summary>A branch's state as storage has it: open requests, the day's requests, duty, the ticket counter, handling times.</summary>
    Task<RestoredBranch> LoadAsync(Branch branch, RoutingSettings settings, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>A rebuilt branch and which of its rows exist (so the next commit inserts or updates them).</summary>
public sealed record RestoredBranch(BranchQueueState State, IReadOnlySet<string> DutyRows, DateOnly? CounterDay);
