namespace HelpPoint.Gateway.Cluster;

/// <summary>Which branches this gateway runs the engine of. Exactly one gateway owns a branch at a time.</summary>
public interface IBranchOwnership
{
    /// <summary>True when several gateways share the work (commands for other branches are forwarded to their owner).</summary>
    bool IsShared { get; }

    bool Owns(string branch);

    /// <summary>Completes once this gateway has taken what it owns at start-up (before it, no branch looks like its own).</summary>
    Task FirstRound { get; }

    /// <summary>The HTTP address of the gateway that owns <paramref name="branch"/> now, if any does.</summary>
    Task<Uri?> OwnerAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>This gateway took the branch over (its engine starts and rebuilds from storage).</summary>
    event Action<string>? Gained;

    /// <summary>This gateway no longer owns the branch (its engine stops at once).</summary>
    event Action<string>? Lost;
}

/// <summary>One gateway (embedded broker, or an external one with SQLite): it owns every branch.</summary>
public sealed class EveryBranchHere : IBranchOwnership
{
    public bool IsShared => false;

    public bool Owns(string branch) => true;

    public Task FirstRound => Task.CompletedTask;

    public Task<Uri?> OwnerAsync(string branch, CancellationToken cancellationToken = default) => Task.FromResult<Uri?>(null);

    public event Action<string>? Gained
    {
        add { }
        remove { }
    }

    public event Action<string>? Lost
    {
        add { }
        remove { }
    }
}

/// <summary>A command reached a gateway that does not own its branch; it goes to the owner instead.</summary>
public sealed class BranchElsewhereException(string branch) : Exception($"branch '{branch}' is run by another gateway")
{
    public string Branch { get; } = branch;
}
