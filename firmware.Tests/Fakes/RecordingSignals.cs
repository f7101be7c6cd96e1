using System.Collections;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>An LED and buzzer that remember every level they were set to.</summary>
    public sealed class RecordingSignals : ISignalOutput
    {
        /// <summary>Every buzzer frequency set, oldest first (int).</summary>
        public readonly ArrayList Tones = new ArrayList();

        /// <summary>The LED level now.</summary>
        public bool Led { get; private set; }

        /// <summary>How often the LED was switched on.</summary>
        public int LedOnCount { get; private set; }

        /// <summary>The buzzer frequency now (0 quiet).</summary>
        public int Tone { get; private set; }

        /// <summary>How many non-zero tones were started.</summary>
        public int BeepCount { get; private set; }

        /// <inheritdoc/>
        public void SetLed(bool on)
        {
            Led = on;
            if (on)
            {
                LedOnCount++;
            }
        }

        /// <inheritdoc/>
        public void SetTone(int frequencyHz)
        {
            Tone = frequencyHz;
            Tones.Add(frequencyHz);
            if (frequencyHz != 0)
            {
                BeepCount++;
            }
        }
    }
}
