using HelpPoint.Core;

namespace HelpPoint.Simulator.Adapters;

/// <summary>Core's <see cref="IRandomSource"/> over <see cref="Random.Shared"/> (thread-safe).</summary>
public sealed class SharedRandomSource : IRandomSource
{
    /// <inheritdoc/>
    public int Next(int maxExclusive) => Random.Shared.Next(maxExclusive);
}
