namespace HelpPoint.Core
{
    /// <summary>Random numbers for reconnect jitter; injectable so tests can pin the extremes.</summary>
    public interface IRandomSource
    {
        /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
        int Next(int maxExclusive);
    }
}
