using System;
using HelpPoint.Core;

namespace HelpPoint.Device
{
    /// <summary>Core's <see cref="IRandomSource"/> over <see cref="Random"/>, seeded from the tick counter so that boards booted together still spread out.</summary>
    public sealed class DeviceRandom : IRandomSource
    {
        private readonly Random _random = new Random((int)(Environment.TickCount64 & 0x7FFFFFFF));

        /// <inheritdoc/>
        public int Next(int maxExclusive)
        {
            return _random.Next(maxExclusive);
        }
    }
}
