using System.Diagnostics;
using HelpPoint.Core;

namespace HelpPoint.Simulator.Adapters;

/// <summary>Core's <see cref="IClock"/>: monotonic milliseconds since this virtual device "booted".</summary>
public sealed class SystemClock : IClock
{
    private readonly long _bootTimestamp = Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public long NowMs => (long)Stopwatch.GetElapsedTime(_bootTimestamp).TotalMilliseconds;
}
