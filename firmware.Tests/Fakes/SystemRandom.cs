using System;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>A seeded System.Random behind <see cref="IRandomSource"/>.</summary>
    public sealed class SystemRandom : IRandomSource
    {
        private readonly Random _random;

        /// <summary>Creates a source with a fixed seed, so failures reproduce.</summary>
        public SystemRandom(int seed)
        {
            _random = new Random(seed);
        }

        /// <inheritdoc/>
        public int Next(int maxExclusive)
        {
            return _random.Next(maxExclusive);
        }
    }
}
