using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>A "random" source pinned to the low end, the high end, or a fixed value.</summary>
    public sealed class FixedRandom : IRandomSource
    {
        private readonly int _mode;

        private FixedRandom(int mode)
        {
            _mode = mode;
        }

        /// <summary>Always 0: no jitter.</summary>
        public static FixedRandom Lowest()
        {
            return new FixedRandom(0);
        }

        /// <summary>Always maxExclusive - 1: the largest jitter.</summary>
        public static FixedRandom Highest()
        {
            return new FixedRandom(1);
        }

        /// <inheritdoc/>
        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                return 0;
            }

            return _mode == 0 ? 0 : maxExclusive - 1;
        }
    }
}
