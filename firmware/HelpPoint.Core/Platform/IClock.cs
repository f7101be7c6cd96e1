namespace HelpPoint.Core
{
    /// <summary>A monotonic clock: milliseconds since boot. Devices have no wall clock, and need none.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; never goes backwards.</summary>
        long NowMs { get; }
    }
}
