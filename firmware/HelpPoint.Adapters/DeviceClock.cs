using System;
using HelpPoint.Core;

namespace HelpPoint.Device
{
    /// <summary>Core's <see cref="IClock"/>: milliseconds since boot from the runtime's tick counter (never set back by SNTP).</summary>
    public sealed class DeviceClock : IClock
    {
        /// <inheritdoc/>
        public long NowMs
        {
            get { return Environment.TickCount64; }
        }
    }
}
