using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>A clock that only moves when a test says so.</summary>
    public sealed class FakeClock : IClock
    {
        /// <summary>Starts at <paramref name="startMs"/> (a device clock starts at boot, near 0).</summary>
        public FakeClock(long startMs)
        {
            NowMs = startMs;
        }

        /// <inheritdoc/>
        public long NowMs { get; private set; }

        /// <summary>Moves time forward.</summary>
        public void Advance(long ms)
        {
            NowMs += ms;
        }
    }
}
